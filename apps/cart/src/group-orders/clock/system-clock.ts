import type { Clock } from './clock';

/** The real time: production's clock. */
export class SystemClock implements Clock {
  now(): Date {
    return new Date();
  }
}
