/**
 * The lifecycle codes stores and POS systems already speak (Order Status API): numbers on the
 * wire and in the database, named here so code never compares against bare literals.
 */
export const OrderStatus = { New: 1, Confirmed: 10, Complete: 20, Cancelled: 30 } as const;
export type OrderStatusCode = (typeof OrderStatus)[keyof typeof OrderStatus];

export const PaymentStatus = { Unpaid: 1, Paid: 2, Refunded: 3 } as const;
export type PaymentStatusCode = (typeof PaymentStatus)[keyof typeof PaymentStatus];

export const DeliveryStatus = { Pending: 10, Shipped: 20, Delivered: 30 } as const;
export type DeliveryStatusCode = (typeof DeliveryStatus)[keyof typeof DeliveryStatus];

export const ORDER_STATUS_CODES: readonly OrderStatusCode[] = Object.values(OrderStatus);
export const PAYMENT_STATUS_CODES: readonly PaymentStatusCode[] = Object.values(PaymentStatus);
export const DELIVERY_STATUS_CODES: readonly DeliveryStatusCode[] = Object.values(DeliveryStatus);

const STATUS_TEXT: Record<OrderStatusCode, string> = {
  [OrderStatus.New]: 'New',
  [OrderStatus.Confirmed]: 'Confirmed',
  [OrderStatus.Complete]: 'Complete',
  [OrderStatus.Cancelled]: 'Cancelled',
};

export function statusText(status: OrderStatusCode): string {
  return STATUS_TEXT[status];
}

/** Where one order stands: three independent axes, moved together by the state machine. */
export interface LifecycleState {
  status: OrderStatusCode;
  paymentStatus: PaymentStatusCode;
  deliveryStatus: DeliveryStatusCode;
}

export function isOrderStatusCode(value: unknown): value is OrderStatusCode {
  return ORDER_STATUS_CODES.includes(value as OrderStatusCode);
}

export function isPaymentStatusCode(value: unknown): value is PaymentStatusCode {
  return PAYMENT_STATUS_CODES.includes(value as PaymentStatusCode);
}

export function isDeliveryStatusCode(value: unknown): value is DeliveryStatusCode {
  return DELIVERY_STATUS_CODES.includes(value as DeliveryStatusCode);
}
