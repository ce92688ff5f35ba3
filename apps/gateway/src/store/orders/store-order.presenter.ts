import { formatMinor, type StoreOrderView, type StoreRefusal } from '@order-platform/contracts';
import type { StoreOrderBody } from './store-order.view';

/** Minor units -> the store's currency units as a JSON number (exact: formatted in decimal first). */
function units(amountMinor: number, currency: string): number {
  return Number(formatMinor(amountMinor, currency));
}

export function toStoreOrderBody(view: StoreOrderView): StoreOrderBody {
  const { currency } = view;
  return {
    id: view.id,
    number: view.number,
    total: units(view.totalMinor, currency),
    tax: units(view.taxMinor, currency),
    serviceCharge: units(view.serviceChargeMinor, currency),
    grandTotal: units(view.grandTotalMinor, currency),
    tableNumber: view.tableNumber,
    channel: view.channel,
    notes: view.notes,
    status: view.status,
    deliveryStatus: view.deliveryStatus,
    statusText: view.statusText,
    storeName: view.storeName,
    userID: view.userId,
    created: view.createdAt,
    paymentMethod: view.paymentMethod,
    paymentStatus: view.paymentStatus,
    user: view.user,
    delivery_info: view.deliveryInfo,
  };
}

/** The store API's wording of each refusal order-status can give. */
export const STORE_REFUSAL_WIRE: Record<StoreRefusal, { message: string; code: string }> = {
  ORDER_NOT_FOUND: { message: 'Order not found', code: 'invalid_order_number' },
  ALREADY_CONFIRMED: { message: 'Order has been confirmed', code: 'invalid_status' },
  ALREADY_PAID: { message: 'Order already paid', code: 'already_paid' },
  ALREADY_COMPLETED: { message: 'Order already completed', code: 'order_already_completed' },
  ALREADY_CANCELLED: { message: 'Order already canceled', code: 'order_already_canceled' },
};
