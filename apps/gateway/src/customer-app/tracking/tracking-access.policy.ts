import type { GetOrderResponse } from '@order-platform/contracts';
import type { FastifyRequest } from 'fastify';

/**
 * Decides whether the caller may watch an order; runs after authentication (a guard on the
 * controller) and after the order is known, since only the order says whose it is.
 */
export interface TrackingAccessPolicy {
  /** Resolves to a denial message, or undefined when the caller may subscribe. */
  denialOf(request: FastifyRequest, order: TrackedOrder): Promise<string | undefined> | string | undefined;
}

/**
 * The order a stream starts from: order-status's view, or for a customer-app order still
 * being built (no event yet) an empty pending view whose parties come from the draft.
 */
export type TrackedOrder = GetOrderResponse & { parties?: OrderParties };

export const TRACKING_ACCESS_POLICY = Symbol('TRACKING_ACCESS_POLICY');

/** Who an order belongs to, from the facts its timeline carries. */
export interface OrderParties {
  customerId?: string;
  restaurantId?: string;
}

export function orderPartiesOf(order: TrackedOrder): OrderParties {
  const parties: OrderParties = { ...order.parties };
  for (const step of order.timeline) {
    const customerId = step.details['customerId'];
    const restaurantId = step.details['restaurantId'];
    if (parties.customerId === undefined && (typeof customerId === 'string' || typeof customerId === 'number')) parties.customerId = String(customerId);
    if (parties.restaurantId === undefined && (typeof restaurantId === 'string' || typeof restaurantId === 'number')) parties.restaurantId = String(restaurantId);
  }
  return parties;
}

/** The authenticated caller's ids (an app identity fits). */
export interface TrackingCaller {
  customerId?: string;
  restaurantId?: string;
}

/** Only the order's customer or its restaurant may watch it. */
export function callerMayWatch(caller: TrackingCaller, parties: OrderParties): boolean {
  if (caller.customerId !== undefined && caller.customerId === parties.customerId) return true;
  return caller.restaurantId !== undefined && caller.restaurantId === parties.restaurantId;
}
