import { Topics, type TypedEvent } from '@order-platform/contracts';
import { tablesOf } from '@order-platform/service-kit';
import { randomUUID } from 'node:crypto';
import { ShipOrderService } from '../src/ship-order/ship-order.service';
import { ADDRESS, invoiceCreated as invoiceFor, orderCancelled as cancellation, orderConfirmed, paymentProcessed, shipmentRequest } from './support/shipment-events';
import { ShipmentTestBed } from './support/shipment-test-bed';

const invoiceCreated = (orderId: string, awaitsMerchantConfirmation: boolean) => invoiceFor(orderId, awaitsMerchantConfirmation ? { awaitsMerchantConfirmation } : {});
/** What order-status publishes after OrderRejected: the rejection cancels the order. */
const orderCancelled = (orderId: string) => cancellation(orderId, { reason: 'Rejected by the restaurant', cancelledBy: 'merchant' }, 'restaurant');

describe('shipment: orders held for the merchant to accept (real PostgreSQL + Kafka-protocol broker)', () => {
  let bed: ShipmentTestBed;

  beforeAll(async () => {
    bed = await ShipmentTestBed.start({ database: 'shipment_confirmation', topics: [Topics.OrderShipped] });
  }, 90_000);

  afterAll(() => bed?.stop(), 60_000);

  const shipmentCount = async (orderId: string) => (await bed.sql.rows<{ n: number }>(`SELECT count(*)::int AS n FROM $schema.shipments WHERE order_id = $1`, [orderId]))[0].n;
  const createShipment = (orderId: string) => bed.createShipment(shipmentRequest(orderId));

  it('migrates the confirmations table', async () => {
    expect(await tablesOf(bed.infra.database.url, bed.service.schema)).toEqual(expect.arrayContaining(['confirmed_orders']));
  });

  it('holds a paid, invoiced order until OrderConfirmed, then ships it once, also under redelivery', async () => {
    const orderId = randomUUID();
    await bed.publishAll(invoiceCreated(orderId, true), paymentProcessed(orderId));
    // Paid and addressed, but not accepted: held, neither shipped nor failed.
    expect(await shipmentCount(orderId)).toBe(0);
    expect(bed.shippedFor(orderId)).toHaveLength(0);
    expect(await createShipment(orderId)).toEqual({ ok: false, error: { code: 'CONFLICT', message: `Order ${orderId} ships once the merchant has accepted it` } });
    expect(await shipmentCount(orderId)).toBe(0);

    const confirmed = orderConfirmed(orderId);
    await bed.publishAll(confirmed);
    const shipped = (await bed.waitShipped(orderId)).value as TypedEvent<'OrderShipped'>;
    // The shipment carries the payment's correlation, like every other path.
    expect(shipped).toMatchObject({ correlationId: `test-${orderId}`, payload: { orderId, shippingAddress: ADDRESS, recipientName: 'Noa Levi' } });
    const rows = await bed.sql.rows(`SELECT order_id FROM $schema.confirmed_orders WHERE order_id = $1`, [orderId]);
    expect(rows).toHaveLength(1);

    // The same OrderConfirmed redelivered, and a second one (new event id): nothing ships twice.
    await bed.publish(confirmed);
    await bed.publishAll(orderConfirmed(orderId), paymentProcessed(orderId));
    expect(await shipmentCount(orderId)).toBe(1);
    expect(await bed.orderShippedInOutbox(orderId)).toBe(1);
    const reply = await createShipment(orderId);
    expect(reply).toMatchObject({ ok: true, data: { orderId, created: false } });
  }, 90_000);

  it('ships on the payment or the invoice when OrderConfirmed came first', async () => {
    const [paidLast, invoicedLast] = [randomUUID(), randomUUID()];
    await bed.publishAll(orderConfirmed(paidLast), invoiceCreated(paidLast, true), orderConfirmed(invoicedLast), paymentProcessed(invoicedLast));
    expect(await shipmentCount(paidLast)).toBe(0);
    expect(await shipmentCount(invoicedLast)).toBe(0);

    await bed.publishAll(paymentProcessed(paidLast), invoiceCreated(invoicedLast, true));
    await bed.waitShipped(paidLast);
    await bed.waitShipped(invoicedLast);
    expect(await shipmentCount(paidLast)).toBe(1);
    expect(await shipmentCount(invoicedLast)).toBe(1);
  }, 60_000);

  it('never ships an order the merchant rejected, whenever its payment and invoice arrive', async () => {
    const [rejectedWhilePaid, rejectedBeforePayment] = [randomUUID(), randomUUID()];
    await bed.publishAll(invoiceCreated(rejectedWhilePaid, true), paymentProcessed(rejectedWhilePaid), orderCancelled(rejectedWhilePaid));
    await bed.publishAll(orderCancelled(rejectedBeforePayment), invoiceCreated(rejectedBeforePayment, true), paymentProcessed(rejectedBeforePayment));
    // Even a stray confirmation afterwards ships nothing.
    await bed.publishAll(orderConfirmed(rejectedWhilePaid), orderConfirmed(rejectedBeforePayment));
    for (const orderId of [rejectedWhilePaid, rejectedBeforePayment]) {
      expect(await shipmentCount(orderId)).toBe(0);
      expect(await bed.orderShippedInOutbox(orderId)).toBe(0);
      expect(bed.shippedFor(orderId)).toHaveLength(0);
    }
    expect(await createShipment(rejectedWhilePaid)).toEqual({ ok: false, error: { code: 'CONFLICT', message: `Order ${rejectedWhilePaid} has been cancelled` } });
  }, 60_000);

  it('ships an order that needs no acceptance at once, without waiting for OrderConfirmed', async () => {
    const orderId = randomUUID();
    await bed.publishAll(invoiceCreated(orderId, false), paymentProcessed(orderId));
    await bed.waitShipped(orderId);
    // A later confirmation (other channels are confirmed too) changes nothing.
    await bed.publishAll(orderConfirmed(orderId));
    expect(await bed.orderShippedInOutbox(orderId)).toBe(1);
  });

  it('ships once when the confirmation and the payment are handled concurrently', async () => {
    const shipOrder = bed.get(ShipOrderService);
    const orders = Array.from({ length: 6 }, () => randomUUID());
    await bed.publishAll(...orders.map((orderId) => invoiceCreated(orderId, true)));
    await Promise.all(orders.flatMap((orderId) => [shipOrder.onOrderConfirmed(orderConfirmed(orderId)), shipOrder.onPaymentProcessed(paymentProcessed(orderId), 1)]));
    for (const orderId of orders) {
      expect(await shipmentCount(orderId)).toBe(1);
      expect(await bed.orderShippedInOutbox(orderId)).toBe(1);
    }
  }, 60_000);
});
