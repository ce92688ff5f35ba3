import type { CustomerAppCustomerDetails, CustomerAppOrderLineView, CustomerAppOrderState, CustomerAppOrderView, CustomerAppPaymentMethod } from '@order-platform/contracts';

/** One draft row as read with raw SQL (bigints arrive as strings). */
export interface CustomerAppOrderRow {
  id: string;
  customer_id: string;
  restaurant_id: string;
  state: CustomerAppOrderState;
  currency: string;
  lines: CustomerAppOrderLineView[];
  subtotal_minor: string;
  discount_minor: string;
  tax_minor: string;
  total_minor: string;
  coupon_code: string | null;
  delivery_address: string | null;
  table_number: string | null;
  customer_details: CustomerAppCustomerDetails | null;
  payment_method: CustomerAppPaymentMethod | null;
  rejection_reason: string | null;
  created_at: Date;
  updated_at: Date;
}

export function toCustomerAppOrderView(row: CustomerAppOrderRow): CustomerAppOrderView {
  return {
    orderId: row.id,
    customerId: row.customer_id,
    restaurantId: row.restaurant_id,
    state: row.state,
    currency: row.currency.trim(),
    lines: row.lines,
    subtotalMinor: Number(row.subtotal_minor),
    discountMinor: Number(row.discount_minor),
    taxMinor: Number(row.tax_minor),
    totalMinor: Number(row.total_minor),
    couponCode: row.coupon_code,
    deliveryAddress: row.delivery_address,
    tableNumber: row.table_number,
    customer: row.customer_details,
    paymentMethod: row.payment_method,
    rejectionReason: row.rejection_reason,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
