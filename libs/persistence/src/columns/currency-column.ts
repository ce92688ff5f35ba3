import { Column, ColumnOptions, ValueTransformer } from 'typeorm';

const CURRENCY = /^[A-Z]{3}$/;

export const currencyTransformer: ValueTransformer = {
  to(value: unknown) {
    if (typeof value !== 'string') return value;
    if (!CURRENCY.test(value)) throw new RangeError(`invalid currency code '${value}'`);
    return value;
  },
  from(value: unknown) {
    return typeof value === 'string' ? value.trim() : value;
  },
};

/** ISO 4217 code as char(3), checked on write. */
export function CurrencyColumn(options: Omit<ColumnOptions, 'type' | 'length' | 'transformer'> = {}): PropertyDecorator {
  return Column({ ...options, type: 'char', length: 3, transformer: currencyTransformer });
}
