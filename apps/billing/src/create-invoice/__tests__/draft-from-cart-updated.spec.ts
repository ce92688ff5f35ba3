import type { CartUpdatedPayload } from '@order-platform/contracts';
import { draftFromCartUpdated } from '../draft-from-cart-updated';

const order: CartUpdatedPayload = {
  orderId: 'o-1',
  customerId: '8080',
  currency: 'USD',
  items: [{ productId: '1234', quantity: 2, unitPriceMinor: 5000, lineTotalMinor: 10000 }],
  subtotalMinor: 8197,
  taxMinor: 1803,
  totalMinor: 10000,
};

describe('draftFromCartUpdated', () => {
  it('takes contact and address from the customer snapshot', () => {
    const draft = draftFromCartUpdated({
      ...order,
      customer: { customerId: '8080', name: 'Lital Hay', email: 'lital@example.com', phone: '0545870006', shippingAddress: '17 boulevard' },
    });
    expect(draft).toMatchObject({
      contact: { name: 'Lital Hay', email: 'lital@example.com', phone: '0545870006' },
      shippingAddress: '17 boulevard',
      paymentTerms: 'card',
      source: 'event',
    });
  });

  it('still bills an order without a snapshot, and keeps account terms', () => {
    const draft = draftFromCartUpdated({ ...order, paymentTerms: 'account' });
    expect(draft.contact).toEqual({ name: undefined, email: undefined, phone: undefined });
    expect(draft.paymentTerms).toBe('account');
    expect(draft.lines.map((l) => l.taxMinor)).toEqual([1803]);
    expect(draft.deliveryRoundId).toBeUndefined();
    expect(draft.awaitsMerchantConfirmation).toBe(false);
  });

  it("keeps a group order member's delivery round", () => {
    expect(draftFromCartUpdated({ ...order, channel: 'group', deliveryRoundId: '20' }).deliveryRoundId).toBe('20');
  });

  it('keeps that a customer-app order waits for the merchant to accept it', () => {
    expect(draftFromCartUpdated({ ...order, channel: 'customer-app', awaitsMerchantConfirmation: true }).awaitsMerchantConfirmation).toBe(true);
  });
});
