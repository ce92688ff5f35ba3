import { type CommandReply, Commands, createEvent, type CreateShipmentResponse, type PaymentProcessedPayload, Topics, type TypedEvent } from '@order-platform/contracts';
import { CommandClientForTest, inboxHas, publishEventForTest, type ReadMessage, startServiceForTest, TopicReader } from '@order-platform/service-kit';
import { startTestKafka, startTestPostgres, type TestDatabase, type TestKafka, type TestPostgres, waitFor } from '@order-platform/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { SHIPMENT_CONSUMER } from '../src/ship-order/ship-order.service';
import { shipmentService } from '../src/shipment.service-definition';

const ADDRESS = 'Allée des techniques avancées, 91120 Palaiseau, France';

function paymentProcessed(orderId: string, holds: Pick<PaymentProcessedPayload, 'deliveryRoundId' | 'awaitsMerchantConfirmation'> = {}): TypedEvent<'PaymentProcessed'> {
  return createEvent(
    Topics.PaymentProcessed,
    { orderId, paymentId: randomUUID(), amountMinor: 1620, currency: 'EUR', method: 'card', provider: 'sandbox', processedAt: new Date().toISOString(), ...holds },
    { correlationId: `test-${orderId}` },
  );
}

/** An invoice without a shipping address: shipment keeps no destination for it. */
function invoiceWithoutAddress(orderId: string): TypedEvent<'InvoiceCreated'> {
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
      awaitsMerchantConfirmation: true,
    },
    { correlationId: `test-${orderId}` },
  );
}

function orderConfirmed(orderId: string): TypedEvent<'OrderConfirmed'> {
  return createEvent(
    Topics.OrderConfirmed,
    { orderId, customerId: '5', totalMinor: 1620, currency: 'EUR', confirmedAt: new Date().toISOString() },
    { correlationId: `restaurant-${orderId}` },
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

/**
 * PaymentProcessed carries the invoice's holds, so an order paid before shipment has handled
 * its InvoiceCreated (another topic) is held on every path, the create-shipment command too.
 */
describe('shipment: holds known from the payment (real PostgreSQL + Kafka-protocol broker)', () => {
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
    database = await postgres.createDatabase('shipment_payment_holds');
    service = await startServiceForTest(shipmentService, { brokers: kafka.brokers, databaseUrl: database.url }, { SHIPMENT_PAYMENT_WAIT_MS: '300' });
    events = await TopicReader.start(kafka.brokers, [Topics.OrderShipped]);
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

  async function shipmentRows(orderId: string): Promise<Array<{ address: string; delivery_round_id: string | null }>> {
    return (await sql.query(`SELECT address, delivery_round_id FROM "${service.schema}".shipments WHERE order_id = $1`, [orderId])).rows;
  }

  /** OrderShipped rows the service wrote (published or not): the outbox is the service's own count. */
  async function orderShippedInOutbox(orderId: string): Promise<number> {
    const rows = await sql.query(`SELECT count(*)::int AS n FROM "${service.schema}".outbox WHERE topic = 'OrderShipped' AND key = $1`, [orderId]);
    return rows.rows[0].n;
  }

  async function expectNotShipped(orderId: string): Promise<void> {
    expect(await shipmentRows(orderId)).toHaveLength(0);
    expect(await orderShippedInOutbox(orderId)).toBe(0);
    expect(shippedFor(orderId)).toHaveLength(0);
  }

  function createShipment(orderId: string): Promise<CommandReply<CreateShipmentResponse>> {
    return commands.send(Commands.Shipment.CreateShipment, { orderId, name: 'Noa Levi', phone: '0605040302', shippingAddress: ADDRESS }, orderId);
  }

  it('records the holds with the payment', async () => {
    const orderId = randomUUID();
    await publishAll(paymentProcessed(orderId, { deliveryRoundId: '77', awaitsMerchantConfirmation: true }));
    const rows = await sql.query(`SELECT delivery_round_id, awaits_merchant_confirmation FROM "${service.schema}".paid_orders WHERE order_id = $1`, [orderId]);
    expect(rows.rows).toEqual([{ delivery_round_id: '77', awaits_merchant_confirmation: true }]);
  });

  it('paid before its invoice is handled: create-shipment answers 409 until the merchant accepts; OrderConfirmed then ships it once', async () => {
    const orderId = randomUUID();
    await publishAll(paymentProcessed(orderId, { awaitsMerchantConfirmation: true }));
    expect(await createShipment(orderId)).toEqual({ ok: false, error: { code: 'CONFLICT', message: `Order ${orderId} ships once the merchant has accepted it` } });
    await expectNotShipped(orderId);

    await publishAll(orderConfirmed(orderId));
    const shipped = (await waitShipped(orderId)).value as TypedEvent<'OrderShipped'>;
    // The command gave the address; the payment's correlation goes on, as on every path.
    expect(shipped).toMatchObject({ correlationId: `test-${orderId}`, payload: { orderId, shippingAddress: ADDRESS, recipientName: 'Noa Levi' } });
    expect(await shipmentRows(orderId)).toEqual([{ address: ADDRESS, delivery_round_id: null }]);
    expect(await orderShippedInOutbox(orderId)).toBe(1);
    expect(await createShipment(orderId)).toMatchObject({ ok: true, data: { orderId, created: false } });
  }, 60_000);

  it('an invoice without an address gives no destination: the payment still holds the order for the merchant', async () => {
    const orderId = randomUUID();
    await publishAll(invoiceWithoutAddress(orderId), paymentProcessed(orderId, { awaitsMerchantConfirmation: true }));
    expect(await createShipment(orderId)).toEqual({ ok: false, error: { code: 'CONFLICT', message: `Order ${orderId} ships once the merchant has accepted it` } });
    await expectNotShipped(orderId);

    await publishAll(orderConfirmed(orderId));
    await waitShipped(orderId);
    expect(await orderShippedInOutbox(orderId)).toBe(1);
  }, 60_000);

  it('a round member paid before its invoice is handled: 409 until the round starts, then ships once with the round id', async () => {
    const round = roundId();
    const orderId = randomUUID();
    await publishAll(paymentProcessed(orderId, { deliveryRoundId: round }));
    expect(await createShipment(orderId)).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: `Order ${orderId} ships with delivery round ${round}, which has not started yet` },
    });
    await expectNotShipped(orderId);

    await publishAll(roundStarted(round, [orderId]));
    await waitShipped(orderId);
    expect(await shipmentRows(orderId)).toEqual([{ address: ADDRESS, delivery_round_id: round }]);
    expect(await orderShippedInOutbox(orderId)).toBe(1);
  }, 60_000);

  it('a round member whose round has started ships through the command with the round id', async () => {
    const round = roundId();
    const orderId = randomUUID();
    await publishAll(roundStarted(round, [orderId]), paymentProcessed(orderId, { deliveryRoundId: round }));
    expect(await createShipment(orderId)).toMatchObject({ ok: true, data: { orderId, created: true } });
    expect(await shipmentRows(orderId)).toEqual([{ address: ADDRESS, delivery_round_id: round }]);
  }, 60_000);

  it('a PaymentProcessed without the fields (published before they existed) still ships through the command as before', async () => {
    const orderId = randomUUID();
    // No address yet: retried, then parked until an address arrives.
    await publishAll(paymentProcessed(orderId));
    expect(await createShipment(orderId)).toMatchObject({ ok: true, data: { orderId, created: true } });
    await waitShipped(orderId);
    expect(await shipmentRows(orderId)).toEqual([{ address: ADDRESS, delivery_round_id: null }]);
  }, 60_000);
});
