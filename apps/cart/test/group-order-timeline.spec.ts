import { type CommandReply, Commands, type GroupOrderView, Topics } from '@order-platform/contracts';
import { OutboxWriter, type EventToAppend } from '@order-platform/messaging';
import { createDataSourceOptions } from '@order-platform/persistence';
import { CommandClientForTest, startServiceForTest } from '@order-platform/service-kit';
import { startTestKafka, startTestPostgres, type TestDatabase, type TestKafka, type TestPostgres, waitFor } from '@order-platform/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource, type EntityManager } from 'typeorm';
import { CartConfig, taxRuleOf } from '../src/cart-config';
import { cartService } from '../src/cart.service-definition';
import type { Clock } from '../src/group-orders/clock/clock';
import { loadGroupOrderSettings } from '../src/group-orders/config/group-order-config';
import { GroupOrderTimelineService } from '../src/group-orders/timeline/group-order-timeline.service';
import { GroupOrderTimerPoller } from '../src/group-orders/timeline/group-order-timer-poller';

/**
 * The group order's timeline on real PostgreSQL (+ the broker the cart needs for commands):
 * durable timers fired exactly once, close / confirm / end / delivery round, the controllable
 * clock. Timers are driven by poller objects on their own connections, or by cart instances.
 */

// The app's own poller polls at start, then sleeps: the tests decide who fires what.
const QUIET_POLLER = '3600000';
const MINUTE = 60_000;

interface MemberSeed {
  customer?: { firstName: string; lastName: string; email: string; phone: string };
  external?: { firstName: string; lastName: string; phoneNumber: string };
  formats: Array<{ id: string; name: string; price: number; quantity: number }>;
  /** What the member was charged when it joined (the close recomputes it). */
  discountedPriceMinor?: number;
}

interface GroupSeed {
  status?: 'OPEN' | 'CLOSED' | 'CONFIRMED' | 'DELIVERING' | 'CANCELLED';
  external?: boolean;
  closedAt: Date;
  endingAt?: Date;
  preparedAt?: Date;
  confirmedAt?: Date;
  members: MemberSeed[];
  timers?: Array<{ kind: 'CLOSE' | 'END' | 'DELIVERY_ROUND'; dueAt: Date; firedAt?: Date }>;
}

interface SeededGroup {
  id: string;
  restaurantId: string;
  members: Array<{ id: string; checkoutOrderId: string; customerId: string | null; rawPriceMinor: number }>;
}

describe('cart: group order timeline (real PostgreSQL)', () => {
  let kafka: TestKafka;
  let postgres: TestPostgres;
  let database: TestDatabase;
  let cart: Awaited<ReturnType<typeof startServiceForTest<CartConfig>>> | undefined;
  let schema: string;
  let commands: CommandClientForTest;
  let sql: Client;
  const dataSources: DataSource[] = [];

  beforeAll(async () => {
    [kafka, postgres] = await Promise.all([startTestKafka(), startTestPostgres()]);
    database = await postgres.createDatabase('cart');
    cart = await startServiceForTest(cartService, { brokers: kafka.brokers, databaseUrl: database.url }, {
      GROUP_ORDER_CLOCK: 'controllable',
      GROUP_ORDER_TIMER_POLL_MS: QUIET_POLLER,
    });
    schema = cart.schema;
    commands = await CommandClientForTest.connect(kafka.brokers, [Commands.GroupOrders.ConfirmGroupOrder]);
    sql = new Client({ connectionString: database.url });
    await sql.connect();
    await sql.query(`SET search_path TO "${schema}"`);
  }, 120_000);

  afterAll(async () => {
    for (const dataSource of dataSources) await dataSource.destroy().catch(() => undefined);
    await sql?.end();
    await commands?.close();
    await cart?.close();
    await database?.drop();
    await postgres?.stop();
    await kafka?.stop();
  }, 60_000);

  function running(): NonNullable<typeof cart> {
    if (!cart) throw new Error('the cart is not running');
    return cart;
  }

  /** The controllable clock's time, as the cart sees it. */
  async function clockNow(): Promise<Date> {
    const { rows } = await sql.query(`SELECT offset_ms FROM group_order_clock WHERE id = 1`);
    return new Date(Date.now() + Number(rows[0]?.offset_ms ?? 0));
  }

  async function seedGroup(seed: GroupSeed): Promise<SeededGroup> {
    const restaurantId = `r-${randomUUID().slice(0, 8)}`;
    await sql.query(`INSERT INTO restaurants (id, name, currency, latitude, longitude) VALUES ($1, $2, 'EUR', 48.7137, 2.2089)`, [restaurantId, `Restaurant ${restaurantId}`]);
    const endingAt = seed.endingAt ?? new Date(seed.closedAt.getTime() + 20 * MINUTE);
    const preparedAt = seed.preparedAt ?? new Date(endingAt.getTime() + 30 * MINUTE);
    const items = seed.members.reduce((sum, member) => sum + member.formats.reduce((n, format) => n + format.quantity, 0), 0);
    const raw = (member: MemberSeed) => member.formats.reduce((sum, format) => sum + format.price * format.quantity, 0);
    const total = seed.members.reduce((sum, member) => sum + raw(member), 0);
    const { rows } = await sql.query(
      `INSERT INTO group_orders (restaurant_id, status, external, foodrush_minutes, currency, discount_rate, total_raw_price_minor, items_ordered, capacity,
                                 first_latitude, first_longitude, created_at, closed_at, ending_at, prepared_at, confirmed_at)
       VALUES ($1, $2, $3, 30, 'EUR', 0, $4, $5, 50, 48.711042, 2.219278, $6, $7, $8, $9, $10) RETURNING id`,
      [restaurantId, seed.status ?? 'OPEN', seed.external ?? false, total, items, new Date(seed.closedAt.getTime() - 30 * MINUTE), seed.closedAt, endingAt, preparedAt, seed.confirmedAt ?? null],
    );
    const id = String(rows[0].id);
    const members: SeededGroup['members'] = [];
    for (const member of seed.members) {
      let customerId: string | null = null;
      if (member.customer) {
        customerId = `c-${randomUUID().slice(0, 8)}`;
        await sql.query(`INSERT INTO customers (id, name, email, phone, first_name, last_name) VALUES ($1, $2, $3, $4, $5, $6)`, [
          customerId,
          `display ${customerId}`,
          member.customer.email,
          member.customer.phone,
          member.customer.firstName,
          member.customer.lastName,
        ]);
      }
      const checkoutOrderId = randomUUID();
      const rawPriceMinor = raw(member);
      const inserted = await sql.query(
        `INSERT INTO group_member_orders (group_order_id, restaurant_id, customer_id, external_customer, checkout_order_id, product_formats, items,
                                          raw_price_minor, discounted_price_minor, delivery_address, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
        [
          id,
          restaurantId,
          customerId,
          member.external ? JSON.stringify(member.external) : null,
          checkoutOrderId,
          JSON.stringify(member.formats),
          member.formats.reduce((n, format) => n + format.quantity, 0),
          rawPriceMinor,
          member.discountedPriceMinor ?? rawPriceMinor,
          JSON.stringify({ street: 'Allée des techniques avancées', details: 'Bâtiment A, chambre 200', city: 'Palaiseau', postcode: 91120, latitude: 48.711042, longitude: 2.219278 }),
          new Date(seed.closedAt.getTime() - 20 * MINUTE),
        ],
      );
      members.push({ id: String(inserted.rows[0].id), checkoutOrderId, customerId, rawPriceMinor });
    }
    for (const timer of seed.timers ?? [{ kind: 'CLOSE' as const, dueAt: seed.closedAt }]) {
      await sql.query(`INSERT INTO group_order_timers (group_order_id, kind, due_at, fired_at) VALUES ($1, $2, $3, $4)`, [id, timer.kind, timer.dueAt, timer.firedAt ?? null]);
    }
    return { id, restaurantId, members };
  }

  const noa = { firstName: 'Noa', lastName: 'Levi', email: 'noa@example.com', phone: '0601020304' };
  const dan = { firstName: 'Dan', lastName: 'Cohen', email: 'dan@example.com', phone: '0605060708' };
  const pizzas = (quantity: number) => ({ id: '1', name: 'Pizza Margherita (large)', price: 810, quantity });
  const tiramisus = (quantity: number) => ({ id: '2', name: 'Tiramisu', price: 480, quantity });

  /** A poller object on its own connection pool, as another cart instance would have. */
  async function pollerOnOwnConnection(clock: Clock, options: { outbox?: OutboxWriter; batchSize?: number } = {}): Promise<GroupOrderTimerPoller> {
    const dataSource = await new DataSource(createDataSourceOptions({ url: database.url, schema, poolSize: 3, applicationName: 'timeline-test' })).initialize();
    dataSources.push(dataSource);
    const config = running().config;
    const timeline = new GroupOrderTimelineService(options.outbox ?? new OutboxWriter(), loadGroupOrderSettings(config), taxRuleOf(config));
    return new GroupOrderTimerPoller(dataSource, timeline, clock, { pollMs: 1000, batchSize: options.batchSize ?? 20 });
  }

  const fixedClock = (at: Date): Clock => ({ now: () => at });

  async function outboxEvents(topic: string, groupOrderId: string): Promise<Array<{ key: string; payload: { payload: Record<string, unknown> } }>> {
    const field = topic === Topics.CartUpdated ? 'deliveryRoundId' : 'groupOrderId';
    const { rows } = await sql.query(`SELECT key, payload FROM outbox WHERE topic = $1 AND payload->'payload'->>'${field}' = $2 ORDER BY seq`, [topic, groupOrderId]);
    return rows;
  }

  async function groupRow(id: string): Promise<{ status: string; discount_rate: number; total_raw_price_minor: string; confirmed_at: Date | null; cancelled_at: Date | null }> {
    const { rows } = await sql.query(`SELECT status, discount_rate, total_raw_price_minor, confirmed_at, cancelled_at FROM group_orders WHERE id = $1`, [id]);
    return rows[0];
  }

  async function timers(id: string): Promise<Array<{ kind: string; due_at: Date; fired_at: Date | null }>> {
    const { rows } = await sql.query(`SELECT kind, due_at, fired_at FROM group_order_timers WHERE group_order_id = $1 ORDER BY due_at`, [id]);
    return rows;
  }

  function confirm(groupOrderId: string, requester: object): Promise<CommandReply<GroupOrderView>> {
    return commands.send(Commands.GroupOrders.ConfirmGroupOrder, { requester, groupOrderId }, `group-order-${groupOrderId}`);
  }

  describe('CLOSE', () => {
    it('closes the group at the final rate: one CartUpdated per member at its discounted price, one GroupOrderClosed, the END timer', async () => {
      const now = await clockNow();
      const closedAt = new Date(now.getTime() - MINUTE);
      // 3060 + 2430 = 5490 raw: the 4000:10 tier. The members joined when the rate was lower.
      const group = await seedGroup({
        closedAt,
        members: [
          { customer: noa, formats: [pizzas(2), tiramisus(3)], discountedPriceMinor: 2907 },
          { customer: dan, formats: [pizzas(3)] },
        ],
      });
      const poller = await pollerOnOwnConnection(fixedClock(now));

      expect(await poller.fireDueTimers()).toBeGreaterThanOrEqual(1);

      expect(await groupRow(group.id)).toMatchObject({ status: 'CLOSED', discount_rate: 10, total_raw_price_minor: '5490' });
      const prices = await sql.query(`SELECT raw_price_minor, discounted_price_minor FROM group_member_orders WHERE group_order_id = $1 ORDER BY id`, [group.id]);
      expect(prices.rows).toEqual([
        { raw_price_minor: '3060', discounted_price_minor: '2754' },
        { raw_price_minor: '2430', discounted_price_minor: '2187' },
      ]);

      const carts = await outboxEvents(Topics.CartUpdated, group.id);
      expect(carts).toHaveLength(2);
      const [first, second] = group.members;
      expect(carts[0].key).toBe(first.checkoutOrderId);
      // 2754 holds 496.6 of 22 % tax, rounded to whole euros: 500.
      expect(carts[0].payload.payload).toEqual({
        orderId: first.checkoutOrderId,
        customerId: first.customerId,
        customerEmail: 'noa@example.com',
        customer: {
          customerId: first.customerId,
          name: 'Noa Levi',
          email: 'noa@example.com',
          phone: '0601020304',
          shippingAddress: 'Allée des techniques avancées, Bâtiment A, chambre 200, 91120 Palaiseau',
        },
        merchantId: group.restaurantId,
        channel: 'group',
        currency: 'EUR',
        items: [
          { productId: '1', name: 'Pizza Margherita (large)', quantity: 2, unitPriceMinor: 810, lineTotalMinor: 1620 },
          { productId: '2', name: 'Tiramisu', quantity: 3, unitPriceMinor: 480, lineTotalMinor: 1440 },
        ],
        subtotalMinor: 2254,
        discountMinor: 306,
        taxMinor: 500,
        totalMinor: 2754,
        deliveryRoundId: group.id,
      });
      expect(carts[1].payload.payload).toMatchObject({ orderId: second.checkoutOrderId, totalMinor: 2187, discountMinor: 243, customer: { name: 'Dan Cohen' } });
      expect(carts[1].payload.payload).not.toHaveProperty('paymentTerms');

      const orders = await sql.query(`SELECT id, cart_id, customer_id, channel, currency, subtotal_minor, tax_minor, total_minor, status FROM orders WHERE cart_id = ANY($1) ORDER BY total_minor DESC`, [
        group.members.map((member) => `group:${member.id}`),
      ]);
      expect(orders.rows).toEqual([
        { id: first.checkoutOrderId, cart_id: `group:${first.id}`, customer_id: first.customerId, channel: 'group', currency: 'EUR', subtotal_minor: '2254', tax_minor: '500', total_minor: '2754', status: 'submitted' },
        expect.objectContaining({ id: second.checkoutOrderId, total_minor: '2187' }),
      ]);
      const lines = await sql.query(`SELECT line_no, product_id, quantity, unit_price_minor, line_total_minor FROM order_lines WHERE order_id = $1 ORDER BY line_no`, [first.checkoutOrderId]);
      expect(lines.rows).toEqual([
        { line_no: 1, product_id: '1', quantity: 2, unit_price_minor: '810', line_total_minor: '1620' },
        { line_no: 2, product_id: '2', quantity: 3, unit_price_minor: '480', line_total_minor: '1440' },
      ]);

      const closed = await outboxEvents(Topics.GroupOrderClosed, group.id);
      expect(closed).toHaveLength(1);
      expect(closed[0].key).toBe(`group-order-${group.id}`);
      expect(closed[0].payload.payload).toEqual({
        groupOrderId: group.id,
        restaurantId: group.restaurantId,
        currency: 'EUR',
        discountRate: 10,
        totalRawPriceMinor: 5490,
        members: [
          { memberOrderId: first.id, orderId: first.checkoutOrderId, customerId: first.customerId, rawPriceMinor: 3060, discountedPriceMinor: 2754 },
          { memberOrderId: second.id, orderId: second.checkoutOrderId, customerId: second.customerId, rawPriceMinor: 2430, discountedPriceMinor: 2187 },
        ],
        closedAt: closedAt.toISOString(),
        endingAt: new Date(closedAt.getTime() + 20 * MINUTE).toISOString(),
      });

      expect(await timers(group.id)).toEqual([
        { kind: 'CLOSE', due_at: closedAt, fired_at: now },
        { kind: 'END', due_at: new Date(closedAt.getTime() + 20 * MINUTE), fired_at: null },
      ]);
    });

    it('settles the external order in cash under a derived customer id; a customer who joined it pays by card', async () => {
      const now = await clockNow();
      const group = await seedGroup({
        closedAt: new Date(now.getTime() - MINUTE),
        external: true,
        members: [{ external: { firstName: 'Jean', lastName: 'Michel', phoneNumber: '0605040302' }, formats: [pizzas(2)] }, { customer: noa, formats: [pizzas(2)] }],
      });
      await (await pollerOnOwnConnection(fixedClock(now))).fireDueTimers();

      const [cartUpdated] = await outboxEvents(Topics.CartUpdated, group.id);
      expect(cartUpdated.payload.payload).toMatchObject({
        customerId: `external:${group.members[0].id}`,
        customer: { customerId: `external:${group.members[0].id}`, name: 'Jean Michel', phone: '0605040302' },
        paymentTerms: 'cash',
        totalMinor: 1539, // 2 x 810 less the 5 % the two members' 3240 earn
      });
      expect(cartUpdated.payload.payload).not.toHaveProperty('customerEmail');
      const joiner = (await outboxEvents(Topics.CartUpdated, group.id)).find((event) => event.payload.payload.customerId === group.members[1].customerId);
      expect(joiner?.payload.payload).toBeDefined();
      expect(joiner?.payload.payload).not.toHaveProperty('paymentTerms');
    });

    it('stamps its events with the wall clock, while the payload keeps the group clock (advanced in tests and demos)', async () => {
      const advanced = new Date((await clockNow()).getTime() + 45 * MINUTE);
      const closedAt = new Date(advanced.getTime() - MINUTE);
      const group = await seedGroup({ closedAt, members: [{ customer: noa, formats: [pizzas(2)] }] });
      const poller = await pollerOnOwnConnection(fixedClock(advanced));
      const before = Date.now();

      expect(await poller.fireDueTimers()).toBeGreaterThanOrEqual(1);

      const [closed] = await outboxEvents(Topics.GroupOrderClosed, group.id);
      const [cart] = await outboxEvents(Topics.CartUpdated, group.id);
      expect(closed.payload.payload['closedAt']).toBe(closedAt.toISOString());
      for (const event of [closed, cart]) {
        const occurredAt = Date.parse(String((event.payload as unknown as { occurredAt: string }).occurredAt));
        expect(occurredAt).toBeGreaterThanOrEqual(before - 1000);
        expect(occurredAt).toBeLessThan(advanced.getTime() - 30 * MINUTE);
      }
    });

    it('leaves a timer that is not due yet alone', async () => {
      const now = await clockNow();
      const group = await seedGroup({ closedAt: new Date(now.getTime() + 90 * MINUTE), members: [{ customer: noa, formats: [pizzas(2)] }] });
      await (await pollerOnOwnConnection(fixedClock(now))).fireDueTimers();
      expect((await groupRow(group.id)).status).toBe('OPEN');
      expect((await timers(group.id))[0].fired_at).toBeNull();
    });
  });

  describe('exactly once', () => {
    it('two pollers on separate connections racing over the same due timers fire each exactly once', async () => {
      const now = await clockNow();
      const groups: SeededGroup[] = [];
      for (let i = 0; i < 12; i += 1) {
        groups.push(await seedGroup({ closedAt: new Date(now.getTime() - MINUTE), members: [{ customer: noa, formats: [pizzas(2)] }, { customer: dan, formats: [tiramisus(3)] }] }));
      }
      const [a, b] = await Promise.all([pollerOnOwnConnection(fixedClock(now), { batchSize: 2 }), pollerOnOwnConnection(fixedClock(now), { batchSize: 2 })]);

      const rounds = await Promise.all([a.fireDueTimers(), b.fireDueTimers(), a.fireDueTimers(), b.fireDueTimers()]);
      for (const group of groups) {
        expect(await outboxEvents(Topics.GroupOrderClosed, group.id)).toHaveLength(1);
        expect(await outboxEvents(Topics.CartUpdated, group.id)).toHaveLength(2);
        expect((await groupRow(group.id)).status).toBe('CLOSED');
      }
      const fired = await sql.query(`SELECT count(*)::int AS n FROM group_order_timers WHERE group_order_id = ANY($1) AND kind = 'CLOSE' AND fired_at IS NOT NULL`, [groups.map((g) => g.id)]);
      expect(fired.rows[0].n).toBe(12);
      // Each timer was claimed by one poller only (a timer fired twice would count twice).
      expect(rounds.reduce((sum, n) => sum + n, 0)).toBe(12);
      // And nothing is left for a third round.
      expect(await a.fireDueTimers()).toBe(0);
    });

    it('a poller failing mid-transaction leaves the timer due; the next run fires it once', async () => {
      const now = await clockNow();
      const group = await seedGroup({ closedAt: new Date(now.getTime() - MINUTE), members: [{ customer: noa, formats: [pizzas(2)] }, { customer: dan, formats: [pizzas(1), tiramisus(1)] }] });

      // Fails after the member orders and their CartUpdated were written, before GroupOrderClosed.
      class CrashingOutbox extends OutboxWriter {
        override async append(manager: EntityManager, event: EventToAppend) {
          if (event.type === Topics.GroupOrderClosed) throw new Error('process killed mid-transaction');
          return super.append(manager, event);
        }
      }
      const crashing = await pollerOnOwnConnection(fixedClock(now), { outbox: new CrashingOutbox() });
      expect(await crashing.fireDueTimers()).toBe(0);

      expect((await groupRow(group.id)).status).toBe('OPEN');
      expect(await timers(group.id)).toEqual([{ kind: 'CLOSE', due_at: expect.any(Date), fired_at: null }]);
      expect(await outboxEvents(Topics.CartUpdated, group.id)).toHaveLength(0);
      const orders = await sql.query(`SELECT count(*)::int AS n FROM orders WHERE id = ANY($1)`, [group.members.map((member) => member.checkoutOrderId)]);
      expect(orders.rows[0].n).toBe(0);

      const healthy = await pollerOnOwnConnection(fixedClock(now));
      expect(await healthy.fireDueTimers()).toBe(1);
      expect(await healthy.fireDueTimers()).toBe(0);
      expect((await groupRow(group.id)).status).toBe('CLOSED');
      expect(await outboxEvents(Topics.GroupOrderClosed, group.id)).toHaveLength(1);
      expect(await outboxEvents(Topics.CartUpdated, group.id)).toHaveLength(2);
    });
  });

  describe('confirmation, END and the delivery round', () => {
    const restaurantOf = (group: SeededGroup) => ({ role: 'RESTAURANT_APP', restaurantId: group.restaurantId });

    it('the restaurant confirms a closed group before endingAt; confirming again answers the group again', async () => {
      const now = await clockNow();
      const closedAt = new Date(now.getTime() - 5 * MINUTE);
      const group = await seedGroup({ status: 'CLOSED', closedAt, members: [{ customer: noa, formats: [pizzas(2)] }], timers: [{ kind: 'CLOSE', dueAt: closedAt, firedAt: closedAt }, { kind: 'END', dueAt: new Date(closedAt.getTime() + 20 * MINUTE) }] });
      const preparedAt = new Date(closedAt.getTime() + 50 * MINUTE);

      const reply = await confirm(group.id, restaurantOf(group));
      expect(reply).toEqual({ ok: true, data: expect.objectContaining({ id: group.id, joinable: false, confirmed: true, preparedAt: preparedAt.toISOString().slice(0, 19).replace('T', ' ') }) });
      expect((await groupRow(group.id)).status).toBe('CONFIRMED');
      const confirmed = await outboxEvents(Topics.GroupOrderConfirmed, group.id);
      expect(confirmed).toHaveLength(1);
      expect(confirmed[0].payload.payload).toMatchObject({ groupOrderId: group.id, restaurantId: group.restaurantId, currency: 'EUR', preparedAt: preparedAt.toISOString() });
      expect((await timers(group.id)).find((timer) => timer.kind === 'DELIVERY_ROUND')).toEqual({ kind: 'DELIVERY_ROUND', due_at: preparedAt, fired_at: null });

      const again = await confirm(group.id, restaurantOf(group));
      expect(again).toEqual(reply);
      expect(await outboxEvents(Topics.GroupOrderConfirmed, group.id)).toHaveLength(1);

      // END at endingAt finds the group confirmed: nothing happens.
      const end = await pollerOnOwnConnection(fixedClock(new Date(closedAt.getTime() + 21 * MINUTE)));
      await end.fireDueTimers();
      expect((await groupRow(group.id)).status).toBe('CONFIRMED');
      expect((await timers(group.id)).find((timer) => timer.kind === 'END')?.fired_at).not.toBeNull();
      expect(await outboxEvents(Topics.GroupOrderCancelled, group.id)).toHaveLength(0);

      // DELIVERY_ROUND at preparedAt: the round starts with both ids of every member.
      await (await pollerOnOwnConnection(fixedClock(new Date(preparedAt.getTime() + 1000)))).fireDueTimers();
      expect((await groupRow(group.id)).status).toBe('DELIVERING');
      const round = await outboxEvents(Topics.DeliveryRoundStarted, group.id);
      expect(round).toHaveLength(1);
      expect(round[0].payload.payload).toMatchObject({
        groupOrderId: group.id,
        deliveryRoundId: group.id,
        restaurantId: group.restaurantId,
        members: [{ memberOrderId: group.members[0].id, orderId: group.members[0].checkoutOrderId }],
      });
      // Delivering: no longer confirmable.
      expect(await confirm(group.id, restaurantOf(group))).toEqual({
        ok: false,
        error: { code: 'UNPROCESSABLE', message: `The groupOrder #${group.id} cannot be confirmed: it is delivering.`, details: { errorKey: 'groupOrderCannotBeConfirmed' } },
      });
    });

    it('a confirmation between closedAt and the poller\'s next pass closes the group first, once', async () => {
      const now = await clockNow();
      const group = await seedGroup({ closedAt: new Date(now.getTime() - MINUTE), members: [{ customer: noa, formats: [pizzas(2)] }, { customer: dan, formats: [pizzas(2)] }] });

      const reply = await confirm(group.id, restaurantOf(group));
      expect(reply).toMatchObject({ ok: true, data: { id: group.id, confirmed: true } });
      expect((await groupRow(group.id)).status).toBe('CONFIRMED');
      expect(await outboxEvents(Topics.GroupOrderClosed, group.id)).toHaveLength(1);
      expect(await outboxEvents(Topics.CartUpdated, group.id)).toHaveLength(2);
      expect((await timers(group.id)).find((timer) => timer.kind === 'CLOSE')?.fired_at).not.toBeNull();

      // The poller then finds nothing left to close.
      await (await pollerOnOwnConnection(fixedClock(now))).fireDueTimers();
      expect(await outboxEvents(Topics.GroupOrderClosed, group.id)).toHaveLength(1);
      expect(await outboxEvents(Topics.CartUpdated, group.id)).toHaveLength(2);
    });

    it('refuses after endingAt, and END then cancels the group with every member', async () => {
      const now = await clockNow();
      const closedAt = new Date(now.getTime() - 25 * MINUTE); // endingAt 5 minutes ago
      const group = await seedGroup({ status: 'CLOSED', closedAt, members: [{ customer: noa, formats: [pizzas(2)] }, { customer: dan, formats: [pizzas(2)] }], timers: [{ kind: 'END', dueAt: new Date(closedAt.getTime() + 20 * MINUTE) }] });

      expect(await confirm(group.id, restaurantOf(group))).toEqual({
        ok: false,
        error: { code: 'UNPROCESSABLE', message: `The groupOrder #${group.id} cannot be confirmed: it ended unconfirmed.`, details: { errorKey: 'groupOrderCannotBeConfirmed' } },
      });

      await (await pollerOnOwnConnection(fixedClock(now))).fireDueTimers();
      expect((await groupRow(group.id)).status).toBe('CANCELLED');
      const cancelled = await outboxEvents(Topics.GroupOrderCancelled, group.id);
      expect(cancelled).toHaveLength(1);
      expect(cancelled[0].payload.payload).toMatchObject({
        reasonCode: 'not_confirmed_in_time',
        members: group.members.map((member) => ({ memberOrderId: member.id, orderId: member.checkoutOrderId })),
        cancelledAt: now.toISOString(),
      });
      expect(await confirm(group.id, restaurantOf(group))).toMatchObject({ ok: false, error: { message: `The groupOrder #${group.id} cannot be confirmed: it is cancelled.` } });
    });

    it('only the group restaurant confirms, only a closed group, only an existing one', async () => {
      const now = await clockNow();
      const open = await seedGroup({ closedAt: new Date(now.getTime() + 10 * MINUTE), members: [{ customer: noa, formats: [pizzas(2)] }] });

      expect(await confirm(open.id, { role: 'RESTAURANT_APP', restaurantId: 'r-other' })).toEqual({
        ok: false,
        error: { code: 'FORBIDDEN', message: `Should be authenticated as restaurant ${open.restaurantId} instead of r-other.`, details: { errorKey: 'wrongAuthenticatedUser' } },
      });
      expect(await confirm(open.id, { role: 'CUSTOMER_APP', customerId: '5' })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN', message: `Should be authenticated as restaurant ${open.restaurantId} instead of customer 5.` },
      });
      expect(await confirm(open.id, restaurantOf(open))).toEqual({
        ok: false,
        error: { code: 'UNPROCESSABLE', message: `The groupOrder #${open.id} cannot be confirmed: it is open.`, details: { errorKey: 'groupOrderCannotBeConfirmed' } },
      });
      expect(await confirm('999999', restaurantOf(open))).toEqual({
        ok: false,
        error: { code: 'NOT_FOUND', message: 'The groupOrder #999999 does not exist.', details: { errorKey: 'groupOrderNotFound' } },
      });
      expect(await confirm('abc', restaurantOf(open))).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(await commands.send(Commands.GroupOrders.ConfirmGroupOrder, { groupOrderId: open.id }, 'x')).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION_FAILED', details: { errorKey: 'invalidRequest' } },
      });
      expect((await groupRow(open.id)).status).toBe('OPEN');
    });
  });

  describe('the controllable clock and restarts', () => {
    it('moves time over the cart HTTP port, and a restarted cart keeps the time and fires the timers that became due', async () => {
      const before = await fetch(`${running().url}/test-clock`).then((response) => response.json() as Promise<{ now: string }>);
      const group = await seedGroup({ closedAt: new Date(new Date(before.now).getTime() + 30 * MINUTE), members: [{ customer: noa, formats: [pizzas(2)] }] });

      const advanced = await fetch(`${running().url}/test-clock/advance`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ minutes: 31 }) });
      expect(advanced.status).toBe(200);
      const { now } = (await advanced.json()) as { now: string };
      expect(new Date(now).getTime() - new Date(before.now).getTime()).toBeGreaterThanOrEqual(31 * MINUTE);
      expect(new Date(now).getTime() - new Date(before.now).getTime()).toBeLessThan(32 * MINUTE);

      const refused = await fetch(`${running().url}/test-clock/advance`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ minutes: -5 }) });
      expect(refused.status).toBe(400);
      expect(await refused.json()).toMatchObject({ errorKey: 'invalidRequest' });

      // The old instance is gone before the timer is fired; the new one reads the stored offset.
      await running().close();
      cart = undefined;
      cart = await startServiceForTest(cartService, { brokers: kafka.brokers, databaseUrl: database.url }, {
        DATABASE_SCHEMA: schema,
        GROUP_ORDER_CLOCK: 'controllable',
        GROUP_ORDER_TIMER_POLL_MS: '50',
      });
      const restarted = await fetch(`${cart.url}/test-clock`).then((response) => response.json() as Promise<{ now: string }>);
      expect(new Date(restarted.now).getTime()).toBeGreaterThanOrEqual(new Date(now).getTime());
      await waitFor(async () => (await groupRow(group.id)).status === 'CLOSED', { timeoutMs: 15_000, description: 'the restarted cart closes the group' });
      expect(await outboxEvents(Topics.GroupOrderClosed, group.id)).toHaveLength(1);
    }, 60_000);

    it('the cart refuses to start with the controllable clock in production', async () => {
      await expect(
        startServiceForTest(cartService, { brokers: kafka.brokers, databaseUrl: database.url }, { DATABASE_SCHEMA: schema, NODE_ENV: 'production', GROUP_ORDER_CLOCK: 'controllable' }),
      ).rejects.toThrow('GROUP_ORDER_CLOCK=controllable is refused when NODE_ENV=production');
    });

    it('a cart on the system clock has no /test-clock', async () => {
      const system = await startServiceForTest(cartService, { brokers: kafka.brokers, databaseUrl: database.url }, { DATABASE_SCHEMA: schema, GROUP_ORDER_TIMER_POLL_MS: QUIET_POLLER });
      try {
        expect((await fetch(`${system.url}/test-clock`)).status).toBe(404);
        expect((await fetch(`${system.url}/test-clock/advance`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"minutes": 1}' })).status).toBe(404);
      } finally {
        await system.close();
      }
    }, 60_000);
  });
});
