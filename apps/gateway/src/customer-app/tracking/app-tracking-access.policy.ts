import { Injectable } from '@nestjs/common';
import { CommandErrorCodes } from '@order-platform/contracts';
import type { FastifyRequest } from 'fastify';
import { CommandFailedError } from '../../api-errors/command-failed.error';
import { type AppIdentity, wrongAuthenticatedUser } from '../../auth/app-identity';
import { OrderReads } from '../../order-reads/order-reads';
import { callerMayWatch, type OrderParties, orderPartiesOf, type TrackedOrder, type TrackingAccessPolicy } from './tracking-access.policy';

/**
 * Only the order's customer or its restaurant may watch it. The customer is in the order's
 * timeline; the restaurant of a customer-app order is only known to cart, so it is asked only
 * when a restaurant app subscribes.
 */
@Injectable()
export class AppTrackingAccessPolicy implements TrackingAccessPolicy {
  constructor(private readonly orderReads: OrderReads) {}

  async denialOf(request: FastifyRequest, order: TrackedOrder): Promise<string | undefined> {
    const caller = (request as FastifyRequest & { appIdentity?: AppIdentity }).appIdentity;
    if (!caller) return 'Only the order\'s customer or restaurant may track it.';
    const parties = orderPartiesOf(order);
    if (callerMayWatch(caller, parties)) return undefined;
    if (caller.role === 'RESTAURANT_APP') {
      const restaurantId = parties.restaurantId ?? (await this.restaurantOf(order.orderId));
      if (callerMayWatch(caller, { restaurantId } satisfies OrderParties)) return undefined;
      return wrongAuthenticatedUser({ kind: 'restaurant', id: restaurantId ?? `of order ${order.orderId}` }, caller).message;
    }
    return wrongAuthenticatedUser({ kind: 'customer', id: parties.customerId ?? `of order ${order.orderId}` }, caller).message;
  }

  /** The restaurant of a customer-app order; undefined for orders from other channels. */
  private async restaurantOf(orderId: string): Promise<string | undefined> {
    try {
      const order = await this.orderReads.getCustomerAppOrder(orderId);
      return order.restaurantId;
    } catch (error) {
      if (error instanceof CommandFailedError && error.error.code === CommandErrorCodes.NotFound) return undefined;
      throw error;
    }
  }
}
