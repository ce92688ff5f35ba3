import { validateEvent, createEvent, Topics } from '@order-platform/contracts';
import type { TaxRule } from '../../../submit-cart/price-cart';
import { type ClosingMember, contactName, memberCartUpdated, oneLineAddress } from '../member-cart-updated';

// The cart's defaults: 22 % included, half-up, whole units.
const TAX: TaxRule = { ratePercent: '22', rounding: 'half-up', incrementMinor: 100 };
const CENT_TAX: TaxRule = { ratePercent: '22', rounding: 'half-up', incrementMinor: 1 };

const member: ClosingMember = {
  memberOrderId: '8',
  checkoutOrderId: '7d3f1a52-2f0e-4c39-9a43-1f2b7c9e0a11',
  productFormats: [
    { id: '1', name: 'Pizza Margherita (large)', price: 810, quantity: 2 },
    { id: '2', name: 'Tiramisu', price: 480, quantity: 3 },
  ],
  rawPriceMinor: 3060,
  discountedPriceMinor: 2907,
  deliveryAddress: { street: 'Allée des techniques avancées', details: 'Bâtiment A, chambre 200', city: 'Palaiseau', postcode: 91120, latitude: 48.711042, longitude: 2.219278 },
  contact: { customerId: '5', name: 'Noa Levi', email: 'noa@example.com', phone: '0601020304' },
  paidToRestaurant: false,
};
const group = { groupOrderId: '20', restaurantId: '6', currency: 'EUR' };

describe('a member order entering checkout when its group closes', () => {
  it('charges the discounted price: raw lines, the discount apart, included tax of the total', () => {
    const payload = memberCartUpdated(group, member, CENT_TAX);
    expect(payload).toEqual({
      orderId: member.checkoutOrderId,
      customerId: '5',
      customerEmail: 'noa@example.com',
      customer: {
        customerId: '5',
        name: 'Noa Levi',
        email: 'noa@example.com',
        phone: '0601020304',
        shippingAddress: 'Allée des techniques avancées, Bâtiment A, chambre 200, 91120 Palaiseau',
      },
      merchantId: '6',
      channel: 'group',
      currency: 'EUR',
      items: [
        { productId: '1', name: 'Pizza Margherita (large)', quantity: 2, unitPriceMinor: 810, lineTotalMinor: 1620 },
        { productId: '2', name: 'Tiramisu', quantity: 3, unitPriceMinor: 480, lineTotalMinor: 1440 },
      ],
      // 2907 x 22 / 122 = 524.2 -> 524
      subtotalMinor: 2383,
      discountMinor: 153,
      taxMinor: 524,
      totalMinor: 2907,
      deliveryRoundId: '20',
    });
    expect(payload.subtotalMinor + payload.taxMinor).toBe(payload.totalMinor);
    expect(payload.items.reduce((sum, line) => sum + (line.lineTotalMinor ?? 0), 0) - (payload.discountMinor ?? 0)).toBe(payload.totalMinor);
  });

  it("rounds the tax with the cart's rule (whole units by default)", () => {
    const payload = memberCartUpdated(group, member, TAX);
    expect([payload.taxMinor, payload.subtotalMinor]).toEqual([500, 2407]);
  });

  it('is a valid CartUpdated event', () => {
    const event = createEvent(Topics.CartUpdated, memberCartUpdated(group, member, TAX), { correlationId: 'c-1' });
    expect(validateEvent(event)).toMatchObject({ ok: true });
  });

  it('settles the external order itself in cash and leaves out an absent discount and email', () => {
    const external = { ...member, discountedPriceMinor: 3060, paidToRestaurant: true, contact: { customerId: 'external:8', name: 'Jean Michel', phone: '0605040302' } };
    const payload = memberCartUpdated(group, external, TAX);
    expect(payload.paymentTerms).toBe('cash');
    expect(payload).not.toHaveProperty('discountMinor');
    expect(payload).not.toHaveProperty('customerEmail');
    expect(payload.customer).toEqual({ customerId: 'external:8', name: 'Jean Michel', phone: '0605040302', shippingAddress: expect.any(String) });
    expect(validateEvent(createEvent(Topics.CartUpdated, payload, { correlationId: 'c-2' }))).toMatchObject({ ok: true });
  });

  it('refuses a discounted price above the raw price instead of charging a negative discount', () => {
    expect(() => memberCartUpdated(group, { ...member, discountedPriceMinor: 3061 }, TAX)).toThrow(RangeError);
  });
});

describe('contact and address formatting', () => {
  it('names the customer "First Last", else its display name', () => {
    expect(contactName('Léa', 'Martin', 'lea')).toBe('Léa Martin');
    expect(contactName(null, null, 'Lital Hay')).toBe('Lital Hay');
    expect(contactName(' Dan ', '', 'x')).toBe('Dan');
  });

  it('prints an address on one line, or its coordinates when it has no text', () => {
    expect(oneLineAddress({ street: 'Rue A', postcode: '91120', city: 'Palaiseau', state: 'Essone', country: 'France', latitude: 1, longitude: 2 })).toBe(
      'Rue A, 91120 Palaiseau, Essone, France',
    );
    expect(oneLineAddress({ latitude: 48.711042, longitude: 2.219278 })).toBe('48.711042, 2.219278');
  });
});
