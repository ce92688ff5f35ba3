import { type CommandReply, Commands, createEvent, type CreateShipmentResponse, dlqTopic, Topics, type TypedEvent } from '@order-platform/contracts';
import { CommandClientForTest, inboxHas, publishEventForTest, type ReadMessage, startServiceForTest, tablesOf, TopicReader } from '@order-platform/service-kit';
import { startTestKafka, startTestPostgres, type TestDatabase, type TestKafka, type TestPostgres, waitFor } from '@order-platform/testing';
import { Kafka, logLevel } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { SHIPMENT_CONSUMER, ShipOrderService } from '../src/ship-order/ship-order.service';
import { shipmentService } from '../src/shipment.service-definition';

const ADDRESS = 'Allée des techniques avancées, 91120 Palaiseau, France';

function invoiceCreated(orderId: string, deliveryRoundId?: string): TypedEvent<'InvoiceCreated'> {
  return createEvent(
    Topics.InvoiceCreated,
    {
      orderId,
      invoiceId: randomUUID(),
      invoiceNumber: 'INV-2026-000001',
      customerId: '5',
      currency: 'EUR',
      lines: [{ description: 'Pizza Margherita (large)', productId: '1', quantity: 2, unitPriceMinor: 810, taxMinor: 292, totalMinor: 1620 }],
      subtotalMinor: 1328,
      taxMinor: 292,
      totalMinor: 1620,
      issuedAt: new Date().toISOString(),
      customerName: 'Noa Levi',
      customerPhone: '0605040302',
      shippingAddress: ADDRESS,
      ...(deliveryRoundId ? { deliveryRoundId } : {}),
    },
    { correlationId: `test-${orderId}` },
  );
}

function paymentProcessed(orderId: string): TypedEvent<'PaymentProcessed'> {
  return createEvent(
    Topics.PaymentProcessed,
    { orderId, paymentId: randomUUID(), amountMinor: 1620, currency: 'EUR', method: 'card', provider: 'sandbox', processedAt: new Date().toISOString() },
    { correlationId: `test-${orderId}` },
  );
}

function orderCancelled(orderId: string): TypedEvent<'OrderCancelled'> {
  return createEvent(
    Topics.OrderCancelled,
    { orderId, reason: 'Cancelled by the customer', cancelledBy: 'customer', refundRequired: true, cancelledAt: new Date().toISOString() },
    { correlationId: `test-${orderId}` },
  );
}

function roundStarted(deliveryRoundId: string, orderIds: string[]): TypedEvent<'DeliveryRoundStarted'> {
  return createEvent(
    Topics.DeliveryRoundStarted,
    {
      groupOrderId: deliveryRoundId,
      restaurantId: '6',
      currency: 'EUR',
      deliveryRoundId,
      members: orderIds.map((orderId, index) => ({ memberOrderId: String(100 + index), orderId })),
      startedAt: new Date().toISOString(),
    },
    { correlationId: `group-${deliveryRoundId}` },
  );
}

describe('shipment: group delivery rounds (real PostgreSQL + Kafka-protocol broker)', () => {
  let kafka: TestKafka;
  let postgres: TestPostgres;
  let database: TestDatabase;
  let service: Awaited<ReturnType<typeof startServiceForTest>>;
  let events: TopicReader;
  let commands: CommandClientForTest;
  let sql: Client;
  let nextRound = Math.floor(Date.now() / 1000);

  beforeAll(async () => {
    [kafka, postgres] = await Promise.all([startTestKafka(), startTestPostgres()]);
    database = await postgres.createDatabase('shipment_rounds');
    service = await startServiceForTest(shipmentService, { brokers: kafka.brokers, databaseUrl: database.url }, { SHIPMENT_PAYMENT_WAIT_MS: '300' });
    events = await TopicReader.start(kafka.brokers, [Topics.OrderShipped, dlqTopic(Topics.DeliveryRoundStarted)]);
    commands = await CommandClientForTest.connect(kafka.brokers, [Commands.Shipment.CreateShipment]);
    sql = new Client({ connectionString: database.url });
    await sql.connect();
  }, 90_000);

  afterAll(async () => {
    await sql?.end();
    await commands?.close();
    await events?.stop();
    await service?.close();
    await database?.drop();
    await postgres?.stop();
    await kafka?.stop();
  }, 60_000);

  const roundId = () => String(nextRound++);
  const shippedFor = (orderId: string): ReadMessage[] => events.on(Topics.OrderShipped).filter((m) => m.key === orderId);
  const waitShipped = (orderId: string) => waitFor(() => shippedFor(orderId)[0], { timeoutMs: 30_000, description: `OrderShipped for ${orderId}` });
  const handled = (event: TypedEvent) =>
    waitFor(() => inboxHas(database.url, service.schema, SHIPMENT_CONSUMER, event.id), { timeoutMs: 30_000, description: `${event.type} ${event.id} handled` });

  async function publishAll(...list: TypedEvent[]): Promise<void> {
    for (const event of list) await publishEventForTest(kafka.brokers, event);
    for (const event of list) await handled(event);
  }

  async function shipmentRows(orderId: string): Promise<Array<{ delivery_round_id: string | null }>> {
    return (await sql.query(`SELECT delivery_round_id FROM "${service.schema}".shipments WHERE order_id = $1`, [orderId])).rows;
  }

  /** OrderShipped rows the service wrote (published or not): the outbox is the service's own count. */
  async function orderShippedInOutbox(orderId: string): Promise<number> {
    const rows = await sql.query(`SELECT count(*)::int AS n FROM "${service.schema}".outbox WHERE topic = 'OrderShipped' AND key = $1`, [orderId]);
    return rows.rows[0].n;
  }

  function createShipment(orderId: string): Promise<CommandReply<CreateShipmentResponse>> {
    return commands.send(Commands.Shipment.CreateShipment, { orderId, name: 'Noa Levi', phone: '0605040302', shippingAddress: ADDRESS }, orderId);
  }

  it('migrates the round tables', async () => {
    expect(await tablesOf(database.url, service.schema)).toEqual(expect.arrayContaining(['delivery_rounds', 'cancelled_orders']));
  });

  it('holds paid members until their round starts, then ships the paid ones once with the round id; later payments ship on arrival', async () => {
    const round = roundId();
    const [early, late, noAddressYet, cancelled] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    await publishAll(
      invoiceCreated(early, round),
      paymentProcessed(early),
      invoiceCreated(late, round),
      invoiceCreated(cancelled, round),
      paymentProcessed(cancelled),
      orderCancelled(cancelled),
    );
    // Paid and addressed, but the round has not started: held, neither shipped nor failed.
    expect(await shipmentRows(early)).toHaveLength(0);
    expect(shippedFor(early)).toHaveLength(0);
    const held = await createShipment(early);
    expect(held).toEqual({ ok: false, error: { code: 'CONFLICT', message: `Order ${early} ships with delivery round ${round}, which has not started yet` } });

    const started = roundStarted(round, [early, late, noAddressYet, cancelled]);
    await publishAll(started);
    const roundRow = await sql.query(`SELECT restaurant_id, started_at FROM "${service.schema}".delivery_rounds WHERE id = $1`, [round]);
    expect(roundRow.rows).toEqual([{ restaurant_id: '6', started_at: new Date(started.payload.startedAt) }]);
    const shipped = (await waitShipped(early)).value as TypedEvent<'OrderShipped'>;
    expect(shipped).toMatchObject({ correlationId: `test-${early}`, payload: { orderId: early, shippingAddress: ADDRESS, recipientName: 'Noa Levi' } });
    expect(await shipmentRows(early)).toEqual([{ delivery_round_id: round }]);
    // Unpaid and address-unknown members wait; the cancelled one never ships.
    expect(await shipmentRows(late)).toHaveLength(0);
    expect(await shipmentRows(noAddressYet)).toHaveLength(0);
    expect(await shipmentRows(cancelled)).toHaveLength(0);

    // Paid after the round started: ships on its payment. Addressed after it: ships on its invoice.
    await publishAll(paymentProcessed(late), paymentProcessed(noAddressYet));
    await waitShipped(late);
    expect(await shipmentRows(late)).toEqual([{ delivery_round_id: round }]);
    await publishAll(invoiceCreated(noAddressYet, round));
    await waitShipped(noAddressYet);
    expect(await shipmentRows(noAddressYet)).toEqual([{ delivery_round_id: round }]);

    // Redelivered, and started again by another event: nothing ships twice, the cancelled order still not.
    const again = roundStarted(round, [early, late, noAddressYet, cancelled]);
    await publishEventForTest(kafka.brokers, started);
    await publishAll(again);
    for (const orderId of [early, late, noAddressYet]) {
      expect(await shipmentRows(orderId)).toHaveLength(1);
      expect(await orderShippedInOutbox(orderId)).toBe(1);
    }
    expect(await shipmentRows(cancelled)).toHaveLength(0);
    expect(await createShipment(cancelled)).toEqual({ ok: false, error: { code: 'CONFLICT', message: `Order ${cancelled} has been cancelled` } });
  }, 90_000);

  it('a member cancelled before its round starts never ships; orders outside a round ship at once', async () => {
    const round = roundId();
    const member = randomUUID();
    const plain = randomUUID();
    await publishAll(invoiceCreated(member, round), paymentProcessed(member), orderCancelled(member), invoiceCreated(plain), paymentProcessed(plain));
    await waitShipped(plain);
    expect(await shipmentRows(plain)).toEqual([{ delivery_round_id: null }]);

    await publishAll(roundStarted(round, [member]));
    expect(await shipmentRows(member)).toHaveLength(0);
    expect(shippedFor(member)).toHaveLength(0);
  });

  it('ships each member once when rounds and payments are handled concurrently', async () => {
    const shipOrder = service.app.get(ShipOrderService, { strict: false });
    const round = roundId();
    const members = Array.from({ length: 6 }, () => randomUUID());
    await publishAll(...members.map((orderId) => invoiceCreated(orderId, round)), ...members.slice(0, 3).map(paymentProcessed));

    // Two deliveries of the round (distinct event ids) race each other and the remaining payments.
    await Promise.all([
      shipOrder.onDeliveryRoundStarted(roundStarted(round, members)),
      shipOrder.onDeliveryRoundStarted(roundStarted(round, [...members].reverse())),
      ...members.slice(3).map((orderId) => shipOrder.onPaymentProcessed(paymentProcessed(orderId), 1)),
    ]);
    for (const orderId of members) {
      expect(await shipmentRows(orderId)).toEqual([{ delivery_round_id: round }]);
      expect(await orderShippedInOutbox(orderId)).toBe(1);
    }
  }, 60_000);

  it('dead-letters a malformed DeliveryRoundStarted and keeps consuming', async () => {
    const producer = new Kafka({ clientId: 'shipment-rounds-test', brokers: kafka.brokers, logLevel: logLevel.NOTHING }).producer();
    await producer.connect();
    const key = `group-order-${roundId()}`;
    try {
      await producer.send({ topic: Topics.DeliveryRoundStarted, messages: [{ key, value: JSON.stringify({ type: 'DeliveryRoundStarted', orderId: key, payload: { members: [] } }) }] });
    } finally {
      await producer.disconnect();
    }
    const dead = await waitFor(() => events.on(dlqTopic(Topics.DeliveryRoundStarted)).find((m) => m.key === key), {
      timeoutMs: 30_000,
      description: 'DeliveryRoundStarted in its dead-letter topic',
    });
    expect(dead.headers).toMatchObject({ 'x-dlq-original-topic': Topics.DeliveryRoundStarted });

    const round = roundId();
    const member = randomUUID();
    await publishAll(invoiceCreated(member, round), paymentProcessed(member), roundStarted(round, [member]));
    await waitShipped(member);
  });
});
