import { parseMinor } from '@order-platform/contracts';
import type { SubmitCartWithLinesRequest, SubmittedCartResponse } from '@order-platform/service-kit';
import { CHECKOUT_CURRENCY, decimalAmount as decimal } from '../shared/checkout-format';
import type { CartOrderView } from './cart-order.view';
import type { SubmitCartDto } from './submit-cart.dto';

export { CHECKOUT_CURRENCY };

/** Command field names -> this API's names, for error details. */
export const CHECKOUT_FIELD_ALIASES: Readonly<Record<string, string>> = { unitPriceMinor: 'price' };

/** Decimal prices from the client -> command lines in integer minor units (string-based parse). */
export function toSubmitCartCommand(
  dto: SubmitCartDto,
  cartId: string,
): Omit<SubmitCartWithLinesRequest, 'correlationId'> {
  return {
    cartId,
    customerId: dto.customerId,
    channel: 'checkout',
    idempotencyKey: cartId,
    items: dto.items.map((item) => ({
      productId: item.productId,
      quantity: item.quantity,
      unitPriceMinor: parseMinor(item.price, CHECKOUT_CURRENCY),
    })),
  };
}

export function toCartOrderView(order: SubmittedCartResponse): CartOrderView {
  return {
    orderId: order.orderId,
    tax: decimal(order.taxMinor, order.currency),
    subTotalAmount: decimal(order.subtotalMinor, order.currency),
    totalAmount: decimal(order.totalMinor, order.currency),
    items: order.items.map((line) => ({
      productId: line.productId,
      quantity: line.quantity,
      price: decimal(line.unitPriceMinor, order.currency),
    })),
    // The checkout family calls a submitted, not yet invoiced order "pending".
    status: 'pending',
  };
}
