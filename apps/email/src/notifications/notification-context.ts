import type { TypedEvent } from '@order-platform/contracts';

/**
 * Who to write to about an order. Events after CartUpdated carry no address, so the email
 * service keeps each order's contact (taken from CartUpdated) and hands it to the planner.
 */
export interface OrderContact {
  email: string;
  name?: string;
}

export interface NotificationContext {
  contact: OrderContact | null;
}

/** The contact an order was placed with, or null when the cart carried no address. */
export function orderContactFromCartUpdated(event: TypedEvent<'CartUpdated'>): OrderContact | null {
  const email = event.payload.customerEmail?.trim();
  if (!email) return null;
  const name = event.payload.deliveryAddress?.name?.trim();
  return name ? { email, name } : { email };
}
