import type { EntityManager } from 'typeorm';
import { formatInvoiceNumber } from './invoice-number';

/**
 * Takes the next number of `year` inside the caller's transaction. The counter row stays
 * locked until commit and a rollback gives the number back, so numbers have no gaps.
 */
export async function nextInvoiceNumber(manager: EntityManager, schema: string, year: number): Promise<string> {
  const rows: Array<{ last_number: number }> = await manager.query(
    `INSERT INTO "${schema}".invoice_counters (year, last_number) VALUES ($1, 1)
     ON CONFLICT (year) DO UPDATE SET last_number = invoice_counters.last_number + 1
     RETURNING last_number`,
    [year],
  );
  return formatInvoiceNumber(year, rows[0].last_number);
}
