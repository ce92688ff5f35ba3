import { type CartUpdatedPayload, divideRounded, type PostalAddress, toSafeNumber } from '@order-platform/contracts';
import type { TradeCustomer } from '../customers/trade-customer-directory';
import type { WholesaleOrderRecord } from './wholesale-order.record';

/**
 * The CartUpdated a placed wholesale order starts the checkout flow with. Money in minor
 * units: subtotal = total price (goods + carriage, before VAT), tax = total VAT, total = both.
 * Unit prices have four decimals in the catalogue; the event's unitPriceMinor is rounded
 * half-up to the penny, and lineTotalMinor is the exact line price the customer was shown.
 */
export function wholesaleCartUpdated(order: WholesaleOrderRecord, customer: TradeCustomer): CartUpdatedPayload {
  const deliveryAddress = postalAddressOf(order, customer);
  return {
    orderId: order.platformOrderId,
    customerId: customer.id,
    customerEmail: customer.email,
    customer: {
      customerId: customer.id,
      name: customer.contactName,
      email: customer.email,
      ...(customer.phone ? { phone: customer.phone } : {}),
      ...(deliveryAddress ? { shippingAddress: oneLineAddress(order), shippingPostalAddress: deliveryAddress } : {}),
    },
    channel: 'wholesale',
    currency: order.currency,
    items: order.lines.map((line) => ({
      productId: line.productCode,
      name: line.description.slice(0, 200),
      quantity: line.quantity,
      unitPriceMinor: toSafeNumber(divideRounded(BigInt(line.unitPriceTenThousandths), 100n, 'half-up')),
      taxRateBasisPoints: line.vatRateBasisPoints,
      lineTotalMinor: line.linePriceMinor,
    })),
    subtotalMinor: order.totalPriceMinor,
    taxMinor: order.totalVatMinor,
    totalMinor: order.totalPriceMinor + order.totalVatMinor,
    ...(deliveryAddress ? { deliveryAddress } : {}),
    paymentTerms: customer.paymentTerms,
  };
}

function postalAddressOf(order: WholesaleOrderRecord, customer: TradeCustomer): PostalAddress | undefined {
  if (order.deliveryMethod !== 'DELIVER' || !order.deliveryAddress1 || !order.deliveryTown || !order.deliveryPostcode || !order.deliveryCountryCode) {
    return undefined;
  }
  const street = [order.deliveryAddress1, order.deliveryAddress2].filter(Boolean).join(', ');
  const phone = order.deliveryTelephone ?? customer.phone;
  return {
    name: (order.deliveryName ?? order.deliveryCompanyName ?? customer.companyName).slice(0, 200),
    street: street.slice(0, 200),
    city: order.deliveryTown.slice(0, 100),
    postalCode: order.deliveryPostcode.slice(0, 20),
    country: order.deliveryCountryCode,
    ...(phone ? { phone: phone.slice(0, 50) } : {}),
  };
}

function oneLineAddress(order: WholesaleOrderRecord): string {
  return [
    order.deliveryName,
    order.deliveryCompanyName,
    order.deliveryAddress1,
    order.deliveryAddress2,
    order.deliveryTown,
    order.deliveryCounty,
    order.deliveryPostcode,
    order.deliveryCountryCode,
  ]
    .filter(Boolean)
    .join(', ')
    .slice(0, 500);
}
