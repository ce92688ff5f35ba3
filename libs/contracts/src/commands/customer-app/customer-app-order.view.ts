import type { CheckoutStatus } from '../order-status/get-order.command';

/** Where a customer-app order stands in the app's steps (cart owns these). */
export const CUSTOMER_APP_ORDER_STATES = ['CREATED', 'DETAILS_CONFIRMED', 'PAYMENT_CONFIRMED', 'ACCEPTED', 'REJECTED'] as const;
export type CustomerAppOrderState = (typeof CUSTOMER_APP_ORDER_STATES)[number];

export const CUSTOMER_APP_PAYMENT_METHODS = ['CARD', 'CASH'] as const;
export type CustomerAppPaymentMethod = (typeof CUSTOMER_APP_PAYMENT_METHODS)[number];

export interface CustomerAppOrderLineView {
  productId: string;
  name: string;
  quantity: number;
  unitPriceMinor: number;
  lineTotalMinor: number;
}

export interface CustomerAppCustomerDetails {
  name: string;
  phone: string;
  email: string;
  deliveryAddress?: string;
}

/** The cart's draft order as the customer and restaurant apps see it; money in minor units. */
export interface CustomerAppOrderView {
  orderId: string;
  customerId: string;
  restaurantId: string;
  state: CustomerAppOrderState;
  currency: string;
  lines: CustomerAppOrderLineView[];
  subtotalMinor: number;
  discountMinor: number;
  taxMinor: number;
  totalMinor: number;
  couponCode: string | null;
  deliveryAddress: string | null;
  tableNumber: string | null;
  customer: CustomerAppCustomerDetails | null;
  paymentMethod: CustomerAppPaymentMethod | null;
  rejectionReason: string | null;
  createdAt: string;
  updatedAt: string;
}

/** The checkout side of the order (order-status), joined in by the gateway for tracking. */
export interface CustomerAppTracking {
  status: CheckoutStatus;
  cancellationReason?: string;
  timeline: Array<{ step: string; at: string; details: Record<string, unknown> }>;
}
