import type { WholesaleOrderView as OrderFromCart } from '@order-platform/contracts';
import { bearerApiKey } from '../auth/bearer-api-key';
import { scaledDecimal } from '../orders/scaled-decimal';
import { postgresTimestamp, toUpsertCommand, toWholesaleOrderView, WHOLESALE_FIELD_ALIASES } from '../orders/wholesale-order.presenter';

describe('scaledDecimal', () => {
  it('renders integer units as exact decimals', () => {
    expect(scaledDecimal(234500, 4)).toBe(23.45);
    expect(scaledDecimal(23450, 2)).toBe(234.5);
    expect(scaledDecimal(2000, 4)).toBe(0.2);
    expect(scaledDecimal(251, 3)).toBe(0.251);
    expect(scaledDecimal(1255, 3)).toBe(1.255);
    expect(scaledDecimal(5, 2)).toBe(0.05);
    expect(scaledDecimal(0, 3)).toBe(0);
    expect(scaledDecimal(30282, 2)).toBe(302.82);
  });
});

describe('bearerApiKey', () => {
  it('reads the key of a Bearer header only', () => {
    expect(bearerApiKey('Bearer abc123')).toBe('abc123');
    expect(bearerApiKey('bearer  abc123 ')).toBe('abc123');
    expect(bearerApiKey('Basic abc123')).toBeUndefined();
    expect(bearerApiKey('Bearer ')).toBeUndefined();
    expect(bearerApiKey(undefined)).toBeUndefined();
  });
});

describe('wholesale presenter', () => {
  it('turns empty strings into null and snake_case into the command', () => {
    const command = toUpsertCommand(
      {
        customer_order_no: 'MLA-API #23456',
        order_type: 'WHOLESALE',
        delivery_method: 'DELIVER',
        delivery_name: '',
        delivery_address1: 'Unit 4 Foster Avenue',
        delivery_town: 'Dunstable',
        delivery_country_code: 'GB',
        delivery_postcode: 'LU5 5TA',
        products: [{ product_code: 'VFR8CW', quantity: 10 }],
      },
      'key',
    );
    expect(command).toMatchObject({ apiKey: 'key', customerOrderNo: 'MLA-API #23456', deliveryName: null, deliveryCounty: null, products: [{ productCode: 'VFR8CW', quantity: 10 }] });
  });

  it('renders the order with the contract’s numbers', () => {
    const order: OrderFromCart = {
      orderId: 2345,
      orderNumber: 606750,
      platformOrderId: 'b6f1f6a2-0f57-4a43-9c70-4b1b4b0e9a11',
      customerOrderNo: 'MLA-API #23456',
      orderState: 'OPEN',
      orderType: 'WHOLESALE',
      deliveryMethod: 'DELIVER',
      deliveryName: null,
      deliveryCompanyName: 'ML Accessories Limited',
      deliveryAddress1: 'Unit 4 Foster Avenue',
      deliveryAddress2: 'Woodside Park',
      deliveryTown: 'Dunstable',
      deliveryCounty: 'Bedfordshire',
      deliveryCountryCode: 'GB',
      deliveryPostcode: 'LU5 5TA',
      deliveryTelephone: null,
      notes: 'Deliver to office.',
      products: [
        { productCode: 'CA', type: 'nonstock', quantity: 1, description: 'Carriage Charge', vatCode: 'S', vatRateBasisPoints: 2000, unitPriceTenThousandths: 100000, linePriceMinor: 1000, vatMinor: 200, unitWeightGrams: 0, lineWeightGrams: 0 },
      ],
      carriageTba: false,
      currency: 'GBP',
      totalVatMinor: 2545,
      totalPriceMinor: 12725,
      totalWeightGrams: 1255,
      createdAt: '2017-02-27T14:35:50.123Z',
      createdBy: 'John Doe',
      placedBy: null,
      deletedBy: null,
    };
    const view = toWholesaleOrderView(order);
    expect(view.products[0]).toEqual({
      product_code: 'CA',
      type: 'nonstock',
      quantity: 1,
      description: 'Carriage Charge',
      vat_code: 'S',
      vat_rate: 0.2,
      unit_price: 10,
      line_price: 10,
      vat: 2,
      unit_weight: 0,
      line_weight: 0,
    });
    expect(view).toMatchObject({ total_price: 127.25, total_vat: 25.45, total_weight: 1.255, created_at: '2017-02-27 14:35:50+00', delivery_name: null });
    expect(view).not.toHaveProperty('platformOrderId');
  });

  it('formats timestamps the way the family prints them', () => {
    expect(postgresTimestamp('2017-02-27T14:35:50.999Z')).toBe('2017-02-27 14:35:50+00');
  });

  it('names command fields as the API does', () => {
    expect(WHOLESALE_FIELD_ALIASES['productCode']).toBe('product_code');
    expect(WHOLESALE_FIELD_ALIASES['deliveryAddress1']).toBe('delivery_address1');
  });
});
