import { advanceWholesaleState, type WholesaleLifecycleState } from '../wholesale-lifecycle-state';

describe('advanceWholesaleState', () => {
  it.each<[WholesaleLifecycleState, WholesaleLifecycleState, WholesaleLifecycleState]>([
    ['PLACED', 'INVOICED', 'INVOICED'],
    ['INVOICED', 'PAID', 'PAID'],
    ['PAID', 'SHIPPED', 'SHIPPED'],
    ['PLACED', 'SHIPPED', 'SHIPPED'],
    ['PLACED', 'PAID', 'PAID'],
    ['PLACED', 'CANCELLED', 'CANCELLED'],
    ['INVOICED', 'CANCELLED', 'CANCELLED'],
  ])('%s + %s -> %s', (current, reached, next) => {
    expect(advanceWholesaleState(current, reached)).toBe(next);
  });

  it.each<[WholesaleLifecycleState, WholesaleLifecycleState]>([
    ['SHIPPED', 'PAID'],
    ['SHIPPED', 'INVOICED'],
    ['PAID', 'INVOICED'],
    ['PAID', 'PAID'],
    ['SHIPPED', 'CANCELLED'],
    ['CANCELLED', 'SHIPPED'],
    ['CANCELLED', 'INVOICED'],
    ['CANCELLED', 'CANCELLED'],
  ])('%s + %s changes nothing', (current, reached) => {
    expect(advanceWholesaleState(current, reached)).toBeNull();
  });
});
