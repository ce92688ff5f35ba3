import type { AppRole } from '@order-platform/contracts';

/** Who made a customer/restaurant-app request, from a verified token's claims. */
export interface AppIdentity {
  sub: string;
  role: AppRole;
  customerId?: string;
  restaurantId?: string;
}

/** The family's 401/403 errors carry their errorKey; the customer-app filter renders them. */
export class AppAuthError extends Error {
  constructor(
    readonly status: 401 | 403,
    readonly errorKey: string,
    message: string,
  ) {
    super(message);
    this.name = 'AppAuthError';
  }
}

export const unauthenticated = (message: string) => new AppAuthError(401, 'unauthenticated', message);

/** The caller is not the one the order belongs to (or has the wrong role for the step). */
export function wrongAuthenticatedUser(expected: { kind: 'customer' | 'restaurant'; id: string }, identity: AppIdentity): AppAuthError {
  const actual = expected.kind === 'customer' ? (identity.customerId ?? `restaurant app ${identity.restaurantId}`) : (identity.restaurantId ?? `customer app ${identity.customerId}`);
  return new AppAuthError(403, 'wrongAuthenticatedUser', `Should be authenticated as ${expected.kind} ${expected.id} instead of ${actual}.`);
}
