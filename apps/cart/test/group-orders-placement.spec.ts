import { type CommandReply, Commands, type GroupMemberOrderView, type GroupOrderView, httpStatusOf } from '@order-platform/contracts';
import { CommandClientForTest } from '@order-platform/service-kit';
import { randomBytes } from 'node:crypto';
import type { Client } from 'pg';
import { DemoCustomerAppSeeder } from '../src/customer-orders/demo-data/demo-customer-app.seeder';
import { CLOCK, type Clock } from '../src/group-orders/clock/clock';
import { GroupOrderPlacementService } from '../src/group-orders/placement/group-order-placement.service';
import { GroupOrderReadsService } from '../src/group-orders/reads/group-order-reads.service';
import { CartTestBed } from './support/cart-test-bed';

const KM_PER_DEGREE_OF_LATITUDE = (6371 * Math.PI) / 180;
/** The point `km` north of `from` (along a meridian the haversine distance is exactly R * dLat). */
const north = (from: { latitude: number; longitude: number }, km: number) => ({ latitude: from.latitude + km / KM_PER_DEGREE_OF_LATITUDE, longitude: from.longitude });

const EXAMPLE_ADDRESS = {
  street: 'Allée des techniques avancées',
  details: 'Bâtiment A, chambre 200',
  city: 'Palaiseau',
  postcode: 91120,
  state: 'Essone',
  country: 'France',
  latitude: 48.711042,
  longitude: 2.219278,
};
const customer = (customerId: string) => ({ role: 'CUSTOMER_APP' as const, customerId });
const restaurantApp = (restaurantId: string) => ({ role: 'RESTAURANT_APP' as const, restaurantId });

/** status / errorKey / message of a refusal, as the gateway will render it. */
function refusal(reply: CommandReply<unknown>) {
  if (reply.ok) return { status: 201 };
  return { status: httpStatusOf(reply.error.code), errorKey: (reply.error.details as { errorKey?: string } | undefined)?.errorKey, message: reply.error.message };
}

function data<T>(reply: CommandReply<T>): T {
  if (!reply.ok) throw new Error(`expected success, got ${JSON.stringify(reply.error)}`);
  return reply.data;
}

/** A value the answer always carries here; a clear failure instead of a non-null assertion. */
function present<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`${what} is missing`);
  return value;
}

describe('cart: group orders placement and reads (real PostgreSQL)', () => {
  let bed: CartTestBed;
  let sql: Client;
  let placement: GroupOrderPlacementService;
  let reads: GroupOrderReadsService;
  let clock: Clock;
  let nextFormatId = 1000;

  beforeAll(async () => {
    bed = await CartTestBed.start('cart_group_orders', { DEMO_DATA: 'true', GROUP_ORDER_CLOCK: 'controllable' });
    sql = bed.client;
    placement = bed.get(GroupOrderPlacementService);
    reads = bed.get(GroupOrderReadsService);
    clock = bed.get<Clock>(CLOCK);
  }, 90_000);

  afterAll(async () => {
    await bed?.stop();
  }, 60_000);

  /** A restaurant of its own per test (one OPEN group per restaurant), at the demo restaurant 6's place. */
  async function restaurant(options: { capacity?: number; opensAt?: string | null; closesAt?: string | null; timeZone?: string; located?: boolean } = {}) {
    const id = `r${randomBytes(4).toString('hex')}`;
    const located = options.located ?? true;
    await sql.query(
      `INSERT INTO restaurants (id, name, currency, latitude, longitude, group_capacity, max_preparation_minutes, opens_at, closes_at, time_zone)
       VALUES ($1, $2, 'EUR', $3, $4, $5, 30, $6, $7, $8)`,
      [id, `Test ${id}`, located ? 48.7137 : null, located ? 2.2089 : null, options.capacity ?? 10, options.opensAt ?? null, options.closesAt ?? null, options.timeZone ?? 'UTC'],
    );
    const format = async (priceMinor: number) => {
      const formatId = String(nextFormatId++);
      await sql.query(`INSERT INTO product_formats (id, restaurant_id, name, price_minor) VALUES ($1, $2, $3, $4)`, [formatId, id, `Dish ${formatId}`, priceMinor]);
      return formatId;
    };
    return { id, location: { latitude: 48.7137, longitude: 2.2089 }, format };
  }

  const createBody = (productFormats: Record<string, unknown>, overrides: object = {}) => ({
    foodRushDurationInMinutes: 30,
    productFormats,
    deliveryAddress: EXAMPLE_ADDRESS,
    ...overrides,
  });

  async function createGroup(customerId: string, productFormats: Record<string, number>, overrides: object = {}) {
    const order = data(await placement.create({ requester: customer(customerId), body: createBody(productFormats, overrides), include: ['groupOrder'] }));
    return { order, groupOrderId: present(order.groupOrder, 'groupOrder').id };
  }

  describe('demo data', () => {
    it('seeds restaurant 6, the product formats and the group-order customers, idempotently', async () => {
      await bed.get(DemoCustomerAppSeeder).onApplicationBootstrap();
      const restaurants = await sql.query(`SELECT id, name, currency, latitude, longitude, group_capacity, max_preparation_minutes, opens_at FROM restaurants WHERE id IN ('6', '9', '10') ORDER BY id`);
      expect(restaurants.rows).toEqual([
        { id: '10', name: 'Sushi Ten', currency: 'USD', latitude: 48.7085, longitude: 2.195, group_capacity: 10, max_preparation_minutes: 30, opens_at: null },
        { id: '6', name: 'FoodRush Palaiseau', currency: 'EUR', latitude: 48.7137, longitude: 2.2089, group_capacity: 10, max_preparation_minutes: 30, opens_at: null },
        { id: '9', name: 'Pizza Nine', currency: 'USD', latitude: 48.7146, longitude: 2.2466, group_capacity: 10, max_preparation_minutes: 30, opens_at: null },
      ]);
      const formats = await sql.query(`SELECT id::text, restaurant_id, name, price_minor::int FROM product_formats WHERE id <= 5 ORDER BY id`);
      expect(formats.rows).toEqual([
        { id: '1', restaurant_id: '6', name: 'Pizza Margherita (large)', price_minor: 810 },
        { id: '2', restaurant_id: '6', name: 'Tiramisu', price_minor: 480 },
        { id: '3', restaurant_id: '9', name: 'Pizza Nine family', price_minor: 1500 },
        { id: '4', restaurant_id: '9', name: 'Lasagna', price_minor: 1200 },
        { id: '5', restaurant_id: '10', name: 'Salmon roll box', price_minor: 900 },
      ]);
      const customers = await sql.query(`SELECT id, first_name, last_name, phone IS NOT NULL AS has_phone, activated FROM customers WHERE id IN ('5', '6', '7', '26', '35') ORDER BY id::int`);
      expect(customers.rows).toEqual([
        { id: '5', first_name: 'Noa', last_name: 'Levi', has_phone: true, activated: true },
        { id: '6', first_name: 'Dan', last_name: 'Cohen', has_phone: true, activated: true },
        { id: '7', first_name: 'Léa', last_name: 'Martin', has_phone: true, activated: true },
        { id: '26', first_name: 'Tom', last_name: 'Petit', has_phone: true, activated: false },
        { id: '35', first_name: null, last_name: null, has_phone: false, activated: true },
      ]);
      const logins = await sql.query(`SELECT username, customer_id, restaurant_id FROM app_users WHERE username IN ('customer7', 'customer26', 'customer35', 'restaurant6') ORDER BY username`);
      expect(logins.rows).toEqual([
        { username: 'customer26', customer_id: '26', restaurant_id: null },
        { username: 'customer35', customer_id: '35', restaurant_id: null },
        { username: 'customer7', customer_id: '7', restaurant_id: null },
        { username: 'restaurant6', customer_id: null, restaurant_id: '6' },
      ]);
    });
  });

  describe('create', () => {
    it("places the issue's example on restaurant 6: group, first member order and CLOSE timer in one go", async () => {
      const before = clock.now().getTime();
      const reply = await placement.create({
        requester: customer('5'),
        body: createBody({ '1': 2, '2': 3 }, { comment: 'Ring twice' }),
        include: ['customer', 'groupOrder', 'deliveryAddress', 'productFormats', 'restaurant', 'unknownThing'],
      });
      const order = data(reply);
      // 2 x 810 + 3 x 480 = 3060: the 2000 tier, 5 % -> 153 off.
      expect(order).toEqual({
        id: expect.stringMatching(/^\d+$/),
        rawPrice: 3060,
        discountedPrice: 2907,
        createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/),
        comment: 'Ring twice',
        customer: { id: '5', firstName: 'Noa', lastName: 'Levi', phoneNumber: '0541111111' },
        groupOrder: expect.objectContaining({ joinable: true, totalRawPrice: 3060, discountRate: 5, remainingCapacity: 5, confirmed: false }),
        deliveryAddress: EXAMPLE_ADDRESS,
        productFormats: [
          { id: '1', name: 'Pizza Margherita (large)', price: 810, quantity: 2 },
          { id: '2', name: 'Tiramisu', price: 480, quantity: 3 },
        ],
        restaurant: { id: '6', name: 'FoodRush Palaiseau', latitude: 48.7137, longitude: 2.2089 },
      });
      expect(Object.keys(present(order.deliveryAddress, 'deliveryAddress'))).toEqual(['street', 'details', 'city', 'postcode', 'state', 'country', 'latitude', 'longitude']);

      const groupId = present(order.groupOrder, 'groupOrder').id;
      const group = (await sql.query(`SELECT * FROM group_orders WHERE id = $1`, [groupId])).rows[0];
      const createdAt = new Date(group.created_at).getTime();
      expect(createdAt).toBeGreaterThanOrEqual(before - 1);
      expect(group).toMatchObject({ restaurant_id: '6', status: 'OPEN', external: false, foodrush_minutes: 30, currency: 'EUR', items_ordered: 5, capacity: 10 });
      expect(new Date(group.closed_at).getTime() - createdAt).toBe(30 * 60_000);
      expect(new Date(group.ending_at).getTime() - new Date(group.closed_at).getTime()).toBe(20 * 60_000);
      expect(new Date(group.prepared_at).getTime() - new Date(group.ending_at).getTime()).toBe(30 * 60_000);
      expect(order.groupOrder).toEqual({
        id: groupId,
        joinable: true,
        totalRawPrice: 3060,
        discountRate: 5,
        createdAt: new Date(createdAt).toISOString().slice(0, 19).replace('T', ' '),
        remainingCapacity: 5,
        closedAt: new Date(group.closed_at).toISOString().slice(0, 19).replace('T', ' '),
        endingAt: new Date(group.ending_at).toISOString().slice(0, 19).replace('T', ' '),
        confirmed: false,
        preparedAt: new Date(group.prepared_at).toISOString().slice(0, 19).replace('T', ' '),
      });
      const timers = await sql.query(`SELECT kind, due_at, fired_at FROM group_order_timers WHERE group_order_id = $1`, [groupId]);
      expect(timers.rows).toEqual([{ kind: 'CLOSE', due_at: group.closed_at, fired_at: null }]);
      const member = (await sql.query(`SELECT customer_id, checkout_order_id, items, raw_price_minor::int, discounted_price_minor::int FROM group_member_orders WHERE id = $1`, [order.id])).rows[0];
      expect(member).toEqual({ customer_id: '5', checkout_order_id: expect.stringMatching(/^[0-9a-f-]{36}$/), items: 5, raw_price_minor: 3060, discounted_price_minor: 2907 });

      // The restaurant's one open group: a second create is refused.
      expect(refusal(await placement.create({ requester: customer('6'), body: createBody({ '1': 2 }) }))).toEqual({
        status: 422,
        errorKey: 'groupOrderAlreadyExisting',
        message: 'A group order already exists for the restaurant #6.',
      });
    });

    it('answers every documented error with its status, errorKey and message', async () => {
      const r = await restaurant();
      const pizza = await r.format(810);
      const other = await restaurant();
      const otherDish = await other.format(1500);
      const expectRefusal = async (customerId: string, body: unknown, expected: object) =>
        expect(refusal(await placement.create({ requester: customer(customerId), body }))).toEqual(expected);

      await expectRefusal('5', { foodRushDurationInMinutes: 30, deliveryAddress: EXAMPLE_ADDRESS }, {
        status: 400,
        errorKey: 'missingProductFormats',
        message: 'The product formats object is required to place an order',
      });
      await expectRefusal('5', { foodRushDurationInMinutes: 30, productFormats: { [pizza]: 2 } }, {
        status: 400,
        errorKey: 'missingDeliveryAddress',
        message: 'The delivery address object is required to place an order',
      });
      await expectRefusal('5', createBody({ [pizza]: 'two' }), { status: 400, errorKey: 'invalidRequest', message: `productFormats.${pizza} must be a whole quantity between 1 and 1000.` });
      await expectRefusal('5', createBody({ [pizza]: 2 }, { comment: 'x'.repeat(1001) }), {
        status: 400,
        errorKey: 'commentTooLong',
        message: 'The comment must be at most 1000 characters, 1001 given.',
      });
      await expectRefusal('26', createBody({ [pizza]: 2 }), { status: 403, errorKey: 'userShouldBeActivated', message: 'The customer #26 should be activated to place an order.' });
      await expectRefusal('35', createBody({ [pizza]: 2 }), {
        status: 403,
        errorKey: 'missingCustomerInformation',
        message: 'The attributes [firstName, lastName, phoneNumber] are missing for customer customer #35',
      });
      await expectRefusal('5', createBody({ '999175': 1, [pizza]: 2 }), { status: 404, errorKey: 'unexistingProductFormats', message: 'The product formats #999175 do not exist.' });
      await expectRefusal('5', createBody({ [pizza]: 2 }, { foodRushDurationInMinutes: 70 }), {
        status: 422,
        errorKey: 'invalidFoodRushDuration',
        message: 'The FoodRush duration must be between 5 and 60 minutes, 70 given.',
      });
      await expectRefusal('5', createBody({}), { status: 422, errorKey: 'noProductFormats', message: 'There must be at least one product format.' });
      await expectRefusal('5', createBody({ [pizza]: 1, [otherDish]: 1 }), {
        status: 422,
        errorKey: 'productFormatsFromDifferentRestaurants',
        message: 'The product formats must belong to the same restaurant.',
      });
      await expectRefusal('5', createBody({ [pizza]: 2 }, { deliveryAddress: north(r.location, 10) }), {
        status: 422,
        errorKey: 'deliveryDistanceTooLong',
        message: 'The delivery distance should be less than 7 kms, 10 given.',
      });
      await expectRefusal('5', createBody({ [pizza]: 11 }), {
        status: 422,
        errorKey: 'restaurantDeliveryCapacityExceeded',
        message: `The restaurant #${r.id} cannot deliver more than 10 items in the same group order, 11 items asked.`,
      });
      await expectRefusal('5', createBody({ [pizza]: 1 }), { status: 422, errorKey: 'minimumGroupOrderPriceNotReached', message: 'The order price is 810 but must be greater than 1100.' });
      // Nothing was written by the refusals.
      expect((await sql.query(`SELECT count(*)::int AS n FROM group_orders WHERE restaurant_id = $1`, [r.id])).rows[0].n).toBe(0);
      await expectRefusal('5', createBody({ [pizza]: 2 }, { foodRushDurationInMinutes: 60 }), { status: 201 });
      await expectRefusal('6', createBody({ [pizza]: 2 }), { status: 422, errorKey: 'groupOrderAlreadyExisting', message: `A group order already exists for the restaurant #${r.id}.` });
      // Only customers create group orders.
      expect(refusal(await placement.create({ requester: restaurantApp(r.id), body: createBody({ [pizza]: 2 }) }))).toMatchObject({ status: 403, errorKey: 'wrongAuthenticatedUser' });
    });

    it('accepts a delivery address just inside the radius and refuses one just outside', async () => {
      const inside = await restaurant();
      const insideFormat = await inside.format(1200);
      expect(refusal(await placement.create({ requester: customer('5'), body: createBody({ [insideFormat]: 1 }, { deliveryAddress: north(inside.location, 6.999) }) }))).toEqual({ status: 201 });
      const outside = await restaurant();
      const outsideFormat = await outside.format(1200);
      expect(refusal(await placement.create({ requester: customer('5'), body: createBody({ [outsideFormat]: 1 }, { deliveryAddress: north(outside.location, 7.001) }) }))).toEqual({
        status: 422,
        errorKey: 'deliveryDistanceTooLong',
        message: 'The delivery distance should be less than 7 kms, 7 given.',
      });
    });

    it('refuses a restaurant closing before a group could be prepared, in its time zone', async () => {
      // Needs the shortest FoodRush (5) + 30 minutes of preparation = 35 minutes.
      const now = clock.now();
      const hhmm = (minutesFromNow: number) => new Date(now.getTime() + minutesFromNow * 60_000).toISOString().slice(11, 16);
      const soon = await restaurant({ opensAt: hhmm(-60), closesAt: hhmm(20) });
      const soonFormat = await soon.format(1200);
      expect(refusal(await placement.create({ requester: customer('5'), body: createBody({ [soonFormat]: 1 }) }))).toEqual({
        status: 422,
        errorKey: 'restaurantClosingSoon',
        message: `The restaurant #${soon.id} closes at ${hhmm(20)}, too soon for a group order.`,
      });
      const enough = await restaurant({ opensAt: hhmm(-60), closesAt: hhmm(40) });
      const enoughFormat = await enough.format(1200);
      expect(refusal(await placement.create({ requester: customer('5'), body: createBody({ [enoughFormat]: 1 }) }))).toEqual({ status: 201 });
    });

    it('lets exactly one of two concurrent creates for one restaurant win', async () => {
      const r = await restaurant();
      const dish = await r.format(1200);
      const replies = await Promise.all(['5', '6', '7', '5'].map((customerId) => placement.create({ requester: customer(customerId), body: createBody({ [dish]: 1 }) })));
      expect(replies.filter((reply) => reply.ok)).toHaveLength(1);
      for (const reply of replies.filter((reply) => !reply.ok)) {
        expect(refusal(reply)).toEqual({ status: 422, errorKey: 'groupOrderAlreadyExisting', message: `A group order already exists for the restaurant #${r.id}.` });
      }
      expect((await sql.query(`SELECT count(*)::int AS n FROM group_orders WHERE restaurant_id = $1`, [r.id])).rows[0].n).toBe(1);
    });
  });

  describe('join', () => {
    it('reprices every member as the group total grows', async () => {
      const r = await restaurant();
      const dish = await r.format(1200);
      const { order: first, groupOrderId } = await createGroup('5', { [dish]: 1 });
      expect([first.rawPrice, first.discountedPrice]).toEqual([1200, 1200]);

      const second = data(await placement.join({ requester: customer('6'), groupOrderId, body: { productFormats: { [dish]: 1 }, deliveryAddress: EXAMPLE_ADDRESS } }));
      // 2400: 5 % -> 60 off each.
      expect([second.rawPrice, second.discountedPrice]).toEqual([1200, 1140]);
      expect(data(await reads.getOrder({ requester: customer('5'), orderId: first.id })).discountedPrice).toBe(1140);

      const third = data(await placement.join({ requester: customer('7'), groupOrderId, body: { productFormats: { [dish]: 2 }, deliveryAddress: EXAMPLE_ADDRESS }, include: ['groupOrder'] }));
      // 4800: 10 %.
      expect([third.rawPrice, third.discountedPrice]).toEqual([2400, 2160]);
      expect(third.groupOrder).toMatchObject({ totalRawPrice: 4800, discountRate: 10, remainingCapacity: 6 });
      // Every member's price follows the group's rate as people join.
      const prices = await Promise.all(
        [first, second].map(async (order, index) => data(await reads.getOrder({ requester: customer(present(['5', '6'][index], 'customer id')), orderId: order.id })).discountedPrice),
      );
      expect(prices).toEqual([1080, 1080]);
      // No CLOSE timer per join: one per group.
      expect((await sql.query(`SELECT count(*)::int AS n FROM group_order_timers WHERE group_order_id = $1`, [groupOrderId])).rows[0].n).toBe(1);
    });

    it('fills the group to exactly its capacity and refuses one item more', async () => {
      const r = await restaurant();
      const dish = await r.format(1200);
      const { groupOrderId } = await createGroup('5', { [dish]: 4 });
      expect(refusal(await placement.join({ requester: customer('6'), groupOrderId, body: { productFormats: { [dish]: 6 }, deliveryAddress: EXAMPLE_ADDRESS } }))).toEqual({ status: 201 });
      expect(refusal(await placement.join({ requester: customer('7'), groupOrderId, body: { productFormats: { [dish]: 1 }, deliveryAddress: EXAMPLE_ADDRESS } }))).toEqual({
        status: 422,
        errorKey: 'restaurantDeliveryCapacityExceeded',
        message: `The restaurant #${r.id} cannot deliver more than 10 items in the same group order, 11 items asked.`,
      });
      expect(data(await reads.getGroupOrder({ groupOrderId })).remainingCapacity).toBe(0);
    });

    it('never exceeds the capacity under concurrent joins: exactly the fitting ones succeed', async () => {
      const r = await restaurant();
      const dish = await r.format(1200);
      const { groupOrderId } = await createGroup('5', { [dish]: 7 });
      const joins = Array.from({ length: 8 }, (_, index) =>
        placement.join({ requester: customer(['5', '6', '7'][index % 3]), groupOrderId, body: { productFormats: { [dish]: 1 }, deliveryAddress: EXAMPLE_ADDRESS } }),
      );
      const replies = await Promise.all(joins);
      expect(replies.filter((reply) => reply.ok)).toHaveLength(3);
      const refused = replies.filter((reply) => !reply.ok).map(refusal);
      expect(refused).toHaveLength(5);
      for (const refusedJoin of refused) {
        expect(refusedJoin).toEqual({
          status: 422,
          errorKey: 'restaurantDeliveryCapacityExceeded',
          message: `The restaurant #${r.id} cannot deliver more than 10 items in the same group order, 11 items asked.`,
        });
      }
      const group = (await sql.query(`SELECT items_ordered, total_raw_price_minor::int AS total, discount_rate FROM group_orders WHERE id = $1`, [groupOrderId])).rows[0];
      expect(group).toEqual({ items_ordered: 10, total: 12000, discount_rate: 20 });
      const members = await sql.query(`SELECT sum(items)::int AS items, count(*)::int AS n FROM group_member_orders WHERE group_order_id = $1`, [groupOrderId]);
      expect(members.rows[0]).toEqual({ items: 10, n: 4 });
      const joined = replies.flatMap((reply, index) => (reply.ok ? [{ order: data(reply), by: present(['5', '6', '7'][index % 3], 'customer id') }] : []));
      const seen = await Promise.all(joined.map(async ({ order, by }) => data(await reads.getOrder({ requester: customer(by), orderId: order.id }))));
      expect(seen.every((order) => order.discountedPrice === (order.rawPrice * 80) / 100)).toBe(true);
    });

    it("accepts an address just within the joinable distance of the group's first address, refuses one just beyond", async () => {
      const r = await restaurant();
      const dish = await r.format(1200);
      const { groupOrderId } = await createGroup('5', { [dish]: 1 }, { deliveryAddress: r.location });
      expect(refusal(await placement.join({ requester: customer('6'), groupOrderId, body: { productFormats: { [dish]: 1 }, deliveryAddress: north(r.location, 1.999) } }))).toEqual({ status: 201 });
      expect(refusal(await placement.join({ requester: customer('7'), groupOrderId, body: { productFormats: { [dish]: 1 }, deliveryAddress: north(r.location, 2.04) } }))).toEqual({
        status: 422,
        errorKey: 'deliveryDistanceTooLong',
        message: 'The delivery distance should be less than 2 kms, 2 given.',
      });
    });

    it('refuses unknown groups, other restaurants formats, and a group past its closedAt', async () => {
      const r = await restaurant();
      const dish = await r.format(1200);
      const other = await restaurant();
      const otherDish = await other.format(1200);
      const { groupOrderId } = await createGroup('5', { [dish]: 1 }, { foodRushDurationInMinutes: 5 });
      const join = (id: string, productFormats: Record<string, number>) => placement.join({ requester: customer('6'), groupOrderId: id, body: { productFormats, deliveryAddress: EXAMPLE_ADDRESS } });
      expect(refusal(await join('99999999', { [dish]: 1 }))).toEqual({ status: 404, errorKey: 'groupOrderNotFound', message: 'The groupOrder #99999999 does not exist.' });
      expect(refusal(await join('abc', { [dish]: 1 }))).toEqual({ status: 404, errorKey: 'groupOrderNotFound', message: 'The groupOrder #abc does not exist.' });
      expect(refusal(await join(groupOrderId, { [otherDish]: 1 }))).toMatchObject({ status: 422, errorKey: 'productFormatsFromDifferentRestaurants' });
      expect(refusal(await placement.join({ requester: customer('26'), groupOrderId, body: { productFormats: { [dish]: 1 }, deliveryAddress: EXAMPLE_ADDRESS } }))).toMatchObject({
        status: 403,
        errorKey: 'userShouldBeActivated',
      });
      expect(refusal(await placement.join({ requester: customer('6'), groupOrderId, body: { productFormats: { [dish]: 1 } } }))).toMatchObject({ status: 400, errorKey: 'missingDeliveryAddress' });

      // The group is joinable until closedAt (the CLOSE timer may fire a moment later).
      const closedAt = new Date((await sql.query(`SELECT closed_at FROM group_orders WHERE id = $1`, [groupOrderId])).rows[0].closed_at);
      const clockOf = bed.get(CLOCK) as unknown as { advance(ms: number): Promise<Date> };
      await clockOf.advance(closedAt.getTime() - clock.now().getTime() + 1000);
      expect(refusal(await join(groupOrderId, { [dish]: 1 }))).toEqual({ status: 422, errorKey: 'groupOrderCannotBeJoined', message: `The groupOrder #${groupOrderId} cannot be joined anymore.` });
      expect(data(await reads.getGroupOrder({ groupOrderId })).joinable).toBe(false);
    });
  });

  describe('external orders', () => {
    const jean = { firstName: 'Jean', lastName: 'Michel', phoneNumber: '0605040302' };

    it("opens a group for the restaurant's own customer, with the external FoodRush duration", async () => {
      const r = await restaurant();
      const dish = await r.format(1200);
      const order = data(
        await placement.createExternal({
          requester: restaurantApp(r.id),
          restaurantId: r.id,
          // Far away: external orders have no delivery radius.
          body: { productFormats: { [dish]: 1 }, deliveryAddress: north(r.location, 30), customer: jean, comment: 'Phone order' },
          include: ['customer'],
        }),
      );
      expect(order).toMatchObject({ rawPrice: 1200, discountedPrice: 1200, comment: 'Phone order', customer: jean });
      expect(order.customer).not.toHaveProperty('id');
      const group = (await sql.query(`SELECT g.external, g.foodrush_minutes, m.customer_id, m.external_customer FROM group_orders g JOIN group_member_orders m ON m.group_order_id = g.id WHERE m.id = $1`, [order.id])).rows[0];
      expect(group).toEqual({ external: true, foodrush_minutes: 20, customer_id: null, external_customer: jean });
      // Only that restaurant reads it.
      expect(data(await reads.getOrder({ requester: restaurantApp(r.id), orderId: order.id })).id).toBe(order.id);
      expect(refusal(await reads.getOrder({ requester: customer('5'), orderId: order.id }))).toEqual({
        status: 403,
        errorKey: 'wrongAuthenticatedUser',
        message: `Should be authenticated as restaurant ${r.id} instead of customer 5.`,
      });
    });

    it('answers the external errors', async () => {
      const r = await restaurant();
      const dish = await r.format(1200);
      const external = (requester: object, restaurantId: string, body: object) => placement.createExternal({ requester, restaurantId, body });
      expect(refusal(await external(restaurantApp('10'), '9', { productFormats: { [dish]: 1 }, deliveryAddress: EXAMPLE_ADDRESS, customer: jean }))).toEqual({
        status: 403,
        errorKey: 'wrongAuthenticatedUser',
        message: 'Should be authenticated as restaurant 9 instead of 10.',
      });
      expect(refusal(await external(restaurantApp(r.id), r.id, { productFormats: { [dish]: 1 }, deliveryAddress: EXAMPLE_ADDRESS, customer: { firstName: 'Jean', lastName: 'Michel' } }))).toEqual({
        status: 403,
        errorKey: 'missingCustomerInformation',
        message: 'The attributes [phoneNumber] are missing for customer Jean Michel',
      });
      expect(refusal(await external(restaurantApp('nowhere'), 'nowhere', { productFormats: { [dish]: 1 }, deliveryAddress: EXAMPLE_ADDRESS, customer: jean }))).toEqual({
        status: 404,
        errorKey: 'restaurantNotFound',
        message: 'The restaurant #nowhere does not exist.',
      });
      expect(refusal(await external(restaurantApp(r.id), r.id, { productFormats: { '1': 2 }, deliveryAddress: EXAMPLE_ADDRESS, customer: jean }))).toMatchObject({
        status: 422,
        errorKey: 'productFormatsFromDifferentRestaurants',
      });
      // The duration of an external group is not the caller's: the field is ignored.
      expect(refusal(await external(restaurantApp(r.id), r.id, { foodRushDurationInMinutes: 999, productFormats: { [dish]: 1 }, deliveryAddress: EXAMPLE_ADDRESS, customer: jean }))).toEqual({
        status: 201,
      });
      expect(refusal(await external(restaurantApp(r.id), r.id, { productFormats: { [dish]: 1 }, deliveryAddress: EXAMPLE_ADDRESS, customer: jean }))).toEqual({
        status: 422,
        errorKey: 'groupOrderAlreadyExisting',
        message: `A group order already exists for the restaurant #${r.id}.`,
      });
    });
  });

  describe('reads', () => {
    it("shows an order to its customer and its restaurant only; a customer's orders to that customer only", async () => {
      const r = await restaurant();
      const dish = await r.format(1200);
      const { order, groupOrderId } = await createGroup('5', { [dish]: 1 });
      const joined = data(await placement.join({ requester: customer('6'), groupOrderId, body: { productFormats: { [dish]: 1 }, deliveryAddress: EXAMPLE_ADDRESS } }));

      expect(data(await reads.getOrder({ requester: customer('5'), orderId: order.id, include: ['deliveryAddress'] })).deliveryAddress).toEqual(EXAMPLE_ADDRESS);
      expect(data(await reads.getOrder({ requester: restaurantApp(r.id), orderId: order.id })).id).toBe(order.id);
      expect(refusal(await reads.getOrder({ requester: customer('6'), orderId: order.id }))).toEqual({
        status: 403,
        errorKey: 'wrongAuthenticatedUser',
        message: 'Should be authenticated as customer 5 instead of 6.',
      });
      expect(refusal(await reads.getOrder({ requester: restaurantApp('9'), orderId: order.id }))).toEqual({
        status: 403,
        errorKey: 'wrongAuthenticatedUser',
        message: 'Should be authenticated as customer 5 instead of restaurant 9.',
      });
      expect(refusal(await reads.getOrder({ requester: customer('5'), orderId: '99999999' }))).toEqual({ status: 404, errorKey: 'orderNotFound', message: 'The order #99999999 does not exist.' });
      expect(refusal(await reads.getOrder({ requester: customer('5'), orderId: '8c7e8a3e-uuid' }))).toMatchObject({ status: 404, errorKey: 'orderNotFound' });

      const mine = data(await reads.listCustomerOrders({ requester: customer('6'), customerId: '6', groupOrderId, include: ['groupOrder', 'restaurant'] }));
      expect(mine).toEqual([expect.objectContaining({ id: joined.id, groupOrder: expect.objectContaining({ id: groupOrderId }), restaurant: expect.objectContaining({ id: r.id }) })]);
      const all = data(await reads.listCustomerOrders({ requester: customer('6'), customerId: '6' }));
      expect(all[0].id).toBe(joined.id); // newest first
      expect(all.every((o) => !('groupOrder' in o))).toBe(true);
      expect(refusal(await reads.listCustomerOrders({ requester: customer('5'), customerId: '6' }))).toEqual({
        status: 403,
        errorKey: 'wrongAuthenticatedUser',
        message: 'Should be authenticated as customer 6 instead of 5.',
      });
      expect(refusal(await reads.listCustomerOrders({ requester: customer('6'), customerId: '6', groupOrderId: '99999999' }))).toMatchObject({ status: 404, errorKey: 'groupOrderNotFound' });
    });

    it('lists joinable groups around a point', async () => {
      const r = await restaurant();
      const dish = await r.format(1200);
      const { groupOrderId } = await createGroup('5', { [dish]: 1 }, { deliveryAddress: r.location });
      const ids = (reply: CommandReply<GroupOrderView[]>) => data(reply).map((group) => group.id);
      expect(ids(await reads.listGroupOrders({ joinable: true }))).toContain(groupOrderId);
      expect(ids(await reads.listGroupOrders({ joinable: true, around: north(r.location, 6.9) }))).toContain(groupOrderId);
      expect(ids(await reads.listGroupOrders({ joinable: true, around: north(r.location, 7.1) }))).not.toContain(groupOrderId);
      const withRestaurant = data(await reads.listGroupOrders({ joinable: true, around: r.location, include: ['restaurant'] })).find((group) => group.id === groupOrderId);
      expect(withRestaurant?.restaurant).toEqual({ id: r.id, name: `Test ${r.id}`, latitude: 48.7137, longitude: 2.2089 });
      expect(refusal(await reads.getGroupOrder({ groupOrderId: '99999999' }))).toEqual({ status: 404, errorKey: 'groupOrderNotFound', message: 'The groupOrder #99999999 does not exist.' });
    });

    it('answers through the request-reply command topics', async () => {
      const commands = await CommandClientForTest.connect(bed.infra.kafka.brokers, [Commands.GroupOrders.GetGroupOrder, Commands.GroupOrders.GetOrder]);
      try {
        const r = await restaurant();
        const dish = await r.format(1200);
        const { order, groupOrderId } = await createGroup('7', { [dish]: 1 });
        const group = await commands.send<CommandReply<GroupOrderView>>(Commands.GroupOrders.GetGroupOrder, { groupOrderId, include: ['restaurant'] }, groupOrderId);
        expect(data(group)).toMatchObject({ id: groupOrderId, totalRawPrice: 1200, restaurant: { id: r.id } });
        const forbidden = await commands.send<CommandReply<GroupMemberOrderView>>(Commands.GroupOrders.GetOrder, { requester: customer('5'), orderId: order.id }, order.id);
        expect(refusal(forbidden)).toEqual({ status: 403, errorKey: 'wrongAuthenticatedUser', message: 'Should be authenticated as customer 7 instead of 5.' });
        const malformed = await commands.send<CommandReply<GroupOrderView>>(Commands.GroupOrders.GetGroupOrder, { groupOrderId: 5 }, 'x');
        expect(malformed).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
      } finally {
        await commands.close();
      }
    }, 60_000);
  });
});
