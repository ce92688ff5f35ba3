/**
 * The local carrier's fault switch (CARRIER_FAULT), for tests and demos of the retry and
 * dead-letter path: 'none', 'fail-always', or 'fail-<n>' (the next n bookings fail).
 */
export type CarrierFault = { kind: 'none' } | { kind: 'fail-always' } | { kind: 'fail-next'; remaining: number };

export function parseCarrierFault(value: string | undefined): CarrierFault {
  const text = (value ?? '').trim();
  if (text === '' || text === 'none') return { kind: 'none' };
  if (text === 'fail-always') return { kind: 'fail-always' };
  const match = /^fail-(\d+)$/.exec(text);
  if (match) return { kind: 'fail-next', remaining: Number(match[1]) };
  throw new Error(`CARRIER_FAULT must be none, fail-always or fail-<n>, got "${text}"`);
}

export const CARRIER_FAULT_PATTERN = /^(none|fail-always|fail-\d+)$/;
