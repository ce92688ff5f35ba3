import { Column, ColumnOptions, ValueTransformer } from 'typeorm';

function toSafeInteger(raw: string | number | bigint, column: string): number {
  const value = typeof raw === 'string' ? BigInt(raw) : raw;
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new RangeError(`${column}: ${value} is not a safe integer of minor units`);
    return value;
  }
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError(`${column}: ${value} exceeds Number.MAX_SAFE_INTEGER`);
  }
  return Number(value);
}

/**
 * bigint <-> number for minor-unit amounts. pg returns int8 as a string so it never loses
 * precision; we convert only when the value fits a JS number exactly, and refuse otherwise.
 */
export const minorUnitsTransformer: ValueTransformer = {
  to(value: unknown) {
    if (value === null || value === undefined) return value;
    if (typeof value === 'number' || typeof value === 'bigint') return toSafeInteger(value, 'money column');
    return value; // FindOperator and raw SQL values pass through
  },
  from(value: unknown) {
    if (value === null || value === undefined) return value;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint') {
      return toSafeInteger(value, 'money column');
    }
    return value;
  },
};

/** A money amount in integer minor units, stored as bigint. */
export function MoneyColumn(options: Omit<ColumnOptions, 'type' | 'transformer'> = {}): PropertyDecorator {
  return Column({ default: options.nullable ? undefined : 0, ...options, type: 'bigint', transformer: minorUnitsTransformer });
}
