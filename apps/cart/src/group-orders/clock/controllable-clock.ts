import type { DataSource } from 'typeorm';
import type { Clock } from './clock';

/**
 * Real time plus an offset that tests and demos move forward (GROUP_ORDER_CLOCK=controllable).
 * The offset lives in the cart table `group_order_clock`, so a restarted cart (or another
 * instance, at its next refresh) keeps the advanced time; now() reads the cached value because
 * callers need the time synchronously.
 */
export class ControllableClock implements Clock {
  private offsetMs = 0;

  constructor(private readonly dataSource: DataSource) {}

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Re-reads the stored offset (another instance may have advanced it). */
  async refresh(): Promise<Date> {
    const rows: Array<{ offset_ms: string }> = await this.dataSource.query(`SELECT offset_ms FROM group_order_clock WHERE id = 1`);
    this.offsetMs = rows[0] ? Number(rows[0].offset_ms) : 0;
    return this.now();
  }

  /** Moves the time forward by `ms` for every instance; returns the new now. */
  async advance(ms: number): Promise<Date> {
    if (!Number.isSafeInteger(ms) || ms < 0) throw new RangeError(`the clock only moves forward by whole milliseconds, ${ms} given`);
    const rows: Array<{ offset_ms: string }> = await this.dataSource.query(
      `INSERT INTO group_order_clock (id, offset_ms) VALUES (1, $1)
       ON CONFLICT (id) DO UPDATE SET offset_ms = group_order_clock.offset_ms + EXCLUDED.offset_ms
       RETURNING offset_ms`,
      [ms],
    );
    this.offsetMs = Number(rows[0].offset_ms);
    return this.now();
  }
}
