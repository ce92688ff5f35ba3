import type { WholesaleOrderView as OrderFromCart, WholesaleUpsertOrderRequest } from '@order-platform/contracts';
import { scaledDecimal } from './scaled-decimal';
import type { UpsertWholesaleOrderDto } from './upsert-wholesale-order.dto';
import type { WholesaleOrderView } from './wholesale-order.view';

const MONEY = 2; // pennies
const UNIT_PRICE = 4; // catalogue prices have four decimals
const RATE = 4; // basis points
const KG = 3; // grams

/** Command field names -> this API's snake_case names, for error details. */
export const WHOLESALE_FIELD_ALIASES: Readonly<Record<string, string>> = Object.fromEntries(
  [
    'customerOrderNo',
    'orderType',
    'deliveryMethod',
    'deliveryName',
    'deliveryCompanyName',
    'deliveryAddress1',
    'deliveryAddress2',
    'deliveryTown',
    'deliveryCounty',
    'deliveryCountryCode',
    'deliveryPostcode',
    'deliveryTelephone',
    'productCode',
    'orderId',
  ].map((name) => [name, name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)]),
);

/** Empty strings mean "not given". */
function optional(value: string | null | undefined): string | null {
  return value == null || value.trim() === '' ? null : value;
}

export function toUpsertCommand(dto: UpsertWholesaleOrderDto, apiKey: string): WholesaleUpsertOrderRequest {
  return {
    apiKey,
    customerOrderNo: dto.customer_order_no,
    orderType: dto.order_type as WholesaleUpsertOrderRequest['orderType'],
    deliveryMethod: dto.delivery_method as WholesaleUpsertOrderRequest['deliveryMethod'],
    deliveryName: optional(dto.delivery_name),
    deliveryCompanyName: optional(dto.delivery_company_name),
    deliveryAddress1: optional(dto.delivery_address1),
    deliveryAddress2: optional(dto.delivery_address2),
    deliveryTown: optional(dto.delivery_town),
    deliveryCounty: optional(dto.delivery_county),
    deliveryCountryCode: optional(dto.delivery_country_code),
    deliveryPostcode: optional(dto.delivery_postcode),
    deliveryTelephone: optional(dto.delivery_telephone),
    notes: optional(dto.notes),
    products: dto.products.map((product) => ({ productCode: product.product_code, quantity: product.quantity })),
  };
}

export function toWholesaleOrderView(order: OrderFromCart): WholesaleOrderView {
  return {
    order_id: order.orderId,
    order_number: order.orderNumber,
    customer_order_no: order.customerOrderNo,
    order_state: order.orderState,
    order_type: order.orderType,
    delivery_method: order.deliveryMethod,
    delivery_name: order.deliveryName,
    delivery_company_name: order.deliveryCompanyName,
    delivery_address1: order.deliveryAddress1,
    delivery_address2: order.deliveryAddress2,
    delivery_town: order.deliveryTown,
    delivery_county: order.deliveryCounty,
    delivery_country_code: order.deliveryCountryCode,
    delivery_postcode: order.deliveryPostcode,
    delivery_telephone: order.deliveryTelephone,
    notes: order.notes,
    products: order.products.map((line) => ({
      product_code: line.productCode,
      type: line.type,
      quantity: line.quantity,
      description: line.description,
      vat_code: line.vatCode,
      vat_rate: scaledDecimal(line.vatRateBasisPoints, RATE),
      unit_price: scaledDecimal(line.unitPriceTenThousandths, UNIT_PRICE),
      line_price: scaledDecimal(line.linePriceMinor, MONEY),
      vat: scaledDecimal(line.vatMinor, MONEY),
      unit_weight: scaledDecimal(line.unitWeightGrams, KG),
      line_weight: scaledDecimal(line.lineWeightGrams, KG),
    })),
    carriage_tba: order.carriageTba,
    total_vat: scaledDecimal(order.totalVatMinor, MONEY),
    total_price: scaledDecimal(order.totalPriceMinor, MONEY),
    total_weight: scaledDecimal(order.totalWeightGrams, KG),
    created_at: postgresTimestamp(order.createdAt),
    created_by: order.createdBy,
    placed_by: order.placedBy,
    deleted_by: order.deletedBy,
  };
}

/** ISO 8601 -> the family's "2017-02-27 14:35:50+00" (UTC, whole seconds). */
export function postgresTimestamp(iso: string): string {
  return `${new Date(iso).toISOString().slice(0, 19).replace('T', ' ')}+00`;
}
