import { loadGroupOrderSettings } from '../../config/group-order-config';
import type { PlacementBody } from '../placement-body';
import { checkPlacement, type PlacementFacts, type RestaurantFacts } from '../placement-rules';

const settings = loadGroupOrderSettings({});
const now = new Date('2025-01-15T12:00:00Z');
const restaurant6: RestaurantFacts = {
  id: '6',
  name: 'FoodRush Palaiseau',
  currency: 'EUR',
  latitude: 48.7137,
  longitude: 2.2089,
  groupCapacity: 10,
  maxPreparationMinutes: 30,
  opensAt: null,
  closesAt: null,
  timeZone: 'Europe/Paris',
};
const formats = new Map([
  ['1', { id: '1', restaurantId: '6', name: 'Pizza Margherita (large)', priceMinor: 810 }],
  ['2', { id: '2', restaurantId: '6', name: 'Tiramisu', priceMinor: 480 }],
  ['3', { id: '3', restaurantId: '9', name: 'Pizza Nine family', priceMinor: 1500 }],
]);
const near = { latitude: 48.711042, longitude: 2.219278 };

function body(overrides: Partial<PlacementBody> = {}): PlacementBody {
  return {
    productFormats: [
      { id: '1', quantity: 2 },
      { id: '2', quantity: 1 },
    ],
    deliveryAddress: near,
    foodRushDurationInMinutes: 30,
    ...overrides,
  };
}

function facts(overrides: Partial<PlacementFacts> = {}): PlacementFacts {
  return {
    kind: 'create',
    account: { id: '5', activated: true, firstName: 'Noa', lastName: 'Levi', phoneNumber: '0541111111' },
    accountId: '5',
    formats,
    restaurant: restaurant6,
    openGroupExists: false,
    now,
    ...overrides,
  };
}

const joinable = { id: '20', restaurantId: '6', status: 'OPEN', closedAt: new Date('2025-01-15T12:30:00Z'), itemsOrdered: 3, capacity: 10, firstLatitude: 48.711, firstLongitude: 2.2193 };

function keyOf(b: PlacementBody, f: PlacementFacts): string {
  const result = checkPlacement(b, f, settings);
  return result.ok ? 'ok' : `${result.error.code} ${result.error.errorKey}: ${result.error.message}`;
}

describe('placement rules', () => {
  it('prices an accepted order', () => {
    const result = checkPlacement(body(), facts(), settings);
    expect(result).toEqual({
      ok: true,
      placement: {
        restaurant: restaurant6,
        lines: [
          { id: '1', name: 'Pizza Margherita (large)', price: 810, quantity: 2 },
          { id: '2', name: 'Tiramisu', price: 480, quantity: 1 },
        ],
        items: 3,
        rawPriceMinor: 2100,
        foodRushMinutes: 30,
      },
    });
  });

  it('gives every documented error with its message', () => {
    expect(keyOf(body(), facts({ account: { id: '26', activated: false, firstName: 'T', lastName: 'P', phoneNumber: '1' }, accountId: '26' }))).toBe(
      'FORBIDDEN userShouldBeActivated: The customer #26 should be activated to place an order.',
    );
    expect(keyOf(body(), facts({ account: { id: '35', activated: true, firstName: null, lastName: null, phoneNumber: null }, accountId: '35' }))).toBe(
      'FORBIDDEN missingCustomerInformation: The attributes [firstName, lastName, phoneNumber] are missing for customer customer #35',
    );
    expect(keyOf(body({ productFormats: [{ id: '175', quantity: 1 }, { id: '1', quantity: 1 }, { id: '176', quantity: 1 }] }), facts())).toBe(
      'NOT_FOUND unexistingProductFormats: The product formats #175, #176 do not exist.',
    );
    expect(keyOf(body({ foodRushDurationInMinutes: 70 }), facts())).toBe(
      'UNPROCESSABLE invalidFoodRushDuration: The FoodRush duration must be between 5 and 60 minutes, 70 given.',
    );
    expect(keyOf(body({ foodRushDurationInMinutes: 4 }), facts())).toMatch(/invalidFoodRushDuration.*4 given/);
    expect(keyOf(body({ foodRushDurationInMinutes: 5 }), facts())).toBe('ok');
    expect(keyOf(body({ foodRushDurationInMinutes: 60 }), facts())).toBe('ok');
    expect(keyOf(body({ productFormats: [] }), facts())).toBe('UNPROCESSABLE noProductFormats: There must be at least one product format.');
    expect(keyOf(body({ productFormats: [{ id: '1', quantity: 1 }, { id: '3', quantity: 1 }] }), facts())).toBe(
      'UNPROCESSABLE productFormatsFromDifferentRestaurants: The product formats must belong to the same restaurant.',
    );
    // ~10 km south of the restaurant.
    expect(keyOf(body({ deliveryAddress: { latitude: 48.6238, longitude: 2.2089 } }), facts())).toBe(
      'UNPROCESSABLE deliveryDistanceTooLong: The delivery distance should be less than 7 kms, 10 given.',
    );
    expect(keyOf(body({ productFormats: [{ id: '1', quantity: 11 }] }), facts())).toBe(
      'UNPROCESSABLE restaurantDeliveryCapacityExceeded: The restaurant #6 cannot deliver more than 10 items in the same group order, 11 items asked.',
    );
    expect(keyOf(body({ productFormats: [{ id: '1', quantity: 1 }] }), facts())).toBe(
      'UNPROCESSABLE minimumGroupOrderPriceNotReached: The order price is 810 but must be greater than 1100.',
    );
    expect(keyOf(body(), facts({ openGroupExists: true }))).toBe('UNPROCESSABLE groupOrderAlreadyExisting: A group order already exists for the restaurant #6.');
  });

  it('refuses a restaurant closing too soon or closed, in its time zone', () => {
    // 12:00 UTC = 13:00 in Paris; 5 min FoodRush + 30 min preparation = 35 minutes needed.
    expect(keyOf(body(), facts({ restaurant: { ...restaurant6, opensAt: '11:00:00', closesAt: '13:30:00' } }))).toBe(
      'UNPROCESSABLE restaurantClosingSoon: The restaurant #6 closes at 13:30, too soon for a group order.',
    );
    expect(keyOf(body(), facts({ restaurant: { ...restaurant6, opensAt: '11:00:00', closesAt: '13:35:00' } }))).toBe('ok');
    expect(keyOf(body(), facts({ restaurant: { ...restaurant6, opensAt: '18:00:00', closesAt: '23:00:00' } }))).toBe(
      'UNPROCESSABLE restaurantClosed: The restaurant #6 is closed, it opens at 18:00.',
    );
  });

  it('applies the precedence 403 > 404 > 422s in the issue order', () => {
    const everythingWrong = body({ foodRushDurationInMinutes: 70, productFormats: [{ id: '175', quantity: 20 }], deliveryAddress: { latitude: 0, longitude: 0 } });
    const inactive = { id: '26', activated: false, firstName: null, lastName: null, phoneNumber: null };
    expect(keyOf(everythingWrong, facts({ account: inactive, accountId: '26', openGroupExists: true }))).toMatch(/userShouldBeActivated/);
    expect(keyOf(everythingWrong, facts({ account: { ...inactive, activated: true } }))).toMatch(/missingCustomerInformation/);
    expect(keyOf(everythingWrong, facts({ openGroupExists: true }))).toMatch(/unexistingProductFormats/);
    const known = { ...everythingWrong, productFormats: [{ id: '1', quantity: 20 }, { id: '3', quantity: 1 }] };
    expect(keyOf(known, facts({ openGroupExists: true }))).toMatch(/invalidFoodRushDuration/);
    expect(keyOf({ ...known, foodRushDurationInMinutes: 30 }, facts({ openGroupExists: true }))).toMatch(/productFormatsFromDifferentRestaurants/);
    const oneRestaurant = { ...known, foodRushDurationInMinutes: 30, productFormats: [{ id: '1', quantity: 1 }] };
    expect(keyOf(oneRestaurant, facts({ openGroupExists: true }))).toMatch(/deliveryDistanceTooLong/);
    expect(keyOf({ ...oneRestaurant, productFormats: [{ id: '1', quantity: 11 }], deliveryAddress: near }, facts({ openGroupExists: true }))).toMatch(
      /restaurantDeliveryCapacityExceeded/,
    );
    expect(keyOf({ ...oneRestaurant, deliveryAddress: near }, facts({ openGroupExists: true }))).toMatch(/minimumGroupOrderPriceNotReached/);
    expect(keyOf(body(), facts({ openGroupExists: true }))).toMatch(/groupOrderAlreadyExisting/);
  });

  describe('join', () => {
    const join = (overrides: Partial<PlacementFacts> = {}) => facts({ kind: 'join', group: joinable, groupOrderId: '20', ...overrides });
    const joinBody = (overrides: Partial<PlacementBody> = {}) => body({ foodRushDurationInMinutes: undefined, ...overrides });

    it('accepts up to the remaining capacity, counting what is already ordered', () => {
      expect(keyOf(joinBody({ productFormats: [{ id: '1', quantity: 7 }] }), join())).toBe('ok');
      expect(keyOf(joinBody({ productFormats: [{ id: '1', quantity: 8 }] }), join())).toBe(
        'UNPROCESSABLE restaurantDeliveryCapacityExceeded: The restaurant #6 cannot deliver more than 10 items in the same group order, 11 items asked.',
      );
    });

    it('refuses an unknown group, formats of another restaurant, a far address and a closed group', () => {
      expect(keyOf(joinBody(), join({ group: undefined, groupOrderId: '99' }))).toBe('NOT_FOUND groupOrderNotFound: The groupOrder #99 does not exist.');
      expect(keyOf(joinBody({ productFormats: [{ id: '3', quantity: 1 }] }), join())).toMatch(/productFormatsFromDifferentRestaurants/);
      // ~3 km from the group's first address, ~2.6 km from the restaurant.
      expect(keyOf(joinBody({ deliveryAddress: { latitude: 48.7381, longitude: 2.2193 } }), join())).toBe(
        'UNPROCESSABLE deliveryDistanceTooLong: The delivery distance should be less than 2 kms, 3 given.',
      );
      expect(keyOf(joinBody(), join({ group: { ...joinable, status: 'CLOSED' } }))).toBe(
        'UNPROCESSABLE groupOrderCannotBeJoined: The groupOrder #20 cannot be joined anymore.',
      );
      expect(keyOf(joinBody(), join({ now: joinable.closedAt }))).toMatch(/groupOrderCannotBeJoined/);
      expect(keyOf(joinBody(), join({ now: new Date(joinable.closedAt.getTime() - 1) }))).toBe('ok');
    });

    it('ignores the opening hours and an open group of the restaurant', () => {
      expect(keyOf(joinBody(), join({ openGroupExists: true, restaurant: { ...restaurant6, opensAt: '18:00', closesAt: '19:00' } }))).toBe('ok');
    });
  });

  describe('external', () => {
    const external = (overrides: Partial<PlacementFacts> = {}) => facts({ kind: 'external', account: undefined, accountId: undefined, restaurantId: '6', ...overrides });
    const jean = { firstName: 'Jean', lastName: 'Michel', phoneNumber: '0605040302' };

    it('uses the external FoodRush duration and skips the delivery radius', () => {
      const result = checkPlacement(body({ foodRushDurationInMinutes: undefined, customer: jean, deliveryAddress: { latitude: 0, longitude: 0 } }), external(), settings);
      expect(result.ok && result.placement.foodRushMinutes).toBe(20);
    });

    it('names the missing customer attributes and the customer', () => {
      expect(keyOf(body({ customer: { firstName: 'Jean', lastName: 'Michel' } }), external())).toBe(
        'FORBIDDEN missingCustomerInformation: The attributes [phoneNumber] are missing for customer Jean Michel',
      );
      expect(keyOf(body({ customer: {} }), external())).toBe(
        'FORBIDDEN missingCustomerInformation: The attributes [firstName, lastName, phoneNumber] are missing for customer external',
      );
    });

    it('refuses an unknown restaurant and formats of another restaurant', () => {
      expect(keyOf(body({ customer: jean }), external({ restaurant: undefined, restaurantId: '99' }))).toBe(
        'NOT_FOUND restaurantNotFound: The restaurant #99 does not exist.',
      );
      expect(keyOf(body({ customer: jean, productFormats: [{ id: '3', quantity: 1 }] }), external())).toMatch(/productFormatsFromDifferentRestaurants/);
      expect(keyOf(body({ customer: jean }), external({ openGroupExists: true }))).toMatch(/groupOrderAlreadyExisting/);
    });
  });
});
