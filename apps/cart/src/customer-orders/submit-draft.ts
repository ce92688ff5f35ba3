import { createEvent, Topics } from '@order-platform/contracts';
import type { OutboxWriter } from '@order-platform/messaging';
import { currentCorrelationId } from '@order-platform/service-kit';
import type { EntityManager } from 'typeorm';
import type { CustomerAppOrderRow } from './customer-app-order.record';

/**
 * Payment confirmed: the draft becomes the checkout order under the same id, and CartUpdated
 * (in the caller's transaction, through the outbox) hands it to billing, payment, shipment
 * and email. Cash orders carry payment terms 'cash': billing and payment settle them
 * without a card charge (the money is collected on delivery). Either way the restaurant still
 * has to accept the order, so it is marked awaitsMerchantConfirmation and ships only after
 * OrderConfirmed.
 */
export async function submitDraftAsOrder(manager: EntityManager, outbox: OutboxWriter, draft: CustomerAppOrderRow, fallbackCorrelationId: string): Promise<void> {
  const totalMinor = Number(draft.total_minor);
  const taxMinor = Number(draft.tax_minor);
  const currency = draft.currency.trim();
  await manager.query(
    `INSERT INTO orders (id, cart_id, customer_id, channel, currency, subtotal_minor, tax_minor, total_minor, status)
     VALUES ($1, $2, $3, 'customer-app', $4, $5, $6, $7, 'submitted')`,
    [draft.id, `customer-app:${draft.id}`, draft.customer_id, currency, totalMinor - taxMinor, taxMinor, totalMinor],
  );
  for (const [index, line] of draft.lines.entries()) {
    await manager.query(
      `INSERT INTO order_lines (order_id, line_no, product_id, quantity, unit_price_minor, line_total_minor) VALUES ($1, $2, $3, $4, $5, $6)`,
      [draft.id, index + 1, line.productId, line.quantity, line.unitPriceMinor, line.lineTotalMinor],
    );
  }
  const details = draft.customer_details;
  const address = details?.deliveryAddress ?? draft.delivery_address ?? `Table ${draft.table_number ?? ''}`.trim();
  const discountMinor = Number(draft.discount_minor);
  await outbox.append(
    manager,
    createEvent(
      Topics.CartUpdated,
      {
        orderId: draft.id,
        customerId: draft.customer_id,
        ...(details ? { customerEmail: details.email } : {}),
        customer: {
          customerId: draft.customer_id,
          name: details?.name ?? draft.customer_id,
          ...(details ? { email: details.email, phone: details.phone } : {}),
          shippingAddress: address,
        },
        merchantId: draft.restaurant_id,
        channel: 'customer-app',
        currency,
        items: draft.lines.map((line) => ({ productId: line.productId, quantity: line.quantity, unitPriceMinor: line.unitPriceMinor, lineTotalMinor: line.lineTotalMinor })),
        subtotalMinor: totalMinor - taxMinor,
        ...(discountMinor > 0 ? { discountMinor } : {}),
        taxMinor,
        totalMinor,
        ...(draft.payment_method === 'CASH' ? { paymentTerms: 'cash' as const } : {}),
        // The restaurant has not accepted yet: shipment waits for OrderConfirmed.
        awaitsMerchantConfirmation: true,
      },
      { correlationId: currentCorrelationId() ?? fallbackCorrelationId },
    ),
  );
}
