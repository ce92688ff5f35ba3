import { type CommandReply, type CustomerAppOrderView, httpStatusOf } from '@order-platform/contracts';
import { randomBytes, randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { IdempotentRequests } from '../src/idempotency/idempotent-requests';
import { CustomerAppOrdersService } from '../src/customer-orders/customer-app-orders.service';
import { GroupOrderPlacementService } from '../src/group-orders/placement/group-order-placement.service';
import { GroupOrderReadsService } from '../src/group-orders/reads/group-order-reads.service';
import { CartTestBed } from './support/cart-test-bed';

/* Idempotency-Key on order creation: FoodRush create, join and external orders, customer-app drafts (real PostgreSQL). */

const ADDRESS = { street: 'Allée des techniques avancées', latitude: 48.711042, longitude: 2.219278 };
const JEAN = { firstName: 'Jean', lastName: 'Michel', phoneNumber: '0605040302' };
const customer = (customerId: string) => ({ role: 'CUSTOMER_APP' as const, customerId });
const restaurantApp = (restaurantId: string) => ({ role: 'RESTAURANT_APP' as const, restaurantId });
const TTL_HOURS = 6;

function data<T>(reply: CommandReply<T>): T {
  if (!reply.ok) throw new Error(`expected success, got ${JSON.stringify(reply.error)}`);
  return reply.data;
}

function refusal(reply: CommandReply<unknown>) {
  if (reply.ok) return { ok: true };
  return { status: httpStatusOf(reply.error.code), errorKey: (reply.error.details as { errorKey?: string } | undefined)?.errorKey, message: reply.error.message };
}

const reused = (key: string) => ({ status: 422, errorKey: 'idempotencyKeyReused', message: `The Idempotency-Key ${key} was already used for a different request.` });
const newKey = () => `key-${randomUUID()}`;


/** A value the answer always carries here; a clear failure instead of a non-null assertion. */
function present<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`${what} is missing`);
  return value;
}

describe('cart: Idempotency-Key on order creation (real PostgreSQL)', () => {
  let bed: CartTestBed;
  let sql: Client;
  let placement: GroupOrderPlacementService;
  let reads: GroupOrderReadsService;
  let drafts: CustomerAppOrdersService;
  let nextFormatId = 5000;

  beforeAll(async () => {
    bed = await CartTestBed.start('cart_idempotency', { DEMO_DATA: 'true', GROUP_ORDER_CLOCK: 'controllable', CART_IDEMPOTENCY_TTL_HOURS: String(TTL_HOURS) });
    sql = bed.client;
    placement = bed.get(GroupOrderPlacementService);
    reads = bed.get(GroupOrderReadsService);
    drafts = bed.get(CustomerAppOrdersService);
  }, 90_000);

  afterAll(async () => {
    await bed?.stop();
  }, 60_000);

  /** A located restaurant of its own (one OPEN group per restaurant) with one 1200-cent dish. */
  async function restaurant(capacity = 10) {
    const id = `r${randomBytes(4).toString('hex')}`;
    await sql.query(
      `INSERT INTO restaurants (id, name, currency, latitude, longitude, group_capacity, max_preparation_minutes, time_zone)
       VALUES ($1, $2, 'EUR', 48.7137, 2.2089, $3, 30, 'UTC')`,
      [id, `Test ${id}`, capacity],
    );
    const dish = String(nextFormatId++);
    await sql.query(`INSERT INTO product_formats (id, restaurant_id, name, price_minor) VALUES ($1, $2, $3, 1200)`, [dish, id, `Dish ${dish}`]);
    return { id, dish };
  }

  const createBody = (dish: string, quantity: number) => ({ foodRushDurationInMinutes: 30, productFormats: { [dish]: quantity }, deliveryAddress: ADDRESS });
  const joinBody = (dish: string, quantity: number) => ({ productFormats: { [dish]: quantity }, deliveryAddress: ADDRESS });
  const externalBody = (dish: string, quantity: number) => ({ productFormats: { [dish]: quantity }, deliveryAddress: ADDRESS, customer: JEAN });

  async function openGroup(capacity = 10) {
    const r = await restaurant(capacity);
    const order = data(await placement.create({ requester: customer('5'), body: createBody(r.dish, 2), include: ['groupOrder'] }));
    return { ...r, groupOrderId: present(order.groupOrder, 'groupOrder').id };
  }

  const join = (customerId: string, groupOrderId: string, body: object, idempotencyKey?: string) =>
    placement.join({ requester: customer(customerId), groupOrderId, body, include: ['groupOrder'], ...(idempotencyKey === undefined ? {} : { idempotencyKey }) });

  const memberOrders = async (groupOrderId: string) =>
    (await sql.query(`SELECT id::text, customer_id FROM group_member_orders WHERE group_order_id = $1 ORDER BY id`, [groupOrderId])).rows as Array<{ id: string; customer_id: string }>;
  const keyRows = async (key: string) =>
    (await sql.query(`SELECT requester, operation, order_id FROM idempotent_requests WHERE key = $1 ORDER BY requester`, [key])).rows as Array<{ requester: string; operation: string; order_id: string }>;
  const remainingCapacity = async (groupOrderId: string) => data(await reads.getGroupOrder({ groupOrderId })).remainingCapacity;

  describe('joining a group', () => {
    it('a retried join answers the same member order: one member order, capacity taken once, one key row', async () => {
      const { dish, groupOrderId } = await openGroup();
      const key = newKey();
      const first = data(await join('6', groupOrderId, joinBody(dish, 3), key));
      expect(present(first.groupOrder, 'groupOrder').remainingCapacity).toBe(5);

      const retried = data(await join('6', groupOrderId, joinBody(dish, 3), key));
      expect(retried.id).toBe(first.id);
      expect(retried.rawPrice).toBe(3600);
      expect(await remainingCapacity(groupOrderId)).toBe(5);
      expect((await memberOrders(groupOrderId)).filter((order) => order.customer_id === '6')).toEqual([{ id: first.id, customer_id: '6' }]);
      expect(await keyRows(key)).toEqual([{ requester: 'customer 6', operation: 'group-join', order_id: first.id }]);
    });

    it('the same body with its fields in another order is the same request', async () => {
      const { dish, groupOrderId } = await openGroup();
      const key = newKey();
      const first = data(await join('6', groupOrderId, { productFormats: { [dish]: 1 }, deliveryAddress: ADDRESS }, key));
      const reordered = { deliveryAddress: { longitude: ADDRESS.longitude, latitude: ADDRESS.latitude, street: ADDRESS.street }, productFormats: { [dish]: 1 } };
      expect(data(await join('6', groupOrderId, reordered, key)).id).toBe(first.id);
    });

    it('five concurrent joins with one key place exactly one member order, and all five answer it', async () => {
      const { dish, groupOrderId } = await openGroup();
      const key = newKey();
      const replies = await Promise.all(Array.from({ length: 5 }, () => join('6', groupOrderId, joinBody(dish, 2), key)));
      const ids = replies.map((reply) => data(reply).id);
      const joined = (await memberOrders(groupOrderId)).filter((order) => order.customer_id === '6');
      expect(joined).toHaveLength(1);
      expect(ids).toEqual(Array(5).fill(joined[0].id));
      expect(await remainingCapacity(groupOrderId)).toBe(6);
      expect(await keyRows(key)).toHaveLength(1);
    });

    it('the key with a different body or another group is 422 idempotencyKeyReused, placing nothing', async () => {
      const { dish, groupOrderId } = await openGroup();
      const other = await openGroup();
      const key = newKey();
      const first = data(await join('6', groupOrderId, joinBody(dish, 1), key));
      expect(refusal(await join('6', groupOrderId, joinBody(dish, 2), key))).toEqual(reused(key));
      expect(refusal(await join('6', other.groupOrderId, joinBody(other.dish, 1), key))).toEqual(reused(key));
      expect((await memberOrders(groupOrderId)).filter((order) => order.customer_id === '6')).toEqual([{ id: first.id, customer_id: '6' }]);
      expect((await memberOrders(other.groupOrderId)).filter((order) => order.customer_id === '6')).toEqual([]);
      expect(await remainingCapacity(groupOrderId)).toBe(7);
    });

    it('a refused join records nothing: the corrected request with the same key is placed', async () => {
      const { dish, groupOrderId } = await openGroup(4);
      const key = newKey();
      expect(refusal(await join('6', groupOrderId, joinBody(dish, 3), key))).toMatchObject({ status: 422, errorKey: 'restaurantDeliveryCapacityExceeded' });
      expect(await keyRows(key)).toEqual([]);
      const placed = data(await join('6', groupOrderId, joinBody(dish, 2), key));
      expect(await remainingCapacity(groupOrderId)).toBe(0);
      expect(await keyRows(key)).toEqual([{ requester: 'customer 6', operation: 'group-join', order_id: placed.id }]);
    });

    it('a retry after the group filled up still answers the first member order', async () => {
      const { dish, groupOrderId } = await openGroup(4);
      const key = newKey();
      const first = data(await join('6', groupOrderId, joinBody(dish, 2), key));
      expect(await remainingCapacity(groupOrderId)).toBe(0);
      expect(data(await join('6', groupOrderId, joinBody(dish, 2), key)).id).toBe(first.id);
    });

    it('a key belongs to its customer: another customer using the same string places an order of their own', async () => {
      const { dish, groupOrderId } = await openGroup();
      const key = newKey();
      const six = data(await join('6', groupOrderId, joinBody(dish, 1), key));
      const seven = data(await join('7', groupOrderId, joinBody(dish, 2), key));
      expect(seven.id).not.toBe(six.id);
      expect(await remainingCapacity(groupOrderId)).toBe(5);
      expect(await keyRows(key)).toEqual([
        { requester: 'customer 6', operation: 'group-join', order_id: six.id },
        { requester: 'customer 7', operation: 'group-join', order_id: seven.id },
      ]);
    });

    it(`a key older than CART_IDEMPOTENCY_TTL_HOURS (${TTL_HOURS}) no longer matches and may be reused`, async () => {
      const { dish, groupOrderId } = await openGroup();
      const key = newKey();
      const first = data(await join('6', groupOrderId, joinBody(dish, 1), key));
      await sql.query(`UPDATE idempotent_requests SET created_at = now() - interval '${TTL_HOURS - 1} hours' WHERE key = $1`, [key]);
      expect(data(await join('6', groupOrderId, joinBody(dish, 1), key)).id).toBe(first.id);
      expect(refusal(await join('6', groupOrderId, joinBody(dish, 2), key))).toEqual(reused(key));

      await sql.query(`UPDATE idempotent_requests SET created_at = now() - interval '${TTL_HOURS} hours 1 minute' WHERE key = $1`, [key]);
      const second = data(await join('6', groupOrderId, joinBody(dish, 2), key));
      expect(second.id).not.toBe(first.id);
      expect(await keyRows(key)).toEqual([{ requester: 'customer 6', operation: 'group-join', order_id: second.id }]);
      expect(data(await join('6', groupOrderId, joinBody(dish, 2), key)).id).toBe(second.id);
    });
  });

  it(`purges the records of keys older than CART_IDEMPOTENCY_TTL_HOURS and keeps the others`, async () => {
    const { dish, groupOrderId } = await openGroup();
    const [expired, fresh] = [newKey(), newKey()];
    await join('6', groupOrderId, joinBody(dish, 1), expired);
    await join('7', groupOrderId, joinBody(dish, 1), fresh);
    await sql.query(`UPDATE idempotent_requests SET created_at = now() - interval '${TTL_HOURS} hours 1 minute' WHERE key = $1`, [expired]);

    expect(await bed.get(IdempotentRequests).purgeExpired()).toBeGreaterThanOrEqual(1);

    expect(await keyRows(expired)).toEqual([]);
    expect(await keyRows(fresh)).toHaveLength(1);
  });

  describe('creating a group', () => {
    const create = (customerId: string, body: object, idempotencyKey: string) => placement.create({ requester: customer(customerId), body, include: ['groupOrder'], idempotencyKey });

    it('a retried create answers the same order instead of groupOrderAlreadyExisting; one group, one member order', async () => {
      const r = await restaurant();
      const key = newKey();
      const first = data(await create('5', createBody(r.dish, 2), key));
      const retried = data(await create('5', createBody(r.dish, 2), key));
      expect(retried).toEqual(first);
      const groups = await sql.query(`SELECT id::text FROM group_orders WHERE restaurant_id = $1`, [r.id]);
      expect(groups.rows).toEqual([{ id: present(first.groupOrder, 'groupOrder').id }]);
      expect(await memberOrders(present(first.groupOrder, 'groupOrder').id)).toEqual([{ id: first.id, customer_id: '5' }]);
      expect(await keyRows(key)).toEqual([{ requester: 'customer 5', operation: 'group-create', order_id: first.id }]);
    });

    it('five concurrent creates with one key open one group and all answer its order', async () => {
      const r = await restaurant();
      const key = newKey();
      const replies = await Promise.all(Array.from({ length: 5 }, () => create('5', createBody(r.dish, 1), key)));
      const groups = await sql.query(`SELECT id::text FROM group_orders WHERE restaurant_id = $1`, [r.id]);
      expect(groups.rows).toHaveLength(1);
      const [member] = await memberOrders(groups.rows[0].id);
      expect(replies.map((reply) => data(reply).id)).toEqual(Array(5).fill(member.id));
    });

    it('the key with a different body is 422; a refused create records nothing', async () => {
      const r = await restaurant(3);
      const key = newKey();
      expect(refusal(await create('5', createBody(r.dish, 4), key))).toMatchObject({ status: 422, errorKey: 'restaurantDeliveryCapacityExceeded' });
      expect(await keyRows(key)).toEqual([]);
      const placed = data(await create('5', createBody(r.dish, 3), key));
      expect(refusal(await create('5', { ...createBody(r.dish, 3), comment: 'Ring twice' }, key))).toEqual(reused(key));
      expect(await keyRows(key)).toEqual([{ requester: 'customer 5', operation: 'group-create', order_id: placed.id }]);
    });

    it('a key is scoped to its operation: the same string on a join is a new request', async () => {
      const r = await restaurant();
      const key = newKey();
      const created = data(await create('5', createBody(r.dish, 1), key));
      const joined = data(await join('5', present(created.groupOrder, 'groupOrder').id, joinBody(r.dish, 1), key));
      expect(joined.id).not.toBe(created.id);
    });
  });

  describe('external orders', () => {
    const external = (restaurantId: string, body: object, idempotencyKey: string) =>
      placement.createExternal({ requester: restaurantApp(restaurantId), restaurantId, body, include: ['customer'], idempotencyKey });

    it('a retried external order answers the same order; another body is 422; a refusal records nothing', async () => {
      const r = await restaurant(3);
      const key = newKey();
      expect(refusal(await external(r.id, externalBody(r.dish, 4), key))).toMatchObject({ status: 422, errorKey: 'restaurantDeliveryCapacityExceeded' });
      const first = data(await external(r.id, externalBody(r.dish, 2), key));
      expect(first.customer).toEqual(JEAN);
      expect(data(await external(r.id, externalBody(r.dish, 2), key)).id).toBe(first.id);
      expect(refusal(await external(r.id, externalBody(r.dish, 1), key))).toEqual(reused(key));
      const members = await sql.query(`SELECT id::text FROM group_member_orders WHERE restaurant_id = $1`, [r.id]);
      expect(members.rows).toEqual([{ id: first.id }]);
      expect(await keyRows(key)).toEqual([{ requester: `restaurant ${r.id}`, operation: 'group-external', order_id: first.id }]);
    });

    it('another restaurant may use the same key string', async () => {
      const [a, b] = [await restaurant(), await restaurant()];
      const key = newKey();
      const fromA = data(await external(a.id, externalBody(a.dish, 1), key));
      const fromB = data(await external(b.id, externalBody(b.dish, 1), key));
      expect(fromB.id).not.toBe(fromA.id);
    });
  });

  describe('customer-app drafts', () => {
    const draftBody = { restaurantId: '9', lines: [{ productId: 'margherita', quantity: 2 }], tableNumber: 'A4' };
    const createDraft = (customerId: string, body: object, idempotencyKey?: string) =>
      drafts.create({ customerId, ...body, ...(idempotencyKey === undefined ? {} : { idempotencyKey }) });
    const draftsOf = async (customerId: string, tableNumber: string) =>
      (await sql.query(`SELECT id FROM customer_app_orders WHERE customer_id = $1 AND table_number = $2`, [customerId, tableNumber])).rows as Array<{ id: string }>;

    it('a retried create answers the same draft as it is now; without a key every create is a new draft', async () => {
      const key = newKey();
      const table = `T${randomBytes(3).toString('hex')}`;
      const first: CustomerAppOrderView = data(await createDraft('5', { ...draftBody, tableNumber: table }, key));
      expect(first).toMatchObject({ state: 'CREATED', subtotalMinor: 2400 });
      await sql.query(`UPDATE customer_app_orders SET customer_details = '{"name": "Noa"}'::jsonb, state = 'DETAILS_CONFIRMED' WHERE id = $1`, [first.orderId]);
      const retried = data(await createDraft('5', { ...draftBody, tableNumber: table }, key));
      expect(retried).toMatchObject({ orderId: first.orderId, state: 'DETAILS_CONFIRMED' });
      expect(await draftsOf('5', table)).toEqual([{ id: first.orderId }]);
      expect(await keyRows(key)).toEqual([{ requester: 'customer 5', operation: 'customer-app-create', order_id: first.orderId }]);

      data(await createDraft('5', { ...draftBody, tableNumber: table }));
      expect(await draftsOf('5', table)).toHaveLength(2);
    });

    it('five concurrent creates with one key make one draft', async () => {
      const key = newKey();
      const table = `T${randomBytes(3).toString('hex')}`;
      const replies = await Promise.all(Array.from({ length: 5 }, () => createDraft('5', { ...draftBody, tableNumber: table }, key)));
      const rows = await draftsOf('5', table);
      expect(rows).toHaveLength(1);
      expect(replies.map((reply) => data(reply).orderId)).toEqual(Array(5).fill(rows[0].id));
    });

    it('the key with a different request is 422; a refused create records nothing; another customer may use the key', async () => {
      const key = newKey();
      expect(refusal(await createDraft('5', { ...draftBody, lines: [{ productId: 'no-such-dish', quantity: 1 }] }, key))).toMatchObject({ status: 400, errorKey: 'unknownProduct' });
      expect(await keyRows(key)).toEqual([]);
      const first = data(await createDraft('5', draftBody, key));
      expect(refusal(await createDraft('5', { ...draftBody, tableNumber: 'B2' }, key))).toEqual(reused(key));
      const other = data(await createDraft('6', draftBody, key));
      expect(other.orderId).not.toBe(first.orderId);
      expect(other.customerId).toBe('6');
    });

    it('an expired key places a new draft', async () => {
      const key = newKey();
      const first = data(await createDraft('5', draftBody, key));
      await sql.query(`UPDATE idempotent_requests SET created_at = now() - interval '${TTL_HOURS + 1} hours' WHERE key = $1`, [key]);
      const second = data(await createDraft('5', draftBody, key));
      expect(second.orderId).not.toBe(first.orderId);
    });
  });
});
