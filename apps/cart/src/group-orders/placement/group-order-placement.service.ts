import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type CommandReply,
  CreateExternalGroupOrderRequest,
  CreateGroupOrderRequest,
  type GroupMemberOrderView,
  JoinGroupOrderRequest,
  replyOk,
  validateCommand,
} from '@order-platform/contracts';
import { randomUUID } from 'node:crypto';
import { QueryFailedError, type DataSource, type EntityManager } from 'typeorm';
import { CLOCK, type Clock } from '../clock/clock';
import { GROUP_ORDER_SETTINGS, type GroupOrderSettings } from '../config/group-order-config';
import { discountedPriceMinor, discountRateFor } from '../domain/discount';
import { parsePlacementBody, type PlacementBody, type PlacementKind } from '../domain/placement-body';
import { checkPlacement, type Placement, type PlacementFacts } from '../domain/placement-rules';
import { addMinutes } from '../domain/view-time';
import { IdempotentRequests } from '../../idempotency/idempotent-requests';
import { requestFingerprint } from '../../idempotency/request-fingerprint';
import { GroupOrderErrors, replyGroupOrderError } from '../group-order-errors';
import { callerBesideRestaurant } from '../requester';
import { MEMBER_ORDER_COLUMNS, MEMBER_ORDER_FROM, type MemberOrderRow, toMemberOrderViews } from '../views/member-order-view';
import { findAccountCustomer, findProductFormats, findRestaurant, hasOpenGroup, lockGroupForJoin } from './placement-facts.repository';

const ONE_OPEN_GROUP_INDEX = 'group_orders_one_open_per_restaurant';

type MemberOrderReply = CommandReply<GroupMemberOrderView>;

/**
 * Placing member orders: a customer creating a group, a customer joining one, a restaurant
 * opening one with an external order. Each runs in one transaction: checks, group, member order
 * and (for a new group) its CLOSE timer commit together or not at all. With an Idempotency-Key
 * the key's record joins that transaction: a repeat answers the first member order as it is now.
 */
@Injectable()
export class GroupOrderPlacementService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(GROUP_ORDER_SETTINGS) private readonly settings: GroupOrderSettings,
    private readonly idempotency: IdempotentRequests,
  ) {}

  async create(raw: unknown): Promise<CommandReply<GroupMemberOrderView>> {
    const parsed = validateCommand(CreateGroupOrderRequest, raw);
    if (!parsed.ok) return parsed.reply;
    const { requester, include = [], idempotencyKey } = parsed.value;
    if (requester.role !== 'CUSTOMER_APP' || !requester.customerId) return replyGroupOrderError(GroupOrderErrors.customersOnly());
    const customerId = requester.customerId;
    const body = parsePlacementBody('create', parsed.value.body);
    if (!body.ok) return replyGroupOrderError(body.error);
    const once = { key: idempotencyKey, requester: `customer ${customerId}`, kind: 'create' as const, request: { body: parsed.value.body }, include };

    return this.openingGroup((manager) => this.placeOnce(manager, once, async () => {
      const formats = await findProductFormats(manager, body.value.productFormats.map((format) => format.id));
      const restaurantIds = new Set([...formats.values()].map((format) => format.restaurantId));
      const restaurant = restaurantIds.size === 1 ? await findRestaurant(manager, [...restaurantIds][0]) : undefined;
      const facts: PlacementFacts = {
        kind: 'create',
        account: await findAccountCustomer(manager, customerId),
        accountId: customerId,
        formats,
        restaurant,
        openGroupExists: restaurant ? await hasOpenGroup(manager, restaurant.id) : false,
        now: this.clock.now(),
      };
      return this.placeInNewGroup(manager, 'create', body.value, facts, { customerId }, include);
    }));
  }

  async createExternal(raw: unknown): Promise<CommandReply<GroupMemberOrderView>> {
    const parsed = validateCommand(CreateExternalGroupOrderRequest, raw);
    if (!parsed.ok) return parsed.reply;
    const { requester, restaurantId, include = [], idempotencyKey } = parsed.value;
    if (requester.role !== 'RESTAURANT_APP' || requester.restaurantId !== restaurantId) {
      return replyGroupOrderError(GroupOrderErrors.wrongRestaurant(restaurantId, callerBesideRestaurant(requester)));
    }
    const body = parsePlacementBody('external', parsed.value.body);
    if (!body.ok) return replyGroupOrderError(body.error);
    const once = { key: idempotencyKey, requester: `restaurant ${restaurantId}`, kind: 'external' as const, request: { restaurantId, body: parsed.value.body }, include };

    return this.openingGroup((manager) => this.placeOnce(manager, once, async () => {
      const restaurant = await findRestaurant(manager, restaurantId);
      const facts: PlacementFacts = {
        kind: 'external',
        formats: await findProductFormats(manager, body.value.productFormats.map((format) => format.id)),
        restaurant,
        restaurantId,
        openGroupExists: restaurant ? await hasOpenGroup(manager, restaurant.id) : false,
        now: this.clock.now(),
      };
      return this.placeInNewGroup(manager, 'external', body.value, facts, { externalCustomer: body.value.customer ?? {} }, include);
    }));
  }

  async join(raw: unknown): Promise<CommandReply<GroupMemberOrderView>> {
    const parsed = validateCommand(JoinGroupOrderRequest, raw);
    if (!parsed.ok) return parsed.reply;
    const { requester, groupOrderId, include = [], idempotencyKey } = parsed.value;
    if (requester.role !== 'CUSTOMER_APP' || !requester.customerId) return replyGroupOrderError(GroupOrderErrors.customersOnly());
    const customerId = requester.customerId;
    const body = parsePlacementBody('join', parsed.value.body);
    if (!body.ok) return replyGroupOrderError(body.error);
    const once = { key: idempotencyKey, requester: `customer ${customerId}`, kind: 'join' as const, request: { groupOrderId, body: parsed.value.body }, include };

    return this.dataSource.transaction((manager) => this.placeOnce(manager, once, async () => {
      const account = await findAccountCustomer(manager, customerId);
      const formats = await findProductFormats(manager, body.value.productFormats.map((format) => format.id));
      const group = await lockGroupForJoin(manager, groupOrderId);
      const facts: PlacementFacts = {
        kind: 'join',
        account,
        accountId: customerId,
        formats,
        restaurant: group ? await findRestaurant(manager, group.restaurantId) : undefined,
        group,
        groupOrderId,
        openGroupExists: false,
        // Read after the lock: a join that waited behind others is judged at its own time.
        now: this.clock.now(),
      };
      const checked = checkPlacement(body.value, facts, this.settings);
      if (!checked.ok) return replyGroupOrderError(checked.error);
      const placement = checked.placement;
      if (!group) throw new Error('a placement in an unknown group passed the checks');

      const totalRawPriceMinor = group.totalRawPriceMinor + placement.rawPriceMinor;
      const rate = discountRateFor(totalRawPriceMinor, this.settings.discountTiers);
      const memberId = await insertMember(manager, group.id, placement, body.value, { customerId }, rate, facts.now);
      await manager.query(`UPDATE group_orders SET total_raw_price_minor = $2, items_ordered = items_ordered + $3, discount_rate = $4 WHERE id = $1`, [
        group.id,
        totalRawPriceMinor,
        placement.items,
        rate,
      ]);
      return replyOk(await this.memberView(manager, memberId, include));
    }));
  }

  /**
   * Runs `place` in the transaction of `manager`, under the request's Idempotency-Key when it has
   * one. The key's record is taken before the placement's checks and locks, so a repeat answers
   * the first member order even once the group is full or closed.
   */
  private placeOnce(manager: EntityManager, once: KeyedPlacement, place: () => Promise<MemberOrderReply>): Promise<MemberOrderReply> {
    const request =
      once.key === undefined ? undefined : { key: once.key, requester: once.requester, operation: `group-${once.kind}`, fingerprint: requestFingerprint(once.request) };
    return this.idempotency.placeOnce(manager, request, {
      place,
      orderIdOf: (order) => order.id,
      replay: async (orderId) => {
        const order: GroupMemberOrderView | undefined = await this.memberView(manager, orderId, once.include);
        return order ? replyOk(order) : replyGroupOrderError(GroupOrderErrors.orderNotFound(orderId));
      },
    });
  }

  /** Create and external: a new group, its first member order and its CLOSE timer. */
  private async placeInNewGroup(
    manager: EntityManager,
    kind: PlacementKind,
    body: PlacementBody,
    facts: PlacementFacts,
    who: MemberCustomer,
    include: string[],
  ): Promise<CommandReply<GroupMemberOrderView>> {
    const checked = checkPlacement(body, facts, this.settings);
    if (!checked.ok) return replyGroupOrderError(checked.error);
    const placement = checked.placement;
    const { restaurant } = placement;
    const createdAt = facts.now;
    const closedAt = addMinutes(createdAt, placement.foodRushMinutes);
    const endingAt = addMinutes(closedAt, this.settings.confirmationMinutes);
    const preparedAt = addMinutes(endingAt, restaurant.maxPreparationMinutes);
    const rate = discountRateFor(placement.rawPriceMinor, this.settings.discountTiers);
    const groups: Array<{ id: string }> = await manager.query(
      `INSERT INTO group_orders (restaurant_id, status, external, foodrush_minutes, currency, discount_rate, total_raw_price_minor, items_ordered, capacity,
         first_latitude, first_longitude, created_at, closed_at, ending_at, prepared_at)
       VALUES ($1, 'OPEN', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
      [
        restaurant.id,
        kind === 'external',
        placement.foodRushMinutes,
        restaurant.currency,
        rate,
        placement.rawPriceMinor,
        placement.items,
        restaurant.groupCapacity,
        body.deliveryAddress.latitude,
        body.deliveryAddress.longitude,
        createdAt,
        closedAt,
        endingAt,
        preparedAt,
      ],
    );
    const groupOrderId = String(groups[0].id);
    const memberId = await insertMember(manager, groupOrderId, placement, body, who, rate, createdAt);
    await manager.query(`INSERT INTO group_order_timers (group_order_id, kind, due_at) VALUES ($1, 'CLOSE', $2)`, [groupOrderId, closedAt]);
    return replyOk(await this.memberView(manager, memberId, include));
  }

  /**
   * Runs a group-opening transaction; the partial unique index turns the loser of two racing
   * creates for one restaurant into groupOrderAlreadyExisting.
   */
  private async openingGroup(run: (manager: EntityManager) => Promise<MemberOrderReply>): Promise<MemberOrderReply> {
    try {
      return await this.dataSource.transaction(run);
    } catch (error) {
      const restaurantId = openGroupConflict(error);
      if (restaurantId === undefined) throw error;
      return replyGroupOrderError(GroupOrderErrors.groupOrderAlreadyExisting(restaurantId));
    }
  }

  private async memberView(manager: EntityManager, memberId: string, include: string[]): Promise<GroupMemberOrderView> {
    const rows: MemberOrderRow[] = await manager.query(`SELECT ${MEMBER_ORDER_COLUMNS} FROM ${MEMBER_ORDER_FROM} WHERE m.id = $1`, [memberId]);
    const [view] = await toMemberOrderViews(manager, rows, include, this.clock.now());
    return view;
  }
}

/** A placement's Idempotency-Key (if any), whose it is, and the request it fingerprints: body and route ids. */
interface KeyedPlacement {
  key: string | undefined;
  requester: string;
  kind: PlacementKind;
  request: object;
  include: string[];
}

type MemberCustomer = { customerId: string } | { externalCustomer: NonNullable<PlacementBody['customer']> };

async function insertMember(
  manager: EntityManager,
  groupOrderId: string,
  placement: Placement,
  body: PlacementBody,
  who: MemberCustomer,
  rate: number,
  createdAt: Date,
): Promise<string> {
  const rows: Array<{ id: string }> = await manager.query(
    `INSERT INTO group_member_orders (group_order_id, restaurant_id, customer_id, external_customer, checkout_order_id, product_formats, items,
       raw_price_minor, discounted_price_minor, comment, delivery_address, created_at)
     VALUES ($1, $2, $3, $4::jsonb, $5, $6::jsonb, $7, $8, $9, $10, $11::jsonb, $12) RETURNING id`,
    [
      groupOrderId,
      placement.restaurant.id,
      'customerId' in who ? who.customerId : null,
      'externalCustomer' in who ? JSON.stringify(who.externalCustomer) : null,
      randomUUID(),
      JSON.stringify(placement.lines),
      placement.items,
      placement.rawPriceMinor,
      discountedPriceMinor(placement.rawPriceMinor, rate),
      body.comment ?? null,
      JSON.stringify(body.deliveryAddress),
      createdAt,
    ],
  );
  return String(rows[0].id);
}

/** The restaurant id when `error` is the one-open-group index refusing a second OPEN group. */
function openGroupConflict(error: unknown): string | undefined {
  if (!(error instanceof QueryFailedError)) return undefined;
  const driverError = error.driverError as { code?: string; constraint?: string; detail?: string };
  if (driverError.code !== '23505' || driverError.constraint !== ONE_OPEN_GROUP_INDEX) return undefined;
  // detail: Key (restaurant_id)=(6) already exists.
  return /\)=\((.*)\) already exists/.exec(driverError.detail ?? '')?.[1] ?? '';
}
