import { type CustomerAppOrderView, formatMinor, type GetOrderResponse } from '@order-platform/contracts';

/** Amounts leave as decimal strings in the order's currency ("12.50"); minor units stay inside. */
export function presentCustomerAppOrder(order: CustomerAppOrderView, checkout?: GetOrderResponse) {
  const money = (minor: number) => formatMinor(minor, order.currency);
  return {
    id: order.orderId,
    status: order.state,
    customerId: order.customerId,
    restaurantId: order.restaurantId,
    currency: order.currency,
    lines: order.lines.map((line) => ({ productId: line.productId, name: line.name, quantity: line.quantity, unitPrice: money(line.unitPriceMinor), lineTotal: money(line.lineTotalMinor) })),
    subtotal: money(order.subtotalMinor),
    discount: money(order.discountMinor),
    tax: money(order.taxMinor),
    total: money(order.totalMinor),
    couponCode: order.couponCode,
    deliveryAddress: order.deliveryAddress,
    tableNumber: order.tableNumber,
    customerDetails: order.customer,
    paymentMethod: order.paymentMethod,
    rejectionReason: order.rejectionReason,
    checkout: checkout
      ? { status: checkout.status, cancellationReason: checkout.cancellationReason ?? null, timeline: checkout.timeline.map(({ step, at, details }) => ({ step, at, details })) }
      : null,
  };
}

export type CustomerAppOrderResponse = ReturnType<typeof presentCustomerAppOrder>;
