/** Human-facing invoice number: INV-<year>-<6-digit sequence>, e.g. INV-2026-000123. */
export function formatInvoiceNumber(year: number, sequence: number): string {
  return `INV-${year}-${String(sequence).padStart(6, '0')}`;
}
