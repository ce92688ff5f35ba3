import { type CommandReply, Commands, createEvent, type CreateShipmentResponse, Topics, type TypedEvent } from '@order-platform/contracts';
import { CommandClientForTest, inboxHas, publishEventForTest, type ReadMessage, startServiceForTest, tablesOf, TopicReader } from '@order-platform/service-kit';
import { startTestKafka, startTestPostgres, type TestDatabase, type TestKafka, type TestPostgres, waitFor } from '@order-platform/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { SHIPMENT_CONSUMER, ShipOrderService } from '../src/ship-order/ship-order.service';
import { shipmentService } from '../src/shipment.service-definition';

const ADDRESS = 'Allée des techniques avancées, 91120 Palaiseau, France';

function invoiceCreated(orderId: string, awaitsMerchantConfirmation: boolean): TypedEvent<'InvoiceCreated'> {
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
      ...(awaitsMerchantConfirmation ? { awaitsMerchantConfirmation } : {}),
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

function orderConfirmed(orderId: string): TypedEvent<'OrderConfirmed'> {
  return createEvent(
    Topics.OrderConfirmed,
    { orderId, customerId: '5', totalMinor: 1620, currency: 'EUR', confirmedAt: new Date().toISOString() },
    { correlationId: `restaurant-${orderId}` },
  );
}

/** What order-status publishes after OrderRejected: the rejection cancels the order. */
function orderCancelled(orderId: string): TypedEvent<'OrderCancelled'> {
  return createEvent(
    Topics.OrderCancelled,
    { orderId, reason: 'Rejected by the restaurant', cancelledBy: 'merchant', refundRequired: true, cancelledAt: new Date().toISOString() },
    { correlationId: `restaurant-${orderId}` },
  );
}

describe('shipment: orders held for the merchant to accept (real PostgreSQL + Kafka-protocol broker)', () => {
  let kafka: TestKafka;
  let postgres: TestPostgres;
  let database: TestDatabase;
  let service: Awaited<ReturnType<typeof startServiceForTest>>;
  let events: TopicReader;
  let commands: CommandClientForTest;
  let sql: Client;

  beforeAll(async () => {
    [kafka, postgres] = await Promise.all([startTestKafka(), startTestPostgres()]);
    database = await postgres.createDatabase('shipment_confirmation');
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

  const shippedFor = (orderId: string): ReadMessage[] => events.on(Topics.OrderShipped).filter((m) => m.key === orderId);
  const waitShipped = (orderId: string) => waitFor(() => shippedFor(orderId)[0], { timeoutMs: 30_000, description: `OrderShipped for ${orderId}` });
  const handled = (event: TypedEvent) =>
    waitFor(() => inboxHas(database.url, service.schema, SHIPMENT_CONSUMER, event.id), { timeoutMs: 30_000, description: `${event.type} ${event.id} handled` });

  async function publishAll(...list: TypedEvent[]): Promise<void> {
    for (const event of list) await publishEventForTest(kafka.brokers, event);
    for (const event of list) await handled(event);
  }

  async function shipmentCount(orderId: string): Promise<number> {
    return (await sql.query(`SELECT count(*)::int AS n FROM "${service.schema}".shipments WHERE order_id = $1`, [orderId])).rows[0].n;
  }

  /** OrderShipped rows the service wrote (published or not): the outbox is the service's own count. */
  async function orderShippedInOutbox(orderId: string): Promise<number> {
    const rows = await sql.query(`SELECT count(*)::int AS n FROM "${service.schema}".outbox WHERE topic = 'OrderShipped' AND key = $1`, [orderId]);
    return rows.rows[0].n;
  }

  function createShipment(orderId: string): Promise<CommandReply<CreateShipmentResponse>> {
    return commands.send(Commands.Shipment.CreateShipment, { orderId, name: 'Noa Levi', phone: '0605040302', shippingAddress: ADDRESS }, orderId);
  }

  it('migrates the confirmations table', async () => {
    expect(await tablesOf(database.url, service.schema)).toEqual(expect.arrayContaining(['confirmed_orders']));
  });

  it('holds a paid, invoiced order until OrderConfirmed, then ships it once, also under redelivery', async () => {
    const orderId = randomUUID();
    await publishAll(invoiceCreated(orderId, true), paymentProcessed(orderId));
    // Paid and addressed, but not accepted: held, neither shipped nor failed.
    expect(await shipmentCount(orderId)).toBe(0);
    expect(shippedFor(orderId)).toHaveLength(0);
    expect(await createShipment(orderId)).toEqual({ ok: false, error: { code: 'CONFLICT', message: `Order ${orderId} ships once the merchant has accepted it` } });
    expect(await shipmentCount(orderId)).toBe(0);

    const confirmed = orderConfirmed(orderId);
    await publishAll(confirmed);
    const shipped = (await waitShipped(orderId)).value as TypedEvent<'OrderShipped'>;
    // The shipment carries the payment's correlation, like every other path.
    expect(shipped).toMatchObject({ correlationId: `test-${orderId}`, payload: { orderId, shippingAddress: ADDRESS, recipientName: 'Noa Levi' } });
    const row = await sql.query(`SELECT order_id FROM "${service.schema}".confirmed_orders WHERE order_id = $1`, [orderId]);
    expect(row.rows).toHaveLength(1);

    // The same OrderConfirmed redelivered, and a second one (new event id): nothing ships twice.
    await publishEventForTest(kafka.brokers, confirmed);
    await publishAll(orderConfirmed(orderId), paymentProcessed(orderId));
    expect(await shipmentCount(orderId)).toBe(1);
    expect(await orderShippedInOutbox(orderId)).toBe(1);
    const reply = await createShipment(orderId);
    expect(reply).toMatchObject({ ok: true, data: { orderId, created: false } });
  }, 90_000);

  it('ships on the payment or the invoice when OrderConfirmed came first', async () => {
    const [paidLast, invoicedLast] = [randomUUID(), randomUUID()];
    await publishAll(orderConfirmed(paidLast), invoiceCreated(paidLast, true), orderConfirmed(invoicedLast), paymentProcessed(invoicedLast));
    expect(await shipmentCount(paidLast)).toBe(0);
    expect(await shipmentCount(invoicedLast)).toBe(0);

    await publishAll(paymentProcessed(paidLast), invoiceCreated(invoicedLast, true));
    await waitShipped(paidLast);
    await waitShipped(invoicedLast);
    expect(await shipmentCount(paidLast)).toBe(1);
    expect(await shipmentCount(invoicedLast)).toBe(1);
  }, 60_000);

  it('never ships an order the merchant rejected, whenever its payment and invoice arrive', async () => {
    const [rejectedWhilePaid, rejectedBeforePayment] = [randomUUID(), randomUUID()];
    await publishAll(invoiceCreated(rejectedWhilePaid, true), paymentProcessed(rejectedWhilePaid), orderCancelled(rejectedWhilePaid));
    await publishAll(orderCancelled(rejectedBeforePayment), invoiceCreated(rejectedBeforePayment, true), paymentProcessed(rejectedBeforePayment));
    // Even a stray confirmation afterwards ships nothing.
    await publishAll(orderConfirmed(rejectedWhilePaid), orderConfirmed(rejectedBeforePayment));
    for (const orderId of [rejectedWhilePaid, rejectedBeforePayment]) {
      expect(await shipmentCount(orderId)).toBe(0);
      expect(await orderShippedInOutbox(orderId)).toBe(0);
      expect(shippedFor(orderId)).toHaveLength(0);
    }
    expect(await createShipment(rejectedWhilePaid)).toEqual({ ok: false, error: { code: 'CONFLICT', message: `Order ${rejectedWhilePaid} has been cancelled` } });
  }, 60_000);

  it('ships an order that needs no acceptance at once, without waiting for OrderConfirmed', async () => {
    const orderId = randomUUID();
    await publishAll(invoiceCreated(orderId, false), paymentProcessed(orderId));
    await waitShipped(orderId);
    // A later confirmation (other channels are confirmed too) changes nothing.
    await publishAll(orderConfirmed(orderId));
    expect(await orderShippedInOutbox(orderId)).toBe(1);
  });

  it('ships once when the confirmation and the payment are handled concurrently', async () => {
    const shipOrder = service.app.get(ShipOrderService, { strict: false });
    const orders = Array.from({ length: 6 }, () => randomUUID());
    await publishAll(...orders.map((orderId) => invoiceCreated(orderId, true)));
    await Promise.all(orders.flatMap((orderId) => [shipOrder.onOrderConfirmed(orderConfirmed(orderId)), shipOrder.onPaymentProcessed(paymentProcessed(orderId), 1)]));
    for (const orderId of orders) {
      expect(await shipmentCount(orderId)).toBe(1);
      expect(await orderShippedInOutbox(orderId)).toBe(1);
    }
  }, 60_000);
});
