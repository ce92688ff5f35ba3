import { isDigitsOnly, isStorableId } from '../shared/numeric-id';

describe('FoodRush ids', () => {
  it('digits-only ids are FoodRush orders; UUIDs are customer-app orders', () => {
    expect(isDigitsOnly('8')).toBe(true);
    expect(isDigitsOnly('0123')).toBe(true);
    expect(isDigitsOnly('5b0a3f5e-9d2c-4f8e-8c1a-2d3e4f5a6b7c')).toBe(false);
    expect(isDigitsOnly('8a')).toBe(false);
    expect(isDigitsOnly('-8')).toBe(false);
    expect(isDigitsOnly('')).toBe(false);
  });

  it('a storable id is a positive bigint', () => {
    expect(isStorableId('20')).toBe(true);
    expect(isStorableId('9223372036854775807')).toBe(true);
    expect(isStorableId('9223372036854775808')).toBe(false);
    expect(isStorableId('0')).toBe(false);
    expect(isStorableId('1'.repeat(40))).toBe(false);
    expect(isStorableId('abc')).toBe(false);
    expect(isStorableId('1.5')).toBe(false);
  });
});
