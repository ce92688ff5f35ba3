import { formatSelector, selectorMatches } from '../label-selector';

describe('selectorMatches', () => {
  const labels = { 'app.kubernetes.io/name': 'cart', tier: 'backend' };

  it('selects everything with an empty selector', () => {
    expect(selectorMatches({}, labels)).toBe(true);
    expect(selectorMatches({}, {})).toBe(true);
  });

  it('needs every matchLabels entry', () => {
    expect(selectorMatches({ matchLabels: { 'app.kubernetes.io/name': 'cart' } }, labels)).toBe(true);
    expect(selectorMatches({ matchLabels: { 'app.kubernetes.io/name': 'cart', tier: 'front' } }, labels)).toBe(false);
  });

  it('evaluates In, NotIn, Exists and DoesNotExist, all of them together with matchLabels', () => {
    const key = 'app.kubernetes.io/name';
    expect(selectorMatches({ matchExpressions: [{ key, operator: 'In', values: ['billing', 'cart'] }] }, labels)).toBe(true);
    expect(selectorMatches({ matchExpressions: [{ key, operator: 'In', values: ['billing'] }] }, labels)).toBe(false);
    expect(selectorMatches({ matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] }, labels)).toBe(false);
    expect(selectorMatches({ matchExpressions: [{ key, operator: 'NotIn', values: ['cart'] }] }, labels)).toBe(false);
    expect(selectorMatches({ matchExpressions: [{ key: 'zone', operator: 'NotIn', values: ['a'] }] }, labels)).toBe(true);
    expect(selectorMatches({ matchExpressions: [{ key: 'tier', operator: 'Exists' }] }, labels)).toBe(true);
    expect(selectorMatches({ matchExpressions: [{ key: 'tier', operator: 'DoesNotExist' }] }, labels)).toBe(false);
    expect(
      selectorMatches({ matchLabels: { tier: 'front' }, matchExpressions: [{ key, operator: 'In', values: ['cart'] }] }, labels),
    ).toBe(false);
  });
});

describe('formatSelector', () => {
  it('writes the selector as kubectl does, and * for an empty one', () => {
    expect(formatSelector({})).toBe('*');
    expect(
      formatSelector({
        matchLabels: { team: 'orders' },
        matchExpressions: [
          { key: 'app', operator: 'In', values: ['cart', 'billing'] },
          { key: 'canary', operator: 'DoesNotExist' },
        ],
      }),
    ).toBe('team=orders,app in (cart,billing),!canary');
  });
});
