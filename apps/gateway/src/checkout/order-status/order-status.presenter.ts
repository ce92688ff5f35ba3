import type { GetOrderResponse } from '@order-platform/contracts';
import { isoWithOffset } from '../shared/checkout-format';
import type { OrderStatusView } from './order-status.view';

export function toOrderStatusView(order: GetOrderResponse): OrderStatusView {
  const view: OrderStatusView = {
    orderId: order.orderId,
    status: order.status,
    timeline: order.timeline.map((step) => ({ step: step.step, at: isoWithOffset(step.at), eventId: step.eventId, details: step.details })),
  };
  if (order.cancellationReason) view.cancellationReason = order.cancellationReason;
  return view;
}
