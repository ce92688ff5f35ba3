import { dlqTopic, Topics, type TypedEvent } from '@order-platform/contracts';
import { tablesOf } from '@order-platform/service-kit';
import { waitFor } from '@order-platform/testing';
import { Kafka, logLevel } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { ShipOrderService } from '../src/ship-order/ship-order.service';
import { ADDRESS, invoiceCreated as invoiceFor, orderCancelled as cancellation, paymentProcessed, roundStarted, shipmentRequest } from './support/shipment-events';
import { ShipmentTestBed } from './support/shipment-test-bed';

const invoiceCreated = (orderId: string, deliveryRoundId?: string) => invoiceFor(orderId, deliveryRoundId ? { deliveryRoundId } : {});
const orderCancelled = (orderId: string) => cancellation(orderId, { reason: 'Cancelled by the customer', cancelledBy: 'customer' });

describe('shipment: group delivery rounds (real PostgreSQL + Kafka-protocol broker)', () => {
  let bed: ShipmentTestBed;
  let nextRound = Math.floor(Date.now() / 1000);

  beforeAll(async () => {
    bed = await ShipmentTestBed.start({ database: 'shipment_rounds', topics: [Topics.OrderShipped, dlqTopic(Topics.DeliveryRoundStarted)] });
  }, 90_000);

  afterAll(() => bed?.stop(), 60_000);

  const roundId = () => String(nextRound++);
  const shipmentRows = (orderId: string) => bed.sql.rows<{ delivery_round_id: string | null }>(`SELECT delivery_round_id FROM $schema.shipments WHERE order_id = $1`, [orderId]);
  const createShipment = (orderId: string) => bed.createShipment(shipmentRequest(orderId));

  it('migrates the round tables', async () => {
    expect(await tablesOf(bed.infra.database.url, bed.service.schema)).toEqual(expect.arrayContaining(['delivery_rounds', 'cancelled_orders']));
  });

  it('holds paid members until their round starts, then ships the paid ones once with the round id; later payments ship on arrival', async () => {
    const round = roundId();
    const [early, late, noAddressYet, cancelled] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    await bed.publishAll(
      invoiceCreated(early, round),
      paymentProcessed(early),
      invoiceCreated(late, round),
      invoiceCreated(cancelled, round),
      paymentProcessed(cancelled),
      orderCancelled(cancelled),
    );
    // Paid and addressed, but the round has not started: held, neither shipped nor failed.
    expect(await shipmentRows(early)).toHaveLength(0);
    expect(bed.shippedFor(early)).toHaveLength(0);
    const held = await createShipment(early);
    expect(held).toEqual({ ok: false, error: { code: 'CONFLICT', message: `Order ${early} ships with delivery round ${round}, which has not started yet` } });

    const started = roundStarted(round, [early, late, noAddressYet, cancelled]);
    await bed.publishAll(started);
    const roundRows = await bed.sql.rows(`SELECT restaurant_id, started_at FROM $schema.delivery_rounds WHERE id = $1`, [round]);
    expect(roundRows).toEqual([{ restaurant_id: '6', started_at: new Date(started.payload.startedAt) }]);
    const shipped = (await bed.waitShipped(early)).value as TypedEvent<'OrderShipped'>;
    expect(shipped).toMatchObject({ correlationId: `test-${early}`, payload: { orderId: early, shippingAddress: ADDRESS, recipientName: 'Noa Levi' } });
    expect(await shipmentRows(early)).toEqual([{ delivery_round_id: round }]);
    // Unpaid and address-unknown members wait; the cancelled one never ships.
    expect(await shipmentRows(late)).toHaveLength(0);
    expect(await shipmentRows(noAddressYet)).toHaveLength(0);
    expect(await shipmentRows(cancelled)).toHaveLength(0);

    // Paid after the round started: ships on its payment. Addressed after it: ships on its invoice.
    await bed.publishAll(paymentProcessed(late), paymentProcessed(noAddressYet));
    await bed.waitShipped(late);
    expect(await shipmentRows(late)).toEqual([{ delivery_round_id: round }]);
    await bed.publishAll(invoiceCreated(noAddressYet, round));
    await bed.waitShipped(noAddressYet);
    expect(await shipmentRows(noAddressYet)).toEqual([{ delivery_round_id: round }]);

    // Redelivered, and started again by another event: nothing ships twice, the cancelled order still not.
    const again = roundStarted(round, [early, late, noAddressYet, cancelled]);
    await bed.publish(started);
    await bed.publishAll(again);
    for (const orderId of [early, late, noAddressYet]) {
      expect(await shipmentRows(orderId)).toHaveLength(1);
      expect(await bed.orderShippedInOutbox(orderId)).toBe(1);
    }
    expect(await shipmentRows(cancelled)).toHaveLength(0);
    expect(await createShipment(cancelled)).toEqual({ ok: false, error: { code: 'CONFLICT', message: `Order ${cancelled} has been cancelled` } });
  }, 90_000);

  it('a member cancelled before its round starts never ships; orders outside a round ship at once', async () => {
    const round = roundId();
    const member = randomUUID();
    const plain = randomUUID();
    await bed.publishAll(invoiceCreated(member, round), paymentProcessed(member), orderCancelled(member), invoiceCreated(plain), paymentProcessed(plain));
    await bed.waitShipped(plain);
    expect(await shipmentRows(plain)).toEqual([{ delivery_round_id: null }]);

    await bed.publishAll(roundStarted(round, [member]));
    expect(await shipmentRows(member)).toHaveLength(0);
    expect(bed.shippedFor(member)).toHaveLength(0);
  });

  it('ships each member once when rounds and payments are handled concurrently', async () => {
    const shipOrder = bed.get(ShipOrderService);
    const round = roundId();
    const members = Array.from({ length: 6 }, () => randomUUID());
    await bed.publishAll(...members.map((orderId) => invoiceCreated(orderId, round)), ...members.slice(0, 3).map((orderId) => paymentProcessed(orderId)));

    // Two deliveries of the round (distinct event ids) race each other and the remaining payments.
    await Promise.all([
      shipOrder.onDeliveryRoundStarted(roundStarted(round, members)),
      shipOrder.onDeliveryRoundStarted(roundStarted(round, [...members].reverse())),
      ...members.slice(3).map((orderId) => shipOrder.onPaymentProcessed(paymentProcessed(orderId), 1)),
    ]);
    for (const orderId of members) {
      expect(await shipmentRows(orderId)).toEqual([{ delivery_round_id: round }]);
      expect(await bed.orderShippedInOutbox(orderId)).toBe(1);
    }
  }, 60_000);

  it('dead-letters a malformed DeliveryRoundStarted and keeps consuming', async () => {
    const producer = new Kafka({ clientId: 'shipment-rounds-test', brokers: bed.infra.kafka.brokers, logLevel: logLevel.NOTHING }).producer();
    await producer.connect();
    const key = `group-order-${roundId()}`;
    try {
      await producer.send({ topic: Topics.DeliveryRoundStarted, messages: [{ key, value: JSON.stringify({ type: 'DeliveryRoundStarted', orderId: key, payload: { members: [] } }) }] });
    } finally {
      await producer.disconnect();
    }
    const dead = await waitFor(() => bed.received(dlqTopic(Topics.DeliveryRoundStarted)).find((m) => m.key === key), {
      timeoutMs: 30_000,
      description: 'DeliveryRoundStarted in its dead-letter topic',
    });
    expect(dead.headers).toMatchObject({ 'x-dlq-original-topic': Topics.DeliveryRoundStarted });

    const round = roundId();
    const member = randomUUID();
    await bed.publishAll(invoiceCreated(member, round), paymentProcessed(member), roundStarted(round, [member]));
    await bed.waitShipped(member);
  });
});
