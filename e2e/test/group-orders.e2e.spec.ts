import { sleep, waitFor } from '@order-platform/testing';
import { Client } from 'pg';
import { CheckoutApi, type OrderView, steps } from '../support/checkout-api';
import { CheckoutPlatform } from '../support/checkout-platform';
import { distinctPerOrder, eventsFor, type LedgerEntry } from '../support/event-ledger';
import { type FoodRushOrder, type FoodRushUser, type GroupOrder, GroupOrdersApi, PALAISEAU_ADDRESS } from '../support/group-orders-api';
import { mailsForOrder, templatesOf } from '../support/order-mails';

/*
 * FoodRush group orders on the whole platform with the cart's controllable clock: members join,
 * the group closes on its timer, every member order goes through billing, payment, shipment and
 * email; a confirmed group ships in one delivery round, an unconfirmed one is cancelled and refunded.
 * Prices follow the default configuration: discount tiers 0:0,2000:5,4000:10 (percent of the raw
 * price, half-up in cents), FoodRush 30 min, confirmation 20 min, restaurant preparation 30 min.
 */
describe('group orders (FoodRush) end to end', () => {
  let platform: CheckoutPlatform;
  let api: GroupOrdersApi;
  let checkout: CheckoutApi;

  beforeAll(async () => {
    platform = await CheckoutPlatform.start({ env: { GROUP_ORDER_CLOCK: 'controllable' }, testSmtp: true });
    api = new GroupOrdersApi(platform.gatewayUrl, platform.demo.services['cart'].url);
    checkout = new CheckoutApi(platform.gatewayUrl);
    await api.logIn();
  }, 300000);

  afterAll(async () => {
    await platform?.stop();
  }, 120000);

  /** Member order id -> its checkout order id, from the group's GroupOrderClosed event. */
  async function closedMembers(groupOrderId: string): Promise<Array<{ memberOrderId: string; orderId: string; discountedPriceMinor: number }>> {
    const [closed] = await eventsFor(platform.kafkaBrokers, 'GroupOrderClosed', new Set([`group-order-${groupOrderId}`]), 1);
    return (closed?.payload['members'] ?? []) as Array<{ memberOrderId: string; orderId: string; discountedPriceMinor: number }>;
  }

  async function waitForCheckout(orderId: string, predicate: (order: OrderView) => boolean, what: string): Promise<OrderView> {
    return checkout.waitForOrder(orderId, predicate, 90000, what);
  }

  async function query<T extends Record<string, unknown>>(sql: string, params: unknown[]): Promise<T[]> {
    const db = new Client({ connectionString: platform.databaseUrl });
    await db.connect();
    try {
      return (await db.query<T>(sql, params)).rows;
    } finally {
      await db.end();
    }
  }

  function groupOf(order: FoodRushOrder): GroupOrder {
    if (!order.groupOrder) throw new Error(`order ${order.id} answered without its groupOrder: ${JSON.stringify(order)}`);
    return order.groupOrder;
  }

  /** orderId -> values of one payload field, each distinct business id once. */
  function onlyValue(entries: LedgerEntry[], field: string): Map<string, string[]> {
    return new Map([...distinctPerOrder(entries, field)].map(([orderId, values]) => [orderId, [...values]]));
  }

  describe('a confirmed group: each member charged once its final price, all shipped in one delivery round', () => {
    const members: Array<{ user: FoodRushUser; order: FoodRushOrder; items: number }> = [];
    let groupOrderId: string;
    let checkoutIds: Map<string, string>; // member order id -> checkout order id
    const expectedFinal: Record<string, number> = {};

    /** Every member's order as its customer reads it now. */
    async function memberPrices(): Promise<Array<{ rawPrice: number; discountedPrice: number }>> {
      return Promise.all(members.map(async ({ user, order }) => {
        const { rawPrice, discountedPrice } = await api.order(user, order.id);
        return { rawPrice, discountedPrice };
      }));
    }

    it('customer5 opens a group at restaurant 6; as customer6 and customer7 join (each join retried with its Idempotency-Key), prices drop and capacity falls', async () => {
      const first = await api.createGroupOrder('customer5', { foodRushDurationInMinutes: 30, productFormats: { '1': 2, '2': 1 }, deliveryAddress: PALAISEAU_ADDRESS, comment: 'Ring twice' });
      // 2 x 810 + 480 = 2100: the 2000 tier's 5 % already applies.
      expect(first).toMatchObject({ id: expect.stringMatching(/^\d+$/), rawPrice: 2100, discountedPrice: 1995, comment: 'Ring twice' });
      members.push({ user: 'customer5', order: first, items: 3 });
      const withGroup = await api.order('customer5', first.id, 'groupOrder,restaurant');
      groupOrderId = groupOf(withGroup).id;
      expect(withGroup.groupOrder).toMatchObject({ joinable: true, totalRawPrice: 2100, discountRate: 5, remainingCapacity: 7, confirmed: false });
      expect(withGroup['restaurant']).toMatchObject({ id: '6' });

      const joins: Array<{ user: FoodRushUser; productFormats: Record<string, number>; rawPrice: number; items: number }> = [
        { user: 'customer6', productFormats: { '1': 1, '2': 1 }, rawPrice: 1290, items: 2 },
        { user: 'customer7', productFormats: { '1': 2 }, rawPrice: 1620, items: 2 },
      ];
      for (const join of joins) {
        const before = await memberPrices();
        const capacityBefore = (await api.groupOrder(groupOrderId)).remainingCapacity;
        const body = { productFormats: join.productFormats, deliveryAddress: { ...PALAISEAU_ADDRESS, details: `for ${join.user}` } };
        const key = `e2e-join-${join.user}-${groupOrderId}`;
        const order = await api.join(join.user, groupOrderId, body, key);
        expect(order.rawPrice).toBe(join.rawPrice);
        // The app's retry of the same join (its answer lost on the way) is the same order, not a second one.
        expect((await api.join(join.user, groupOrderId, body, key)).id).toBe(order.id);
        const after = await memberPrices();
        // Members already in the group: raw prices never change, discounted prices never rise.
        expect(after.map((price) => price.rawPrice)).toEqual(before.map((price) => price.rawPrice));
        after.forEach((price, index) => expect(price.discountedPrice).toBeLessThanOrEqual(before[index]?.discountedPrice ?? Number.NaN));
        expect((await api.groupOrder(groupOrderId)).remainingCapacity).toBe(capacityBefore - join.items);
        members.push({ user: join.user, order, items: join.items });
      }
      // 2100 + 1290 + 1620 = 5010: the 4000 tier, 10 % off everyone.
      expect(await api.groupOrder(groupOrderId)).toMatchObject({ totalRawPrice: 5010, discountRate: 10, remainingCapacity: 3, joinable: true });
      expect(await memberPrices()).toEqual([
        { rawPrice: 2100, discountedPrice: 1890 },
        { rawPrice: 1290, discountedPrice: 1161 },
        { rawPrice: 1620, discountedPrice: 1458 },
      ]);
    });

    it('refuses over HTTP a second group at the restaurant (422) and a customer reading another customer’s order (403)', async () => {
      expect(await api.call('POST', '/orders', 'customer6', { foodRushDurationInMinutes: 20, productFormats: { '1': 2 }, deliveryAddress: PALAISEAU_ADDRESS })).toEqual({
        status: 422,
        body: { errorKey: 'groupOrderAlreadyExisting', message: 'A group order already exists for the restaurant #6.' },
      });
      expect(await api.call('GET', `/orders/${members[0]?.order.id}`, 'customer6')).toEqual({
        status: 403,
        body: { errorKey: 'wrongAuthenticatedUser', message: 'Should be authenticated as customer 5 instead of 6.' },
      });
    });

    it('after closedAt the group is no longer joinable: 422 groupOrderCannotBeJoined', async () => {
      await api.advanceClock(31);
      await api.waitForGroup(groupOrderId, (group) => !group.joinable, 'closed');
      expect(await api.call('POST', `/groupOrders/${groupOrderId}/orders`, 'customer6', { productFormats: { '1': 1, '2': 1 }, deliveryAddress: PALAISEAU_ADDRESS })).toEqual({
        status: 422,
        body: { errorKey: 'groupOrderCannotBeJoined', message: `The groupOrder #${groupOrderId} cannot be joined anymore.` },
      });
    });

    it('closing sends every member order to checkout at its final price; each is paid, none ships before the round', async () => {
      const closed = await closedMembers(groupOrderId);
      expect(closed.map((member) => member.memberOrderId).sort()).toEqual(members.map((member) => member.order.id).sort());
      checkoutIds = new Map(closed.map((member) => [member.memberOrderId, member.orderId]));
      for (const member of members) expectedFinal[checkoutIds.get(member.order.id) ?? 'missing'] = (await api.order(member.user, member.order.id)).discountedPrice;
      expect(Object.keys(expectedFinal).sort()).toEqual([...checkoutIds.values()].sort());
      expect(Object.values(expectedFinal).sort((a, b) => a - b)).toEqual([1161, 1458, 1890]);
      for (const member of closed) expect(member.discountedPriceMinor).toBe(expectedFinal[member.orderId]);

      for (const orderId of checkoutIds.values()) await waitForCheckout(orderId, (order) => steps(order).includes('PaymentProcessed'), 'paid');
      // A paid order of another channel ships within moments; a member order waits for its round.
      await sleep(3000);
      for (const orderId of checkoutIds.values()) expect({ orderId, steps: steps((await checkout.order(orderId)).body) }).not.toEqual({ orderId, steps: expect.arrayContaining(['OrderShipped']) });
    });

    it('restaurant 6 confirms the group (another restaurant may not)', async () => {
      expect(await api.call('POST', `/groupOrders/${groupOrderId}/confirmation`, 'restaurant9')).toMatchObject({ status: 403, body: { errorKey: 'wrongAuthenticatedUser' } });
      const confirmed = await api.call('POST', `/groupOrders/${groupOrderId}/confirmation`, 'restaurant6');
      expect(confirmed).toMatchObject({ status: 200, body: { id: groupOrderId, confirmed: true, joinable: false } });
    });

    it('after preparedAt every member order ships, all in the same delivery round', async () => {
      await api.advanceClock(51);
      for (const orderId of checkoutIds.values()) await waitForCheckout(orderId, (order) => order.status === 'shipped', 'shipped');
      const rows = await query<{ order_id: string; delivery_round_id: string | null }>('SELECT order_id, delivery_round_id FROM shipment.shipments WHERE order_id = ANY($1)', [[...checkoutIds.values()]]);
      expect(rows.map((row) => row.order_id).sort()).toEqual([...checkoutIds.values()].sort());
      expect(new Set(rows.map((row) => row.delivery_round_id))).toEqual(new Set([groupOrderId]));
    });

    it('charged each member exactly once, its final discounted price (PaymentProcessed on Kafka, payment.charges)', async () => {
      const ids = new Set(checkoutIds.values());
      const payments = await eventsFor(platform.kafkaBrokers, 'PaymentProcessed', ids, ids.size);
      const paymentIds = onlyValue(payments, 'paymentId');
      const amounts = onlyValue(payments, 'amountMinor');
      for (const orderId of ids) {
        expect({ orderId, payments: paymentIds.get(orderId)?.length, amounts: amounts.get(orderId) }).toEqual({ orderId, payments: 1, amounts: [String(expectedFinal[orderId])] });
      }
      const charges = await query<{ order_id: string; amount_minor: string; currency: string }>(`SELECT order_id, amount_minor, currency FROM payment.charges WHERE status = 'succeeded' AND order_id = ANY($1)`, [[...ids]]);
      expect(charges.map((row) => ({ orderId: row.order_id, amountMinor: Number(row.amount_minor), currency: row.currency })).sort((a, b) => a.amountMinor - b.amountMinor)).toEqual(
        [...ids].map((orderId) => ({ orderId, amountMinor: expectedFinal[orderId], currency: 'EUR' })).sort((a, b) => a.amountMinor - b.amountMinor),
      );
      const shipped = onlyValue(await eventsFor(platform.kafkaBrokers, 'OrderShipped', ids, ids.size), 'trackingNumber');
      for (const orderId of ids) expect({ orderId, shipments: shipped.get(orderId)?.length }).toEqual({ orderId, shipments: 1 });
    });

    it('mailed each member the invoice, the payment and the shipping, once each', async () => {
      const smtp = platform.mailbox;
      const ids = [...checkoutIds.values()];
      await waitFor(() => ids.every((orderId) => mailsForOrder(smtp.messages, orderId).length >= 3), { timeoutMs: 60000, intervalMs: 500, description: 'three mails per member order' }).catch(() => undefined);
      await sleep(3000);
      for (const orderId of ids) expect({ orderId, templates: templatesOf(mailsForOrder(smtp.messages, orderId)) }).toEqual({ orderId, templates: ['invoice-created', 'order-shipped', 'payment-received'] });
    });
  });

  describe('a group its restaurant does not confirm: cancelled after endingAt and refunded once', () => {
    let groupOrderId: string;
    let members: Array<{ memberOrderId: string; orderId: string; discountedPriceMinor: number }>;

    it('customer5 and customer7 order at restaurant 9; the group closes and both are charged', async () => {
      const first = await api.createGroupOrder('customer5', { foodRushDurationInMinutes: 30, productFormats: { '3': 1 }, deliveryAddress: PALAISEAU_ADDRESS });
      groupOrderId = groupOf(await api.order('customer5', first.id, 'groupOrder')).id;
      const second = await api.join('customer7', groupOrderId, { productFormats: { '4': 1 }, deliveryAddress: PALAISEAU_ADDRESS });
      await api.advanceClock(31);
      await api.waitForGroup(groupOrderId, (group) => !group.joinable, 'closed');
      members = await closedMembers(groupOrderId);
      expect(members.map((member) => member.memberOrderId).sort()).toEqual([first.id, second.id].sort());
      // 1500 + 1200 = 2700: 5 % off.
      expect(members.map((member) => member.discountedPriceMinor).sort((a, b) => a - b)).toEqual([1140, 1425]);
      for (const { orderId } of members) await waitForCheckout(orderId, (order) => steps(order).includes('PaymentProcessed'), 'paid');
    });

    it('after endingAt unconfirmed: every member order is cancelled and refunded exactly once; nothing ships', async () => {
      await api.advanceClock(21);
      for (const { orderId } of members) await waitForCheckout(orderId, (order) => order.status === 'cancelled' && steps(order).includes('PaymentRefunded'), 'cancelled and refunded');
      expect(await api.call('POST', `/groupOrders/${groupOrderId}/confirmation`, 'restaurant9')).toMatchObject({ status: 422, body: { errorKey: 'groupOrderCannotBeConfirmed' } });

      const ids = new Set(members.map((member) => member.orderId));
      const refunds = await eventsFor(platform.kafkaBrokers, 'PaymentRefunded', ids, ids.size);
      const refundIds = onlyValue(refunds, 'refundId');
      const amounts = onlyValue(refunds, 'amountMinor');
      for (const member of members) {
        expect({ orderId: member.orderId, refunds: refundIds.get(member.orderId)?.length, amounts: amounts.get(member.orderId) }).toEqual({
          orderId: member.orderId,
          refunds: 1,
          amounts: [String(member.discountedPriceMinor)],
        });
      }
      const refundRows = await query<{ order_id: string; n: string }>(`SELECT order_id, count(*) AS n FROM payment.refunds WHERE status = 'succeeded' AND order_id = ANY($1) GROUP BY order_id`, [[...ids]]);
      expect(Object.fromEntries(refundRows.map((row) => [row.order_id, Number(row.n)]))).toEqual(Object.fromEntries([...ids].map((id) => [id, 1])));
      const shipments = await query('SELECT order_id FROM shipment.shipments WHERE order_id = ANY($1)', [[...ids]]);
      expect(shipments).toEqual([]);
    });
  });
});
