import type { GetOrderResponse } from '@order-platform/contracts';
import { accessTokenOf } from '../access-token-query.middleware';
import { callerMayWatch, orderPartiesOf } from '../tracking-access.policy';
import { loadConfig } from '@order-platform/service-kit';
import { GatewayConfig } from '../../../gateway-config';

describe('who may watch an order', () => {
  const order: GetOrderResponse = {
    orderId: '456',
    status: 'pending',
    timeline: [{ step: 'CartUpdated', at: '2026-01-15T10:00:00.000Z', eventId: 'e1', details: { customerId: '8080', restaurantId: 12 } }],
  };

  it("allows the order's customer and its restaurant, nobody else", () => {
    const parties = orderPartiesOf(order);
    expect(parties).toEqual({ customerId: '8080', restaurantId: '12' });
    expect(callerMayWatch({ customerId: '8080' }, parties)).toBe(true);
    expect(callerMayWatch({ restaurantId: '12' }, parties)).toBe(true);
    expect(callerMayWatch({ customerId: '9090' }, parties)).toBe(false);
    expect(callerMayWatch({}, parties)).toBe(false);
  });
});

describe('accessTokenOf', () => {
  it('reads ?access_token= for EventSource clients', () => {
    expect(accessTokenOf('/orders/456/events?access_token=abc.def')).toBe('abc.def');
    expect(accessTokenOf('/orders/456/events?access_token=')).toBeUndefined();
    expect(accessTokenOf('/orders/456/events')).toBeUndefined();
  });
});

describe('tracking settings (GatewayConfig)', () => {
  const loadTrackingSettings = (env: Record<string, string>) => loadConfig(GatewayConfig, { HTTP_PORT: '3000', KAFKA_BROKERS: '127.0.0.1:9092', KAFKA_CLIENT_ID: 'gateway', ...env });
  it('uses defaults, reads TRACKING_* values and names a bad one', () => {
    expect(loadTrackingSettings({})).toMatchObject({ TRACKING_HEARTBEAT_MS: 15_000, TRACKING_RETRY_MS: 3_000 });
    expect(loadTrackingSettings({ TRACKING_HEARTBEAT_MS: '200' }).TRACKING_HEARTBEAT_MS).toBe(200);
    expect(() => loadTrackingSettings({ TRACKING_HEARTBEAT_MS: 'soon' })).toThrow(/TRACKING_HEARTBEAT_MS/);
  });
});
