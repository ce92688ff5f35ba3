import type { WholesaleOrderView } from '@order-platform/contracts';
import type { WholesaleOrderRecord } from './wholesale-order.record';

export function toWholesaleOrderView(record: WholesaleOrderRecord): WholesaleOrderView {
  const { lines, customerId: _customerId, createdAt, ...fields } = record;
  return {
    ...fields,
    products: lines.map((line) => ({ ...line })),
    createdAt: createdAt.toISOString(),
  };
}
