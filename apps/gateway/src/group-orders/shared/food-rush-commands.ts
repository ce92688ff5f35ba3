import { Commands, type GroupMemberOrderView, type GroupOrderDeliveryAddressView, type GroupOrderView } from '@order-platform/contracts';
import { type AppIdentity, wrongAuthenticatedUser } from '../../auth/app-identity';
import type { CommandBus } from '../../commands/command-bus.service';
import type { GroupOrdersFilter } from '../group-orders/group-orders-query';
import { groupOrderNotFound, orderNotFound, restaurantNotFound } from './food-rush-refusal';
import { requireJsonObject } from './json-object-body';
import { isStorableId } from './numeric-id';
import { requesterOf } from './requester';

/**
 * The gateway's side of the FoodRush (group orders) commands. The cart validates bodies,
 * authorizes and answers the API bodies exactly; here the caller comes from the token, bodies
 * must be JSON objects and ids that cannot exist are a 404 without a round trip.
 *
 * A plain class over the CommandBus so the customer-app controller (which shares `/orders`)
 * can use it without a module of its own.
 */
export class FoodRushCommands {
  constructor(private readonly commands: CommandBus) {}

  /** `idempotency` is idempotencyKeyOf's result: the header's key, when one was sent. */
  async createOrder(app: AppIdentity, body: unknown, idempotency: { idempotencyKey?: string } = {}): Promise<GroupMemberOrderView> {
    const request = { requester: requesterOf(app), body: requireJsonObject(body), ...idempotency };
    return this.commands.send<GroupMemberOrderView>(Commands.GroupOrders.CreateOrder, request, app.customerId ?? app.sub);
  }

  async joinGroupOrder(app: AppIdentity, groupOrderId: string, body: unknown, idempotency: { idempotencyKey?: string } = {}): Promise<GroupMemberOrderView> {
    const json = requireJsonObject(body);
    if (!isStorableId(groupOrderId)) throw groupOrderNotFound(groupOrderId);
    // Keyed by group: joins of one group queue on one partition instead of racing for its lock.
    return this.commands.send<GroupMemberOrderView>(Commands.GroupOrders.JoinGroupOrder, { requester: requesterOf(app), groupOrderId, body: json, ...idempotency }, groupOrderKey(groupOrderId));
  }

  async createExternalOrder(app: AppIdentity, restaurantId: string, body: unknown, idempotency: { idempotencyKey?: string } = {}): Promise<GroupMemberOrderView> {
    const json = requireJsonObject(body);
    // Restaurant ids are free text in the cart; only one longer than any id can be is answered here.
    if (restaurantId.length > MAX_TEXT_ID) throw restaurantNotFound(restaurantId);
    return this.commands.send<GroupMemberOrderView>(Commands.GroupOrders.CreateExternalOrder, { requester: requesterOf(app), restaurantId, body: json, ...idempotency }, restaurantId);
  }

  async getOrder(app: AppIdentity, orderId: string, include: string[]): Promise<GroupMemberOrderView> {
    if (!isStorableId(orderId)) throw orderNotFound(orderId);
    return this.commands.send<GroupMemberOrderView>(Commands.GroupOrders.GetOrder, { requester: requesterOf(app), orderId, include }, orderId);
  }

  /** The order's delivery address alone; the same 403/404 as reading the order. */
  async getDeliveryAddress(app: AppIdentity, orderId: string): Promise<GroupOrderDeliveryAddressView | Record<string, never>> {
    const order = await this.getOrder(app, orderId, ['deliveryAddress']);
    return order.deliveryAddress ?? {};
  }

  async listCustomerOrders(app: AppIdentity, customerId: string, include: string[], groupOrderId?: string): Promise<GroupMemberOrderView[]> {
    if (customerId.length > MAX_TEXT_ID) throw wrongAuthenticatedUser({ kind: 'customer', id: customerId }, app);
    if (groupOrderId !== undefined && !isStorableId(groupOrderId)) throw groupOrderNotFound(groupOrderId);
    const request = { requester: requesterOf(app), customerId, include, ...(groupOrderId === undefined ? {} : { groupOrderId }) };
    return this.commands.send<GroupMemberOrderView[]>(Commands.GroupOrders.ListCustomerOrders, request, customerId);
  }

  async getGroupOrder(groupOrderId: string, include: string[]): Promise<GroupOrderView> {
    if (!isStorableId(groupOrderId)) throw groupOrderNotFound(groupOrderId);
    return this.commands.send<GroupOrderView>(Commands.GroupOrders.GetGroupOrder, { groupOrderId, include }, groupOrderKey(groupOrderId));
  }

  async listGroupOrders(filter: GroupOrdersFilter): Promise<GroupOrderView[]> {
    return this.commands.send<GroupOrderView[]>(Commands.GroupOrders.ListGroupOrders, { ...filter }, 'group-orders');
  }

  async confirmGroupOrder(app: AppIdentity, groupOrderId: string): Promise<GroupOrderView> {
    if (!isStorableId(groupOrderId)) throw groupOrderNotFound(groupOrderId);
    return this.commands.send<GroupOrderView>(Commands.GroupOrders.ConfirmGroupOrder, { requester: requesterOf(app), groupOrderId }, groupOrderKey(groupOrderId));
  }
}

/** Customer and restaurant ids are text of at most this length (the commands' identifier rule). */
const MAX_TEXT_ID = 100;

const groupOrderKey = (groupOrderId: string) => `group-order-${groupOrderId}`;
