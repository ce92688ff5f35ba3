import { canonicalJson, requestFingerprint } from '../request-fingerprint';

describe('request fingerprint', () => {
  it('ignores the order of object keys at every depth and drops undefined members', () => {
    const a = { groupOrderId: '20', body: { productFormats: { '1': 2, '2': 1 }, deliveryAddress: { latitude: 48.7, longitude: 2.2 }, comment: undefined } };
    const b = { body: { deliveryAddress: { longitude: 2.2, latitude: 48.7 }, productFormats: { '2': 1, '1': 2 } }, groupOrderId: '20' };
    expect(canonicalJson(a)).toBe('{"body":{"deliveryAddress":{"latitude":48.7,"longitude":2.2},"productFormats":{"1":2,"2":1}},"groupOrderId":"20"}');
    expect(requestFingerprint(a)).toBe(requestFingerprint(b));
    expect(requestFingerprint(a)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('tells apart any change of value, of array order, of type or of route id', () => {
    const base = { body: { lines: [{ productId: 'a', quantity: 1 }, { productId: 'b', quantity: 2 }] }, restaurantId: '9' };
    const variants = [
      { ...base, restaurantId: '10' },
      { body: { lines: [...base.body.lines].reverse() }, restaurantId: '9' },
      { body: { lines: [{ productId: 'a', quantity: '1' }, { productId: 'b', quantity: 2 }] }, restaurantId: '9' },
      { body: { lines: [{ productId: 'a', quantity: 1 }, { productId: 'b', quantity: 2 }], comment: null }, restaurantId: '9' },
    ];
    for (const variant of variants) expect(requestFingerprint(variant)).not.toBe(requestFingerprint(base));
  });
});
