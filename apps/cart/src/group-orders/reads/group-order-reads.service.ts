import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type CommandReply,
  GetGroupMemberOrderRequest,
  GetGroupOrderRequest,
  type GroupMemberOrderView,
  type GroupOrderView,
  ListCustomerGroupOrdersRequest,
  ListGroupOrdersRequest,
  replyOk,
  validateCommand,
} from '@order-platform/contracts';
import type { DataSource } from 'typeorm';
import { CLOCK, type Clock } from '../clock/clock';
import { GROUP_ORDER_SETTINGS, type GroupOrderSettings } from '../config/group-order-config';
import { distanceKm, withinKm } from '../domain/great-circle-distance';
import { GroupOrderErrors, replyGroupOrderError } from '../group-order-errors';
import { callerBesideCustomer, callerBesideRestaurant, isCustomer, isRestaurant } from '../requester';
import { GROUP_ORDER_VIEW_COLUMNS, type GroupOrderViewRow, loadGroupOrderView, loadRestaurantViews, toGroupOrderView } from '../views/group-order-view';
import { MEMBER_ORDER_COLUMNS, MEMBER_ORDER_FROM, type MemberOrderRow, toMemberOrderViews } from '../views/member-order-view';

const DIGITS = /^\d{1,18}$/;
/** GET /groupOrders answers the newest groups only; the API has no paging. */
export const GROUP_ORDER_LIST_LIMIT = 100;

/** The group-order reads: member orders (their customer or restaurant only) and groups. */
@Injectable()
export class GroupOrderReadsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(GROUP_ORDER_SETTINGS) private readonly settings: GroupOrderSettings,
  ) {}

  async getOrder(raw: unknown): Promise<CommandReply<GroupMemberOrderView>> {
    const parsed = validateCommand(GetGroupMemberOrderRequest, raw);
    if (!parsed.ok) return parsed.reply;
    const { requester, orderId, include = [] } = parsed.value;
    const rows: MemberOrderRow[] = DIGITS.test(orderId)
      ? await this.dataSource.query(`SELECT ${MEMBER_ORDER_COLUMNS} FROM ${MEMBER_ORDER_FROM} WHERE m.id = $1`, [orderId])
      : [];
    const row = rows[0];
    if (!row) return replyGroupOrderError(GroupOrderErrors.orderNotFound(orderId));
    if (!isCustomer(requester, row.customer_id) && !isRestaurant(requester, row.restaurant_id)) {
      // An external order has no customer account: only its restaurant may read it.
      return replyGroupOrderError(
        row.customer_id === null
          ? GroupOrderErrors.wrongRestaurant(row.restaurant_id, callerBesideRestaurant(requester))
          : GroupOrderErrors.wrongCustomer(row.customer_id, callerBesideCustomer(requester)),
      );
    }
    const [view] = await toMemberOrderViews(this.dataSource.manager, [row], include, this.clock.now());
    return replyOk(view);
  }

  /** A customer's member orders, newest first; optionally those of one group only. */
  async listCustomerOrders(raw: unknown): Promise<CommandReply<GroupMemberOrderView[]>> {
    const parsed = validateCommand(ListCustomerGroupOrdersRequest, raw);
    if (!parsed.ok) return parsed.reply;
    const { requester, customerId, groupOrderId, include = [] } = parsed.value;
    if (!isCustomer(requester, customerId)) return replyGroupOrderError(GroupOrderErrors.wrongCustomer(customerId, callerBesideCustomer(requester)));
    if (groupOrderId !== undefined) {
      const exists: unknown[] = DIGITS.test(groupOrderId) ? await this.dataSource.query(`SELECT 1 FROM group_orders WHERE id = $1`, [groupOrderId]) : [];
      if (exists.length === 0) return replyGroupOrderError(GroupOrderErrors.groupOrderNotFound(groupOrderId));
    }
    const rows: MemberOrderRow[] = await this.dataSource.query(
      `SELECT ${MEMBER_ORDER_COLUMNS} FROM ${MEMBER_ORDER_FROM}
       WHERE m.customer_id = $1 AND ($2::bigint IS NULL OR m.group_order_id = $2::bigint)
       ORDER BY m.created_at DESC, m.id DESC`,
      [customerId, groupOrderId ?? null],
    );
    return replyOk(await toMemberOrderViews(this.dataSource.manager, rows, include, this.clock.now()));
  }

  async getGroupOrder(raw: unknown): Promise<CommandReply<GroupOrderView>> {
    const parsed = validateCommand(GetGroupOrderRequest, raw);
    if (!parsed.ok) return parsed.reply;
    const { groupOrderId, include = [] } = parsed.value;
    const view = await loadGroupOrderView(this.dataSource.manager, groupOrderId, this.clock.now(), include);
    return view ? replyOk(view) : replyGroupOrderError(GroupOrderErrors.groupOrderNotFound(groupOrderId));
  }

  /**
   * Groups, newest first (at most GROUP_ORDER_LIST_LIMIT). `joinable` keeps the OPEN ones before
   * closedAt; `around` keeps those whose restaurant is within GROUP_ORDER_AROUND_DISTANCE_KM of the point.
   */
  async listGroupOrders(raw: unknown): Promise<CommandReply<GroupOrderView[]>> {
    const parsed = validateCommand(ListGroupOrdersRequest, raw);
    if (!parsed.ok) return parsed.reply;
    const { joinable, around, include = [] } = parsed.value;
    const now = this.clock.now();
    const rows: Array<GroupOrderViewRow & { restaurant_latitude: number | null; restaurant_longitude: number | null }> = await this.dataSource.query(
      `SELECT ${GROUP_ORDER_VIEW_COLUMNS}, r.latitude AS restaurant_latitude, r.longitude AS restaurant_longitude
       FROM group_orders g JOIN restaurants r ON r.id = g.restaurant_id
       WHERE NOT $1::boolean OR (g.status = 'OPEN' AND g.closed_at > $2)
       ORDER BY g.created_at DESC, g.id DESC
       LIMIT $3`,
      // Without `around` the SQL limit is the list's; with it, distances filter the rows first.
      [joinable, now, around ? null : GROUP_ORDER_LIST_LIMIT],
    );
    const kept = rows
      .filter((row) => {
        if (!around) return true;
        if (row.restaurant_latitude === null || row.restaurant_longitude === null) return false;
        const distance = distanceKm({ latitude: Number(row.restaurant_latitude), longitude: Number(row.restaurant_longitude) }, around);
        return withinKm(distance, this.settings.aroundDistanceKm);
      })
      .slice(0, GROUP_ORDER_LIST_LIMIT);
    const restaurants = include.includes('restaurant') ? await loadRestaurantViews(this.dataSource.manager, kept.map((row) => row.restaurant_id)) : new Map();
    return replyOk(kept.map((row) => toGroupOrderView(row, now, restaurants.get(row.restaurant_id))));
  }
}
