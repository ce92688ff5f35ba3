import { type CartUpdatedPayload, includedTaxMinor, toSafeNumber } from '@order-platform/contracts';
import type { TaxRule } from '../../submit-cart/price-cart';

/** A product format line as a member order stores it (group_member_orders.product_formats). */
export interface MemberProductFormat {
  id: string;
  name: string;
  /** Unit price in cents. */
  price: number;
  quantity: number;
}

/** The address as the customer sent it (group_member_orders.delivery_address). */
export interface MemberDeliveryAddress {
  street?: string;
  details?: string;
  city?: string;
  postcode?: number | string;
  state?: string;
  country?: string;
  latitude: number;
  longitude: number;
}

/** Who ordered: a customer record, or the external order's body customer (no account). */
export interface MemberContact {
  customerId: string;
  /** "First Last". */
  name: string;
  email?: string | null;
  phone?: string | null;
}

/** "First Last"; a record without both names falls back to its display name. */
export function contactName(firstName: string | null | undefined, lastName: string | null | undefined, fallback: string): string {
  const name = [firstName, lastName].map((part) => part?.trim() ?? '').filter((part) => part !== '').join(' ');
  return (name || fallback.trim()).slice(0, 200);
}

export interface ClosingMember {
  memberOrderId: string;
  checkoutOrderId: string;
  productFormats: MemberProductFormat[];
  rawPriceMinor: number;
  discountedPriceMinor: number;
  deliveryAddress: MemberDeliveryAddress;
  contact: MemberContact;
  /**
   * The external order a restaurant pushed: its customer paid in the restaurant's own channel,
   * so checkout settles it as cash. Customers who join that group still pay by card.
   */
  paidToRestaurant: boolean;
}

export interface ClosingGroup {
  groupOrderId: string;
  restaurantId: string;
  currency: string;
}

/** An external member has no customer account; its checkout identity is derived from the member order. */
export function externalCustomerId(memberOrderId: string): string {
  return `external:${memberOrderId}`;
}

/**
 * The CartUpdated a member order enters checkout with when its group closes. Lines carry the
 * raw prices; the group discount is `discountMinor`, so totalMinor is the final discounted
 * price. Tax is the cart's included tax of that total (one rounding, on the total).
 */
export function memberCartUpdated(group: ClosingGroup, member: ClosingMember, taxRule: TaxRule): CartUpdatedPayload {
  const totalMinor = member.discountedPriceMinor;
  const discountMinor = member.rawPriceMinor - totalMinor;
  if (discountMinor < 0) throw new RangeError(`member order ${member.memberOrderId}: discounted price ${totalMinor} above raw price ${member.rawPriceMinor}`);
  const taxMinor = includedTaxMinor(totalMinor, taxRule.ratePercent, taxRule.rounding, taxRule.incrementMinor);
  const { contact } = member;
  const email = contact.email?.trim() || undefined;
  const phone = contact.phone?.trim() || undefined;
  return {
    orderId: member.checkoutOrderId,
    customerId: contact.customerId,
    ...(email ? { customerEmail: email } : {}),
    customer: {
      customerId: contact.customerId,
      name: contact.name.trim() || contact.customerId,
      ...(email ? { email } : {}),
      ...(phone ? { phone } : {}),
      shippingAddress: oneLineAddress(member.deliveryAddress),
    },
    merchantId: group.restaurantId,
    channel: 'group',
    currency: group.currency,
    items: member.productFormats.map((format) => ({
      productId: format.id,
      name: format.name,
      quantity: format.quantity,
      unitPriceMinor: format.price,
      lineTotalMinor: lineTotalMinor(format),
    })),
    subtotalMinor: totalMinor - taxMinor,
    ...(discountMinor > 0 ? { discountMinor } : {}),
    taxMinor,
    totalMinor,
    ...(member.paidToRestaurant ? { paymentTerms: 'cash' as const } : {}),
    deliveryRoundId: group.groupOrderId,
  };
}

export function lineTotalMinor(format: MemberProductFormat): number {
  return toSafeNumber(BigInt(format.price) * BigInt(format.quantity));
}

/**
 * "Allée des techniques avancées, Bâtiment A, chambre 200, 91120 Palaiseau, Essone, France": what
 * billing and shipment print. An address given only as coordinates prints them.
 */
export function oneLineAddress(address: MemberDeliveryAddress): string {
  const town = [address.postcode, address.city].filter((part) => part !== undefined && String(part).trim() !== '').join(' ');
  const parts = [address.street, address.details, town, address.state, address.country].map((part) => (part === undefined ? '' : String(part).trim())).filter((part) => part !== '');
  const text = parts.length > 0 ? parts.join(', ') : `${address.latitude}, ${address.longitude}`;
  return text.slice(0, 500);
}
