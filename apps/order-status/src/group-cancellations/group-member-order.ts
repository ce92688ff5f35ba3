import type { LifecycleOrderRow } from '../lifecycle/lifecycle-order-row';
import { OrderStatus } from '../lifecycle/order-lifecycle-state';

/**
 * Cancelled already, by whatever path: the lifecycle, or the checkout status (a failed
 * payment's cancellation, which the tracker also applies to the lifecycle).
 */
export function isAlreadyCancelled(row: LifecycleOrderRow): boolean {
  return row.lifecycle_status === OrderStatus.Cancelled || row.status === 'cancelled';
}
