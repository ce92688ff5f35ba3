import { formatInvoiceNumber } from '../../invoices/invoice-number';
import { buildInvoiceLines } from '../build-invoice-lines';

describe('buildInvoiceLines', () => {
  it('spreads the order tax over lines so the parts add up exactly', () => {
    const lines = buildInvoiceLines({
      taxMinor: 3607,
      items: [
        { productId: '1234', quantity: 2, unitPriceMinor: 5000, lineTotalMinor: 10000 },
        { productId: '2345', quantity: 1, unitPriceMinor: 10000, lineTotalMinor: 10000 },
      ],
    });
    expect(lines.map((l) => l.taxMinor)).toEqual([1804, 1803]);
    expect(lines.reduce((sum, l) => sum + l.taxMinor, 0)).toBe(3607);
    expect(lines[0]).toMatchObject({ productId: '1234', quantity: 2, unitPriceMinor: 5000, totalMinor: 10000 });
  });

  it('uses quantity x unit price when the line total is absent', () => {
    const [line] = buildInvoiceLines({ taxMinor: 0, items: [{ productId: 'p', quantity: 3, unitPriceMinor: 250 }] });
    expect(line.totalMinor).toBe(750);
  });
});

describe('formatInvoiceNumber', () => {
  it('pads the yearly sequence', () => {
    expect(formatInvoiceNumber(2026, 123)).toBe('INV-2026-000123');
  });
});
