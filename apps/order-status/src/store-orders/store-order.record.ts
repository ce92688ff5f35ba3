import type { StoreOrderView } from '@order-platform/contracts';
import {
  isDeliveryStatusCode,
  isOrderStatusCode,
  isPaymentStatusCode,
  type LifecycleState,
  statusText,
} from '../lifecycle/order-lifecycle-state';

/** One store order as read from the orders table with its store (raw SQL row; bigints arrive as strings). */
export interface StoreOrderRow {
  order_id: string;
  customer_id: string | null;
  store_order_id: string;
  order_number: string;
  store_id: string;
  store_name: string;
  lifecycle_status: number;
  payment_status: number;
  delivery_status: number;
  channel: number | null;
  table_number: string | null;
  notes: string | null;
  currency: string;
  total_minor: string;
  tax_minor: string;
  service_charge_minor: string;
  grand_total_minor: string;
  payment_method: number | null;
  user_id: string | null;
  user_name: string | null;
  user_phone: string | null;
  delivery_info: Record<string, unknown> | null;
  created_at: Date;
}

export function lifecycleStateOf(row: StoreOrderRow): LifecycleState {
  const { lifecycle_status: status, payment_status: paymentStatus, delivery_status: deliveryStatus } = row;
  // The table's CHECK constraints make these hold; a failure here means a broken migration.
  if (!isOrderStatusCode(status) || !isPaymentStatusCode(paymentStatus) || !isDeliveryStatusCode(deliveryStatus)) {
    throw new Error(`order ${row.order_id} has unknown lifecycle codes ${status}/${paymentStatus}/${deliveryStatus}`);
  }
  return { status, paymentStatus, deliveryStatus };
}

function minor(value: string): number {
  const amount = Number(value);
  if (!Number.isSafeInteger(amount)) throw new RangeError(`amount ${value} is not a safe integer of minor units`);
  return amount;
}

/** The row after a transition, as the store command replies it. */
export function toStoreOrderView(row: StoreOrderRow, state: LifecycleState): StoreOrderView {
  const userId = row.user_id === null ? null : Number(row.user_id);
  return {
    id: Number(row.store_order_id),
    number: row.order_number,
    currency: row.currency,
    totalMinor: minor(row.total_minor),
    taxMinor: minor(row.tax_minor),
    serviceChargeMinor: minor(row.service_charge_minor),
    grandTotalMinor: minor(row.grand_total_minor),
    tableNumber: row.table_number,
    channel: row.channel ?? 0,
    notes: row.notes,
    status: state.status,
    deliveryStatus: state.deliveryStatus,
    statusText: statusText(state.status),
    storeName: row.store_name,
    userId,
    createdAt: Math.floor(row.created_at.getTime() / 1000),
    paymentMethod: row.payment_method,
    paymentStatus: state.paymentStatus,
    user: userId === null ? null : { id: userId, name: row.user_name ?? '', phone: row.user_phone ?? '' },
    deliveryInfo: row.delivery_info,
  };
}
