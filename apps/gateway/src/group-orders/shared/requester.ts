import type { AppIdentity } from '../../auth/app-identity';

/** Who calls, as the cart's group-order commands take it (from the verified token, never the body). */
export interface FoodRushRequester {
  role: AppIdentity['role'];
  customerId?: string;
  restaurantId?: string;
}

export function requesterOf(app: AppIdentity): FoodRushRequester {
  return {
    role: app.role,
    ...(app.customerId === undefined ? {} : { customerId: app.customerId }),
    ...(app.restaurantId === undefined ? {} : { restaurantId: app.restaurantId }),
  };
}
