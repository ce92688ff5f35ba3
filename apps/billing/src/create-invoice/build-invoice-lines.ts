import { allocateMinor, type CartUpdatedPayload, type InvoiceLine } from '@order-platform/contracts';

/**
 * Invoice lines from a priced order. The order's tax (computed once on the total) is spread
 * over the lines by line total with largest-remainder allocation, so line taxes always add up
 * to the order tax exactly.
 */
export function buildInvoiceLines(order: Pick<CartUpdatedPayload, 'items' | 'taxMinor'>): InvoiceLine[] {
  const lineTotals = order.items.map((item) => item.lineTotalMinor ?? item.unitPriceMinor * item.quantity);
  const weights = lineTotals.some((total) => total > 0) ? lineTotals : lineTotals.map(() => 1);
  const taxes = allocateMinor(order.taxMinor, weights);
  return order.items.map((item, index) => ({
    description: item.name ?? `Product ${item.productId}`,
    productId: item.productId,
    quantity: item.quantity,
    unitPriceMinor: item.unitPriceMinor,
    taxMinor: taxes[index],
    totalMinor: lineTotals[index],
  }));
}
