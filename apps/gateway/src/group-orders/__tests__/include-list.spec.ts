import { parseIncludeList } from '../shared/include-list';

describe('parseIncludeList (?include=)', () => {
  it('splits a comma-separated list in order', () => {
    expect(parseIncludeList('customer,groupOrder,deliveryAddress,productFormats')).toEqual(['customer', 'groupOrder', 'deliveryAddress', 'productFormats']);
  });

  it('is empty when absent or blank', () => {
    expect(parseIncludeList(undefined)).toEqual([]);
    expect(parseIncludeList('')).toEqual([]);
    expect(parseIncludeList(' , ,')).toEqual([]);
  });

  it('trims names and drops duplicates', () => {
    expect(parseIncludeList(' restaurant , restaurant,customer ')).toEqual(['restaurant', 'customer']);
  });

  it('merges a repeated parameter', () => {
    expect(parseIncludeList(['restaurant', 'customer,groupOrder'])).toEqual(['restaurant', 'customer', 'groupOrder']);
  });

  it('keeps unknown names for the cart to ignore, but drops what cannot be a name', () => {
    expect(parseIncludeList('unknownThing,customer')).toEqual(['unknownThing', 'customer']);
    expect(parseIncludeList("customer;drop,a b,x'y," + 'z'.repeat(51))).toEqual([]);
  });

  it('bounds the list', () => {
    const names = Array.from({ length: 30 }, (_, index) => `name${String.fromCharCode(97 + (index % 26))}${index >= 26 ? 'x' : ''}`);
    expect(parseIncludeList(names.join(','))).toHaveLength(10);
  });

  it('ignores values that are not strings (a parsed object)', () => {
    expect(parseIncludeList({ customer: '1' })).toEqual([]);
  });
});
