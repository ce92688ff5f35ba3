import { createEvent, Topics, type TypedEvent } from '@order-platform/contracts';
import { randomUUID } from 'node:crypto';
import { ADDRESS, invoiceCreated, orderConfirmed, paymentProcessed, roundStarted, shipmentRequest } from './support/shipment-events';
import { ShipmentTestBed } from './support/shipment-test-bed';

/** An invoice without a shipping address: shipment keeps no destination for it. */
function invoiceWithoutAddress(orderId: string): TypedEvent<'InvoiceCreated'> {
  const { customerPhone: _phone, shippingAddress: _address, ...payload } = invoiceCreated(orderId).payload;
  return createEvent(Topics.InvoiceCreated, { ...payload, awaitsMerchantConfirmation: true }, { correlationId: `test-${orderId}` });
}

/**
 * PaymentProcessed carries the invoice's holds, so an order paid before shipment has handled
 * its InvoiceCreated (another topic) is held on every path, the create-shipment command too.
 */
describe('shipment: holds known from the payment (real PostgreSQL + Kafka-protocol broker)', () => {
  let bed: ShipmentTestBed;
  let nextRound = Math.floor(Date.now() / 1000);

  beforeAll(async () => {
    bed = await ShipmentTestBed.start({ database: 'shipment_payment_holds', topics: [Topics.OrderShipped] });
  }, 90_000);

  afterAll(() => bed?.stop(), 60_000);

  const roundId = () => String(nextRound++);
  const shipmentRows = (orderId: string) =>
    bed.sql.rows<{ address: string; delivery_round_id: string | null }>(`SELECT address, delivery_round_id FROM $schema.shipments WHERE order_id = $1`, [orderId]);
  const createShipment = (orderId: string) => bed.createShipment(shipmentRequest(orderId));

  async function expectNotShipped(orderId: string): Promise<void> {
    expect(await shipmentRows(orderId)).toHaveLength(0);
    expect(await bed.orderShippedInOutbox(orderId)).toBe(0);
    expect(bed.shippedFor(orderId)).toHaveLength(0);
  }

  it('records the holds with the payment', async () => {
    const orderId = randomUUID();
    await bed.publishAll(paymentProcessed(orderId, { deliveryRoundId: '77', awaitsMerchantConfirmation: true }));
    const rows = await bed.sql.rows(`SELECT delivery_round_id, awaits_merchant_confirmation FROM $schema.paid_orders WHERE order_id = $1`, [orderId]);
    expect(rows).toEqual([{ delivery_round_id: '77', awaits_merchant_confirmation: true }]);
  });

  it('paid before its invoice is handled: create-shipment answers 409 until the merchant accepts; OrderConfirmed then ships it once', async () => {
    const orderId = randomUUID();
    await bed.publishAll(paymentProcessed(orderId, { awaitsMerchantConfirmation: true }));
    expect(await createShipment(orderId)).toEqual({ ok: false, error: { code: 'CONFLICT', message: `Order ${orderId} ships once the merchant has accepted it` } });
    await expectNotShipped(orderId);

    await bed.publishAll(orderConfirmed(orderId));
    const shipped = (await bed.waitShipped(orderId)).value as TypedEvent<'OrderShipped'>;
    // The command gave the address; the payment's correlation goes on, as on every path.
    expect(shipped).toMatchObject({ correlationId: `test-${orderId}`, payload: { orderId, shippingAddress: ADDRESS, recipientName: 'Noa Levi' } });
    expect(await shipmentRows(orderId)).toEqual([{ address: ADDRESS, delivery_round_id: null }]);
    expect(await bed.orderShippedInOutbox(orderId)).toBe(1);
    expect(await createShipment(orderId)).toMatchObject({ ok: true, data: { orderId, created: false } });
  }, 60_000);

  it('an invoice without an address gives no destination: the payment still holds the order for the merchant', async () => {
    const orderId = randomUUID();
    await bed.publishAll(invoiceWithoutAddress(orderId), paymentProcessed(orderId, { awaitsMerchantConfirmation: true }));
    expect(await createShipment(orderId)).toEqual({ ok: false, error: { code: 'CONFLICT', message: `Order ${orderId} ships once the merchant has accepted it` } });
    await expectNotShipped(orderId);

    await bed.publishAll(orderConfirmed(orderId));
    await bed.waitShipped(orderId);
    expect(await bed.orderShippedInOutbox(orderId)).toBe(1);
  }, 60_000);

  it('a round member paid before its invoice is handled: 409 until the round starts, then ships once with the round id', async () => {
    const round = roundId();
    const orderId = randomUUID();
    await bed.publishAll(paymentProcessed(orderId, { deliveryRoundId: round }));
    expect(await createShipment(orderId)).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: `Order ${orderId} ships with delivery round ${round}, which has not started yet` },
    });
    await expectNotShipped(orderId);

    await bed.publishAll(roundStarted(round, [orderId]));
    await bed.waitShipped(orderId);
    expect(await shipmentRows(orderId)).toEqual([{ address: ADDRESS, delivery_round_id: round }]);
    expect(await bed.orderShippedInOutbox(orderId)).toBe(1);
  }, 60_000);

  it('a round member whose round has started ships through the command with the round id', async () => {
    const round = roundId();
    const orderId = randomUUID();
    await bed.publishAll(roundStarted(round, [orderId]), paymentProcessed(orderId, { deliveryRoundId: round }));
    expect(await createShipment(orderId)).toMatchObject({ ok: true, data: { orderId, created: true } });
    expect(await shipmentRows(orderId)).toEqual([{ address: ADDRESS, delivery_round_id: round }]);
  }, 60_000);

  it('a PaymentProcessed without the fields (published before they existed) still ships through the command as before', async () => {
    const orderId = randomUUID();
    // No address yet: retried, then parked until an address arrives.
    await bed.publishAll(paymentProcessed(orderId));
    expect(await createShipment(orderId)).toMatchObject({ ok: true, data: { orderId, created: true } });
    await bed.waitShipped(orderId);
    expect(await shipmentRows(orderId)).toEqual([{ address: ADDRESS, delivery_round_id: null }]);
  }, 60_000);
});
