import { toCartOrderView, toSubmitCartCommand } from '../submit-cart/cart-order.presenter';

describe('checkout cart presenter', () => {
  it('turns decimal prices into minor units without float arithmetic', () => {
    const command = toSubmitCartCommand(
      { customerId: '8080', items: [{ productId: '1234', quantity: 2, price: 50 }, { productId: '2345', quantity: 1, price: 0.29 }] },
      'cart-1',
    );
    expect(command.items).toEqual([
      { productId: '1234', quantity: 2, unitPriceMinor: 5000 },
      { productId: '2345', quantity: 1, unitPriceMinor: 29 },
    ]);
    expect(command).toMatchObject({ cartId: 'cart-1', customerId: '8080', channel: 'checkout' });
  });

  it('renders the priced order with decimal amounts and status pending', () => {
    const view = toCartOrderView({
      orderId: 'o-1',
      status: 'submitted',
      customerId: '8080',
      currency: 'USD',
      items: [{ productId: '1234', quantity: 2, unitPriceMinor: 5000, lineTotalMinor: 10000 }],
      subtotalMinor: 8197,
      taxMinor: 1803,
      totalMinor: 10000,
    });
    expect(view).toEqual({
      orderId: 'o-1',
      tax: 18.03,
      subTotalAmount: 81.97,
      totalAmount: 100,
      items: [{ productId: '1234', quantity: 2, price: 50 }],
      status: 'pending',
    });
  });
});
