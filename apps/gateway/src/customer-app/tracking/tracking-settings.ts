import type { GatewayConfig } from '../../gateway-config';

/** The order-tracking settings (validated with the rest of GatewayConfig at start). */
export type TrackingSettings = Pick<GatewayConfig, 'TRACKING_HEARTBEAT_MS' | 'TRACKING_RETRY_MS' | 'TRACKING_MAX_BUFFERED_EVENTS'>;

export const TRACKING_SETTINGS = Symbol('TRACKING_SETTINGS');
