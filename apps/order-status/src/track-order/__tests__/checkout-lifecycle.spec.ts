import { createEvent, Topics, type TypedEvent } from '@order-platform/contracts';
import { DeliveryStatus, type LifecycleState, OrderStatus, PaymentStatus } from '../../lifecycle/order-lifecycle-state';
import { applyCheckoutEvent } from '../checkout-lifecycle';

const orderId = 'order-1';
const at = '2026-01-15T10:00:00.000Z';
const options = { correlationId: 'c-1' };
const fresh: LifecycleState = { status: OrderStatus.New, paymentStatus: PaymentStatus.Unpaid, deliveryStatus: DeliveryStatus.Pending };

const paymentProcessed = createEvent(
  Topics.PaymentProcessed,
  { orderId, paymentId: 'p-1', invoiceId: 'i-1', transactionId: 1, method: 'card', provider: 'sandbox', amountMinor: 1000, currency: 'USD', processedAt: at },
  options,
) as TypedEvent;
const refunded = createEvent(Topics.PaymentRefunded, { orderId, paymentId: 'p-1', refundId: 'r-1', amountMinor: 1000, currency: 'USD', reason: 'x', refundedAt: at }, options) as TypedEvent;
const shipped = createEvent(Topics.OrderShipped, { orderId, shipmentId: 's-1', carrier: 'local', trackingNumber: '1', shippedAt: at }, options) as TypedEvent;
const delivered = createEvent(Topics.OrderDelivered, { orderId, shipmentId: 's-1', deliveredAt: at }, options) as TypedEvent;

describe('checkout events on the lifecycle table', () => {
  it('a checkout payment marks the order paid and publishes OrderPaid; a second one changes nothing', () => {
    const first = applyCheckoutEvent(fresh, paymentProcessed, false);
    expect(first).toEqual({ to: { ...fresh, paymentStatus: PaymentStatus.Paid }, events: ['OrderPaid'] });
    expect(applyCheckoutEvent(first.to, paymentProcessed, false)).toEqual({ to: first.to, events: [] });
  });

  it('a delivery seen before its shipment ends delivered; the late shipment is absorbed', () => {
    const afterDelivery = applyCheckoutEvent(fresh, delivered, false);
    expect(afterDelivery.to.deliveryStatus).toBe(DeliveryStatus.Delivered);
    expect(applyCheckoutEvent(afterDelivery.to, shipped, false).to.deliveryStatus).toBe(DeliveryStatus.Delivered);
  });

  it('a cancelled order refuses shipment but takes its refund, even before the payment was seen', () => {
    const cancelled = applyCheckoutEvent(fresh, refunded, true).to;
    expect(cancelled).toEqual({ status: OrderStatus.Cancelled, paymentStatus: PaymentStatus.Unpaid, deliveryStatus: DeliveryStatus.Pending });
    expect(applyCheckoutEvent(cancelled, refunded, false).to.paymentStatus).toBe(PaymentStatus.Refunded);
    expect(applyCheckoutEvent(cancelled, shipped, false).to.deliveryStatus).toBe(DeliveryStatus.Pending);
  });

  it('the cancel row moves the state without publishing (the tracker writes OrderCancelled itself)', () => {
    expect(applyCheckoutEvent(fresh, shipped, true)).toEqual({ to: { ...fresh, status: OrderStatus.Cancelled, deliveryStatus: DeliveryStatus.Shipped }, events: [] });
  });
});
