import { parsePlacementBody } from '../placement-body';

const address = { street: 'Allée des techniques avancées', details: 'Bâtiment A, chambre 200', latitude: 48.711042, longitude: 2.219278 };
const createBody = { foodRushDurationInMinutes: 30, productFormats: { '1': 2, '2': 3 }, deliveryAddress: address, comment: 'Ring twice' };

function errorOf(result: ReturnType<typeof parsePlacementBody>) {
  return result.ok ? undefined : { code: result.error.code, errorKey: result.error.errorKey, message: result.error.message };
}

describe('placement body', () => {
  it('parses a create body', () => {
    expect(parsePlacementBody('create', createBody)).toEqual({
      ok: true,
      value: {
        productFormats: [
          { id: '1', quantity: 2 },
          { id: '2', quantity: 3 },
        ],
        deliveryAddress: address,
        comment: 'Ring twice',
        foodRushDurationInMinutes: 30,
      },
    });
  });

  it('keeps only the known address fields, in the documented order', () => {
    const parsed = parsePlacementBody('join', {
      productFormats: { '1': 1 },
      deliveryAddress: { longitude: 2.2, latitude: 48.7, country: 'France', postcode: 91120, extra: 'x', city: 'Palaiseau', state: null },
    });
    expect(parsed.ok && Object.entries(parsed.value.deliveryAddress)).toEqual([
      ['city', 'Palaiseau'],
      ['postcode', 91120],
      ['country', 'France'],
      ['latitude', 48.7],
      ['longitude', 2.2],
    ]);
  });

  it('checks presence first: productFormats, then deliveryAddress', () => {
    const missingFormats = { code: 'VALIDATION_FAILED', errorKey: 'missingProductFormats', message: 'The product formats object is required to place an order' };
    const missingAddress = { code: 'VALIDATION_FAILED', errorKey: 'missingDeliveryAddress', message: 'The delivery address object is required to place an order' };
    expect(errorOf(parsePlacementBody('create', undefined))).toEqual(missingFormats);
    expect(errorOf(parsePlacementBody('create', {}))).toEqual(missingFormats);
    expect(errorOf(parsePlacementBody('create', { deliveryAddress: 'x', comment: 5 }))).toEqual(missingFormats);
    expect(errorOf(parsePlacementBody('join', { productFormats: 'x', deliveryAddress: null }))).toEqual(missingAddress);
  });

  it('names the malformed field (400 invalidRequest)', () => {
    const invalid = (body: unknown, kind: 'create' | 'join' | 'external' = 'create') => {
      const error = errorOf(parsePlacementBody(kind, body));
      expect(error?.code).toBe('VALIDATION_FAILED');
      expect(error?.errorKey).toBe('invalidRequest');
      return error?.message;
    };
    expect(invalid([1])).toBe('The request body must be a JSON object.');
    expect(invalid({ ...createBody, productFormats: [1, 2] })).toMatch(/^productFormats must be an object/);
    expect(invalid({ ...createBody, productFormats: { abc: 1 } })).toBe('productFormats has an invalid product format id "abc".');
    expect(invalid({ ...createBody, productFormats: { '1': 0 } })).toBe('productFormats.1 must be a whole quantity between 1 and 1000.');
    expect(invalid({ ...createBody, productFormats: { '1': 1.5 } })).toMatch(/^productFormats.1 must be a whole quantity/);
    expect(invalid({ ...createBody, productFormats: { '1': '2' } })).toMatch(/^productFormats.1 must be a whole quantity/);
    expect(invalid({ ...createBody, deliveryAddress: 'Palaiseau' })).toBe('deliveryAddress must be an object.');
    expect(invalid({ ...createBody, deliveryAddress: { longitude: 2 } })).toBe('deliveryAddress.latitude must be a number between -90 and 90.');
    expect(invalid({ ...createBody, deliveryAddress: { latitude: '48.7', longitude: 2 } })).toMatch(/^deliveryAddress.latitude/);
    expect(invalid({ ...createBody, deliveryAddress: { latitude: 48.7, longitude: 181 } })).toBe('deliveryAddress.longitude must be a number between -180 and 180.');
    expect(invalid({ ...createBody, deliveryAddress: { ...address, city: 5 } })).toBe('deliveryAddress.city must be a string of at most 200 characters.');
    expect(invalid({ ...createBody, deliveryAddress: { ...address, postcode: { a: 1 } } })).toMatch(/^deliveryAddress.postcode/);
    expect(invalid({ ...createBody, foodRushDurationInMinutes: undefined })).toBe('foodRushDurationInMinutes is required to create a group order.');
    expect(invalid({ ...createBody, foodRushDurationInMinutes: '30' })).toBe('foodRushDurationInMinutes must be a whole number of minutes.');
    expect(invalid({ ...createBody, comment: 12 })).toBe('comment must be a string.');
    expect(invalid({ ...createBody, customer: 'Jean' }, 'external')).toBe('customer must be an object with firstName, lastName and phoneNumber.');
    expect(invalid({ ...createBody, customer: { firstName: 1 } }, 'external')).toBe('customer.firstName must be a string of at most 100 characters.');
  });

  it('refuses a comment over 1000 characters (400 commentTooLong), accepts 1000', () => {
    expect(errorOf(parsePlacementBody('join', { ...createBody, comment: 'x'.repeat(1001) }))).toEqual({
      code: 'VALIDATION_FAILED',
      errorKey: 'commentTooLong',
      message: 'The comment must be at most 1000 characters, 1001 given.',
    });
    expect(parsePlacementBody('join', { ...createBody, comment: 'x'.repeat(1000) }).ok).toBe(true);
  });

  it('leaves range checks to the domain rules and ignores fields of other routes', () => {
    const create = parsePlacementBody('create', { ...createBody, foodRushDurationInMinutes: 70, productFormats: {} });
    expect(create.ok && [create.value.foodRushDurationInMinutes, create.value.productFormats]).toEqual([70, []]);
    const join = parsePlacementBody('join', { ...createBody, foodRushDurationInMinutes: 'ignored', customer: 'ignored' });
    expect(join.ok && join.value.foodRushDurationInMinutes).toBeUndefined();
  });

  it('reads an external customer, blanks as absent', () => {
    const parsed = parsePlacementBody('external', { ...createBody, customer: { firstName: ' Jean ', lastName: '', phoneNumber: '0605040302' } });
    expect(parsed.ok && parsed.value.customer).toEqual({ firstName: 'Jean', phoneNumber: '0605040302' });
    const missing = parsePlacementBody('external', createBody);
    expect(missing.ok && missing.value.customer).toEqual({});
  });
});
