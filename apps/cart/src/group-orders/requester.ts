import type { GroupOrderRequester } from '@order-platform/contracts';

/** The caller as a 403 message names it: "6" beside an expected customer, "restaurant 9" otherwise. */
export function callerBesideCustomer(requester: GroupOrderRequester): string {
  return requester.role === 'CUSTOMER_APP' ? (requester.customerId ?? '') : `restaurant ${requester.restaurantId ?? ''}`;
}

/** "10" beside an expected restaurant, "customer 5" otherwise. */
export function callerBesideRestaurant(requester: GroupOrderRequester): string {
  return requester.role === 'RESTAURANT_APP' ? (requester.restaurantId ?? '') : `customer ${requester.customerId ?? ''}`;
}

export function isCustomer(requester: GroupOrderRequester, customerId: string | null): boolean {
  return requester.role === 'CUSTOMER_APP' && customerId !== null && requester.customerId === customerId;
}

export function isRestaurant(requester: GroupOrderRequester, restaurantId: string): boolean {
  return requester.role === 'RESTAURANT_APP' && requester.restaurantId === restaurantId;
}
