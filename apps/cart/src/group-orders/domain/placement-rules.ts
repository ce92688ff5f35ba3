import type { GroupOrderSettings } from '../config/group-order-config';
import { GroupOrderErrors, type GroupOrderError } from '../group-order-errors';
import { distanceKm, formatKm, withinKm } from './great-circle-distance';
import { formatHour, openLongEnough } from './opening-hours';
import type { ExternalCustomer, PlacementBody, PlacementKind } from './placement-body';

/** The customer of an account (create, join), as the customers table has it; undefined = unknown id. */
export interface AccountCustomer {
  id: string;
  activated: boolean;
  firstName: string | null;
  lastName: string | null;
  phoneNumber: string | null;
}

export interface ProductFormatFacts {
  id: string;
  restaurantId: string;
  name: string;
  priceMinor: number;
}

export interface RestaurantFacts {
  id: string;
  name: string;
  currency: string;
  latitude: number | null;
  longitude: number | null;
  groupCapacity: number;
  maxPreparationMinutes: number;
  opensAt: string | null;
  closesAt: string | null;
  timeZone: string;
}

/** The joined group, read under its row lock. */
export interface JoinedGroupFacts {
  id: string;
  restaurantId: string;
  status: string;
  closedAt: Date;
  itemsOrdered: number;
  capacity: number;
  firstLatitude: number;
  firstLongitude: number;
}

/** Everything the rules look at, loaded by the service beforehand. */
export interface PlacementFacts {
  kind: PlacementKind;
  /** create/join: the caller's account (undefined when the id is unknown). */
  account?: AccountCustomer;
  accountId?: string;
  /** Active product formats among the ids the body names. */
  formats: Map<string, ProductFormatFacts>;
  /** create: the formats' restaurant; join: the group's; external: the path's (undefined = unknown id). */
  restaurant?: RestaurantFacts;
  /** external: the path's restaurant id. */
  restaurantId?: string;
  /** join only (undefined = unknown group id). */
  group?: JoinedGroupFacts;
  groupOrderId?: string;
  /** create/external: the restaurant already has an OPEN group. */
  openGroupExists: boolean;
  now: Date;
}

export interface PricedLine {
  id: string;
  name: string;
  /** Unit price in cents when ordered. */
  price: number;
  quantity: number;
}

export interface Placement {
  restaurant: RestaurantFacts;
  lines: PricedLine[];
  items: number;
  rawPriceMinor: number;
  /** create/external: the new group's FoodRush duration. */
  foodRushMinutes: number;
}

/**
 * The domain checks of a parsed body, first failure wins: customer (403), then unknown group,
 * restaurant or product formats (404), then the 422s in the order: FoodRush duration,
 * no formats, formats of several restaurants, delivery distance, opening hours, capacity,
 * minimum price, an already open group (create/external), a group no longer joinable (join).
 */
export function checkPlacement(body: PlacementBody, facts: PlacementFacts, settings: GroupOrderSettings): { ok: true; placement: Placement } | { ok: false; error: GroupOrderError } {
  const fail = (error: GroupOrderError) => ({ ok: false as const, error });

  if (facts.kind === 'external') {
    const missing = missingAttributes(body.customer ?? {});
    if (missing.length > 0) return fail(GroupOrderErrors.missingCustomerInformation(missing, externalName(body.customer ?? {})));
  } else {
    const account = facts.account;
    const id = facts.accountId ?? account?.id ?? '';
    if (!account || !account.activated) return fail(GroupOrderErrors.userShouldBeActivated(id));
    const missing = missingAttributes({ firstName: account.firstName ?? undefined, lastName: account.lastName ?? undefined, phoneNumber: account.phoneNumber ?? undefined });
    if (missing.length > 0) return fail(GroupOrderErrors.missingCustomerInformation(missing, `customer #${id}`));
  }

  if (facts.kind === 'join' && !facts.group) return fail(GroupOrderErrors.groupOrderNotFound(facts.groupOrderId ?? ''));
  if (facts.kind === 'external' && !facts.restaurant) return fail(GroupOrderErrors.restaurantNotFound(facts.restaurantId ?? ''));
  const unknown = body.productFormats.filter((format) => !facts.formats.has(format.id)).map((format) => format.id);
  if (unknown.length > 0) return fail(GroupOrderErrors.unexistingProductFormats(unknown));
  const formatOf = (id: string) => {
    const format = facts.formats.get(id);
    if (!format) throw new Error(`product format ${id} passed the existence check but is unknown`);
    return format;
  };
  // Defined exactly when joining: a join without its group was refused above.
  const joining = facts.kind === 'join' ? facts.group : undefined;

  const foodRushMinutes = facts.kind === 'create' ? (body.foodRushDurationInMinutes ?? 0) : settings.externalFoodRushMinutes;
  if (facts.kind === 'create' && (foodRushMinutes < settings.minFoodRushMinutes || foodRushMinutes > settings.maxFoodRushMinutes)) {
    return fail(GroupOrderErrors.invalidFoodRushDuration(settings.minFoodRushMinutes, settings.maxFoodRushMinutes, foodRushMinutes));
  }
  if (body.productFormats.length === 0) return fail(GroupOrderErrors.noProductFormats());
  const restaurantIds = new Set(body.productFormats.map((format) => formatOf(format.id).restaurantId));
  const expectedRestaurant = facts.kind === 'create' ? undefined : (facts.group?.restaurantId ?? facts.restaurant?.id);
  if (restaurantIds.size > 1 || (expectedRestaurant !== undefined && !restaurantIds.has(expectedRestaurant))) {
    return fail(GroupOrderErrors.productFormatsFromDifferentRestaurants());
  }
  const restaurant = facts.restaurant;
  if (!restaurant) return fail(GroupOrderErrors.restaurantNotFound([...restaurantIds][0]));

  const address = body.deliveryAddress;
  if (facts.kind !== 'external') {
    if (restaurant.latitude === null || restaurant.longitude === null) return fail(GroupOrderErrors.restaurantNotLocated(restaurant.id));
    const fromRestaurant = distanceKm({ latitude: restaurant.latitude, longitude: restaurant.longitude }, address);
    if (!withinKm(fromRestaurant, settings.deliveryRadiusKm)) {
      return fail(GroupOrderErrors.deliveryDistanceTooLong(formatKm(settings.deliveryRadiusKm), formatKm(fromRestaurant)));
    }
  }
  if (joining) {
    const fromFirst = distanceKm({ latitude: joining.firstLatitude, longitude: joining.firstLongitude }, address);
    if (!withinKm(fromFirst, settings.joinableDistanceKm)) {
      return fail(GroupOrderErrors.deliveryDistanceTooLong(formatKm(settings.joinableDistanceKm), formatKm(fromFirst)));
    }
  } else {
    // The group must be prepared before the restaurant closes: shortest FoodRush + longest preparation.
    const open = openLongEnough(restaurant, facts.now, settings.minFoodRushMinutes + restaurant.maxPreparationMinutes);
    if (!open.ok && open.reason === 'closed') return fail(GroupOrderErrors.restaurantClosed(restaurant.id, formatHour(open.opensAt)));
    if (!open.ok) return fail(GroupOrderErrors.restaurantClosingSoon(restaurant.id, formatHour(open.closesAt)));
  }

  const lines: PricedLine[] = body.productFormats.map((ordered) => {
    const format = formatOf(ordered.id);
    return { id: format.id, name: format.name, price: format.priceMinor, quantity: ordered.quantity };
  });
  const items = lines.reduce((sum, line) => sum + line.quantity, 0);
  const rawPriceMinor = lines.reduce((sum, line) => sum + line.price * line.quantity, 0);

  const alreadyOrdered = joining ? joining.itemsOrdered : 0;
  const capacity = joining ? joining.capacity : restaurant.groupCapacity;
  if (alreadyOrdered + items > capacity) return fail(GroupOrderErrors.restaurantDeliveryCapacityExceeded(restaurant.id, capacity, alreadyOrdered + items));
  if (rawPriceMinor < settings.minimumPriceMinor) return fail(GroupOrderErrors.minimumGroupOrderPriceNotReached(rawPriceMinor, settings.minimumPriceMinor));

  if (joining) {
    if (!isJoinable(joining, facts.now)) return fail(GroupOrderErrors.groupOrderCannotBeJoined(joining.id));
  } else if (facts.openGroupExists) {
    return fail(GroupOrderErrors.groupOrderAlreadyExisting(restaurant.id));
  }
  return { ok: true, placement: { restaurant, lines, items, rawPriceMinor, foodRushMinutes } };
}

/** Joinable = still OPEN and before closedAt (the CLOSE timer may not have fired yet). */
export function isJoinable(group: { status: string; closedAt: Date }, now: Date): boolean {
  return group.status === 'OPEN' && now.getTime() < group.closedAt.getTime();
}

function missingAttributes(customer: ExternalCustomer): string[] {
  const blank = (value: string | undefined) => value === undefined || value.trim() === '';
  return (['firstName', 'lastName', 'phoneNumber'] as const).filter((field) => blank(customer[field]));
}

/** "Jean Michel", or "external" when the body names neither. */
function externalName(customer: ExternalCustomer): string {
  const name = [customer.firstName, customer.lastName].filter((part) => part !== undefined && part.trim() !== '').join(' ');
  return name === '' ? 'external' : name;
}
