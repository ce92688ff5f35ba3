import { formatMinor } from '@order-platform/contracts';

/** 12345 EUR -> 'EUR 123.45'. Integer minor units in, decimal text out; no float arithmetic. */
export function formatAmount(amountMinor: number, currency: string): string {
  return `${currency} ${formatMinor(amountMinor, currency)}`;
}

/** ISO timestamp -> '2026-11-22' (UTC), so mails read the same whatever the server's zone. */
export function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toISOString().slice(0, 10);
}

/** Lets a free-text reason continue a sentence: 'Payment failed.' -> 'payment failed'. */
export function asClause(reason: string): string {
  const trimmed = reason.trim().replace(/[.!]+$/, '');
  // Keep acronyms and codes ('SKU 12 ...', 'VAT ...') as written.
  return /^[A-Z][a-z]/.test(trimmed) ? trimmed[0].toLowerCase() + trimmed.slice(1) : trimmed;
}
