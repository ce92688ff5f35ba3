/**
 * Where group-order code reads the time: never `new Date()` or SQL `now()`, so a controllable
 * clock (GROUP_ORDER_CLOCK=controllable) can move every group through its timeline in tests.
 */
export const CLOCK = Symbol('CLOCK');

export interface Clock {
  now(): Date;
}
