import {
  type CommandReply,
  Commands,
  Topics,
  type WholesaleOrderView,
  type WholesalePlaceOrderResponse,
  type WholesaleUpsertOrderResponse,
} from '@order-platform/contracts';
import { CommandClientForTest, startServiceForTest, TopicReader } from '@order-platform/service-kit';
import { startTestKafka, startTestPostgres, type TestDatabase, type TestKafka, type TestPostgres, waitFor } from '@order-platform/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { cartService } from '../src/cart.service-definition';
import { hashApiKey } from '../src/wholesale/customers/api-key-hash';
import { DEMO_TRADE_CUSTOMER } from '../src/wholesale/demo-data/demo-wholesale-data';

const KEY = DEMO_TRADE_CUSTOMER.apiKey;
const OTHER_KEY = `other-${randomUUID()}`;

/** The first worked example: 10 x VFR8CW, 5 x VFR8BEZMW, 5 x VFR8BEZCBR delivered in GB. */
function exampleOrder(customerOrderNo: string, overrides: object = {}) {
  return {
    customerOrderNo,
    orderType: 'WHOLESALE',
    deliveryMethod: 'DELIVER',
    deliveryName: null,
    deliveryCompanyName: 'ML Accessories Limited',
    deliveryAddress1: 'Unit 4 Foster Avenue',
    deliveryAddress2: 'Woodside Park',
    deliveryTown: 'Dunstable',
    deliveryCounty: 'Bedfordshire',
    deliveryCountryCode: 'GB',
    deliveryPostcode: 'LU5 5TA',
    deliveryTelephone: '01582 88 77 60',
    notes: 'Deliver to office.',
    products: [
      { productCode: 'VFR8CW', quantity: 10 },
      { productCode: 'VFR8BEZMW', quantity: 5 },
      { productCode: 'VFR8BEZCBR', quantity: 5 },
    ],
    ...overrides,
  };
}

describe('cart: wholesale orders (real PostgreSQL + Kafka-protocol broker)', () => {
  let kafka: TestKafka;
  let postgres: TestPostgres;
  let database: TestDatabase;
  let cart: Awaited<ReturnType<typeof startServiceForTest>>;
  let commands: CommandClientForTest;
  let events: TopicReader;
  let sql: Client;

  beforeAll(async () => {
    [kafka, postgres] = await Promise.all([startTestKafka(), startTestPostgres()]);
    database = await postgres.createDatabase('cart_wholesale');
    cart = await startServiceForTest(cartService, { brokers: kafka.brokers, databaseUrl: database.url }, { DEMO_DATA: 'true' });
    commands = await CommandClientForTest.connect(kafka.brokers, [
      Commands.Cart.WholesaleGetOrder,
      Commands.Cart.WholesaleUpsertOrder,
      Commands.Cart.WholesalePlaceOrder,
    ]);
    events = await TopicReader.start(kafka.brokers, [Topics.CartUpdated]);
    sql = new Client({ connectionString: database.url });
    await sql.connect();
    await sql.query(
      `INSERT INTO "${cart.schema}".trade_customers (id, company_name, contact_name, email, api_key_sha256, payment_terms)
       VALUES ('OTHER01', 'Other Trade Ltd', 'Jane Roe', 'jane@other.example', $1, 'card')`,
      [hashApiKey(OTHER_KEY)],
    );
  }, 90_000);

  afterAll(async () => {
    await sql?.end();
    await events?.stop();
    await commands?.close();
    await cart?.close();
    await database?.drop();
    await postgres?.stop();
    await kafka?.stop();
  }, 60_000);

  const upsert = (payload: object, apiKey: string | null = KEY) =>
    commands.send<CommandReply<WholesaleUpsertOrderResponse>>(Commands.Cart.WholesaleUpsertOrder, { ...payload, apiKey: apiKey ?? undefined }, 'wholesale');
  const get = (orderId: number, apiKey: string | null = KEY) =>
    commands.send<CommandReply<WholesaleOrderView>>(Commands.Cart.WholesaleGetOrder, { orderId, apiKey: apiKey ?? undefined }, 'wholesale');
  const place = (orderId: number, apiKey: string | null = KEY) =>
    commands.send<CommandReply<WholesalePlaceOrderResponse>>(Commands.Cart.WholesalePlaceOrder, { orderId, apiKey: apiKey ?? undefined }, 'wholesale');

  async function created(customerOrderNo: string, overrides: object = {}): Promise<WholesaleOrderView> {
    const reply = await upsert(exampleOrder(customerOrderNo, overrides));
    if (!reply.ok) throw new Error(`upsert failed: ${JSON.stringify(reply.error)}`);
    return reply.data.order;
  }

  it('creates an order priced exactly, then updates the OPEN order with the same customer_order_no', async () => {
    const no = `MLA-API #${randomUUID()}`;
    const first = await upsert(exampleOrder(no));
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.data.created).toBe(true);
    const order = first.data.order;
    expect(order).toMatchObject({
      customerOrderNo: no,
      orderState: 'OPEN',
      orderType: 'WHOLESALE',
      deliveryMethod: 'DELIVER',
      deliveryName: null,
      deliveryCompanyName: 'ML Accessories Limited',
      deliveryCountryCode: 'GB',
      notes: 'Deliver to office.',
      carriageTba: false,
      currency: 'GBP',
      totalPriceMinor: 25235,
      totalVatMinor: 5047,
      totalWeightGrams: 3010,
      createdBy: 'John Doe',
      placedBy: null,
      deletedBy: null,
    });
    expect(order.orderId).toBeGreaterThanOrEqual(2345);
    expect(order.orderNumber).toBeGreaterThanOrEqual(606750);
    expect(order.products[0]).toEqual({
      productCode: 'VFR8CW',
      type: 'stock',
      quantity: 10,
      description: 'PROKNIGHT LED 8w IP65 FIRE RATED 4000K',
      vatCode: 'S',
      vatRateBasisPoints: 2000,
      unitPriceTenThousandths: 234500,
      linePriceMinor: 23450,
      vatMinor: 4690,
      unitWeightGrams: 251,
      lineWeightGrams: 2510,
    });

    const second = await upsert(exampleOrder(no, { deliveryName: '', products: [{ productCode: 'VFR8CW', quantity: 5 }] }));
    expect(second.ok).toBe(true);
    if (!second.ok) return;
    expect(second.data.created).toBe(false);
    expect(second.data.order).toMatchObject({ orderId: order.orderId, orderNumber: order.orderNumber, totalPriceMinor: 12725, totalVatMinor: 2545, totalWeightGrams: 1255 });
    expect(second.data.order.products.map((line) => [line.productCode, line.linePriceMinor, line.vatMinor])).toEqual([
      ['VFR8CW', 11725, 2345],
      ['CA', 1000, 200],
    ]);
    const rows = await sql.query(`SELECT count(*)::int AS n FROM "${cart.schema}".wholesale_orders WHERE customer_order_no = $1`, [no]);
    expect(rows.rows[0].n).toBe(1);
  });

  it('gets the caller’s own order, and answers NOT_FOUND for another customer’s or a missing one', async () => {
    const order = await created(`GET-${randomUUID()}`);
    const own = await get(order.orderId);
    expect(own).toEqual({ ok: true, data: order });
    expect(await get(order.orderId, OTHER_KEY)).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: `Order ${order.orderId} not found` } });
    expect(await get(99_999_999)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // The other customer may use the same customer_order_no for an order of its own.
    const theirs = await upsert(exampleOrder(order.customerOrderNo), OTHER_KEY);
    expect(theirs.ok && theirs.data.created).toBe(true);
  });

  it('answers UNAUTHORIZED for a missing or wrong API key on every command', async () => {
    const unauthorized = { ok: false, error: { code: 'UNAUTHORIZED', message: 'Invalid API credentials' } };
    expect(await upsert(exampleOrder('X'), null)).toEqual(unauthorized);
    expect(await upsert(exampleOrder('X'), 'not-a-key')).toEqual(unauthorized);
    expect(await get(2345, 'not-a-key')).toEqual(unauthorized);
    expect(await place(2345, null)).toEqual(unauthorized);
  });

  it('rejects unknown products, bad quantities, missing delivery fields and over-long fields naming each field', async () => {
    const unknown = await upsert(exampleOrder(`BAD-${randomUUID()}`, { products: [{ productCode: 'NOPE', quantity: 1 }, { productCode: 'CA', quantity: 1 }] }));
    expect(unknown).toEqual({
      ok: false,
      error: {
        code: 'VALIDATION_FAILED',
        message: 'The given data was invalid.',
        details: [
          { path: 'products.0.productCode', message: 'unknown product code NOPE' },
          { path: 'products.1.productCode', message: 'product CA cannot be ordered' },
        ],
      },
    });

    const invalid = await upsert(
      exampleOrder('x'.repeat(51), {
        deliveryAddress1: null,
        deliveryTown: '',
        deliveryPostcode: undefined,
        notes: 'n'.repeat(501),
        products: [{ productCode: 'VFR8CW', quantity: 0 }, { productCode: 'VFR8CW', quantity: -2 }],
      }),
    );
    expect(invalid.ok).toBe(false);
    if (invalid.ok) return;
    expect(invalid.error.code).toBe('VALIDATION_FAILED');
    const paths = new Set((invalid.error.details as Array<{ path: string }>).map((detail) => detail.path));
    expect([...paths].sort()).toEqual(
      ['customerOrderNo', 'deliveryAddress1', 'deliveryPostcode', 'deliveryTown', 'notes', 'products.0.quantity', 'products.1.quantity'].sort(),
    );
    const count = await sql.query(`SELECT count(*)::int AS n FROM "${cart.schema}".wholesale_orders WHERE customer_order_no LIKE 'BAD-%'`);
    expect(count.rows[0].n).toBe(0);
  });

  it('places an OPEN order once: one CartUpdated in the outbox and on Kafka, then CONFLICT on placing or updating again', async () => {
    const order = await created(`PLACE-${randomUUID()}`);
    expect(await place(order.orderId, OTHER_KEY)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    const placed = await place(order.orderId);
    expect(placed).toEqual({ ok: true, data: { orderId: order.orderId, platformOrderId: order.platformOrderId, orderState: 'PLACED' } });
    expect(await place(order.orderId)).toEqual({ ok: false, error: { code: 'CONFLICT', message: `Order ${order.orderId} has already been placed` } });
    const update = await upsert(exampleOrder(order.customerOrderNo));
    expect(update).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('has already been placed') } });

    const after = await get(order.orderId);
    expect(after.ok && after.data).toMatchObject({ orderState: 'PLACED', placedBy: 'John Doe', totalPriceMinor: 25235 });

    const outbox = await sql.query(`SELECT payload FROM "${cart.schema}".outbox WHERE topic = 'CartUpdated' AND key = $1`, [order.platformOrderId]);
    expect(outbox.rows).toHaveLength(1);
    const message = await waitFor(
      () => events.on(Topics.CartUpdated).find((m) => (m.value as { orderId?: string }).orderId === order.platformOrderId),
      { timeoutMs: 20_000, description: 'CartUpdated on Kafka' },
    );
    expect(message.key).toBe(order.platformOrderId);
    expect(message.value).toMatchObject({
      type: 'CartUpdated',
      payload: {
        orderId: order.platformOrderId,
        customerId: DEMO_TRADE_CUSTOMER.id,
        channel: 'wholesale',
        currency: 'GBP',
        subtotalMinor: 25235,
        taxMinor: 5047,
        totalMinor: 30282,
        paymentTerms: 'account',
        customer: { customerId: DEMO_TRADE_CUSTOMER.id, name: 'John Doe', email: DEMO_TRADE_CUSTOMER.email },
        deliveryAddress: { name: 'ML Accessories Limited', street: 'Unit 4 Foster Avenue, Woodside Park', city: 'Dunstable', postalCode: 'LU5 5TA', country: 'GB' },
        items: [
          { productId: 'VFR8CW', quantity: 10, unitPriceMinor: 2345, lineTotalMinor: 23450, taxRateBasisPoints: 2000 },
          { productId: 'VFR8BEZMW', quantity: 5, unitPriceMinor: 123, lineTotalMinor: 615 },
          { productId: 'VFR8BEZCBR', quantity: 5, unitPriceMinor: 234, lineTotalMinor: 1170 },
        ],
      },
    });
  });

  it('lets exactly one of two concurrent places win', async () => {
    const order = await created(`RACE-${randomUUID()}`);
    const replies = await Promise.all([place(order.orderId), place(order.orderId)]);
    expect(replies.filter((reply) => reply.ok)).toHaveLength(1);
    expect(replies.filter((reply) => !reply.ok && reply.error.code === 'CONFLICT')).toHaveLength(1);
    const outbox = await sql.query(`SELECT 1 FROM "${cart.schema}".outbox WHERE topic = 'CartUpdated' AND key = $1`, [order.platformOrderId]);
    expect(outbox.rowCount).toBe(1);
  });
});
