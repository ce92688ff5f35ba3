import { Injectable } from '@nestjs/common';
import { assertSchemaName } from '@order-platform/persistence';
import type { WholesaleProductType } from '@order-platform/contracts';
import type { EntityManager } from 'typeorm';
import type { PricedWholesaleLine, PricedWholesaleOrder } from '../pricing/wholesale-pricing.types';
import type { WholesaleOrderDetails, WholesaleOrderRecord } from './wholesale-order.record';

type Row = Record<string, unknown>;

const DETAIL_COLUMNS: Array<[keyof WholesaleOrderDetails, string]> = [
  ['customerOrderNo', 'customer_order_no'],
  ['orderType', 'order_type'],
  ['deliveryMethod', 'delivery_method'],
  ['deliveryName', 'delivery_name'],
  ['deliveryCompanyName', 'delivery_company_name'],
  ['deliveryAddress1', 'delivery_address1'],
  ['deliveryAddress2', 'delivery_address2'],
  ['deliveryTown', 'delivery_town'],
  ['deliveryCounty', 'delivery_county'],
  ['deliveryCountryCode', 'delivery_country_code'],
  ['deliveryPostcode', 'delivery_postcode'],
  ['deliveryTelephone', 'delivery_telephone'],
  ['notes', 'notes'],
];

export interface NewWholesaleOrder {
  platformOrderId: string;
  customerId: string;
  createdBy: string;
  currency: string;
  details: WholesaleOrderDetails;
  priced: PricedWholesaleOrder;
}

/**
 * SQL for wholesale orders in the cart schema. Every method takes the caller's
 * EntityManager so reads, locks and writes share one transaction. bigint columns come back
 * from pg as strings and are converted with a range check.
 */
@Injectable()
export class WholesaleOrderRepository {
  /** The customer's order; `lock` holds it (FOR UPDATE) until the transaction ends. */
  async findById(manager: EntityManager, customerId: string, orderId: number, lock = false): Promise<WholesaleOrderRecord | null> {
    return this.findOne(manager, 'order_id = $1 AND customer_id = $2', [orderId, customerId], lock);
  }

  async findByCustomerOrderNo(manager: EntityManager, customerId: string, customerOrderNo: string, lock = false): Promise<WholesaleOrderRecord | null> {
    return this.findOne(manager, 'customer_order_no = $1 AND customer_id = $2', [customerOrderNo, customerId], lock);
  }

  async insert(manager: EntityManager, order: NewWholesaleOrder): Promise<number> {
    const s = schemaOf(manager);
    const columns = DETAIL_COLUMNS.map(([, column]) => column);
    const values = DETAIL_COLUMNS.map(([field]) => order.details[field]);
    const fixed = [order.platformOrderId, order.customerId, order.createdBy, order.currency, 'OPEN', ...totalsOf(order.priced)];
    const all = [...fixed, ...values];
    const [row] = (await manager.query(
      `INSERT INTO ${s}.wholesale_orders
         (platform_order_id, customer_id, created_by, currency, order_state, carriage_tba, total_price_minor, total_vat_minor, total_weight_g, ${columns.join(', ')})
       VALUES (${all.map((_, index) => `$${index + 1}`).join(', ')})
       RETURNING order_id`,
      all,
    )) as Row[];
    const orderId = toNumber(row['order_id']);
    await this.insertLines(manager, orderId, order.priced.lines);
    return orderId;
  }

  /** Replaces details, lines and totals of an OPEN order (the caller holds its lock). */
  async update(manager: EntityManager, orderId: number, details: WholesaleOrderDetails, priced: PricedWholesaleOrder): Promise<void> {
    const s = schemaOf(manager);
    const values = [...totalsOf(priced), ...DETAIL_COLUMNS.map(([field]) => details[field]), orderId];
    const assignments = ['carriage_tba', 'total_price_minor', 'total_vat_minor', 'total_weight_g', ...DETAIL_COLUMNS.map(([, column]) => column)]
      .map((column, index) => `${column} = $${index + 1}`)
      .join(', ');
    await manager.query(`UPDATE ${s}.wholesale_orders SET ${assignments}, updated_at = now() WHERE order_id = $${values.length}`, values);
    await manager.query(`DELETE FROM ${s}.wholesale_order_lines WHERE order_id = $1`, [orderId]);
    await this.insertLines(manager, orderId, priced.lines);
  }

  async markPlaced(manager: EntityManager, orderId: number, placedBy: string): Promise<void> {
    await manager.query(
      `UPDATE ${schemaOf(manager)}.wholesale_orders SET order_state = 'PLACED', placed_by = $1, placed_at = now() WHERE order_id = $2`,
      [placedBy, orderId],
    );
  }

  private async findOne(manager: EntityManager, where: string, params: unknown[], lock: boolean): Promise<WholesaleOrderRecord | null> {
    const s = schemaOf(manager);
    const [row] = (await manager.query(`SELECT * FROM ${s}.wholesale_orders WHERE ${where}${lock ? ' FOR UPDATE' : ''}`, params)) as Row[];
    if (!row) return null;
    const lines = (await manager.query(`SELECT * FROM ${s}.wholesale_order_lines WHERE order_id = $1 ORDER BY line_no`, [row['order_id']])) as Row[];
    return toRecord(row, lines.map(toLine));
  }

  private async insertLines(manager: EntityManager, orderId: number, lines: PricedWholesaleLine[]): Promise<void> {
    const s = schemaOf(manager);
    for (const [index, line] of lines.entries()) {
      await manager.query(
        `INSERT INTO ${s}.wholesale_order_lines
           (order_id, line_no, product_code, type, description, quantity, vat_code, vat_rate_bp, unit_price_e4, line_price_minor, vat_minor, unit_weight_g, line_weight_g)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
        [
          orderId,
          index + 1,
          line.productCode,
          line.type,
          line.description,
          line.quantity,
          line.vatCode,
          line.vatRateBasisPoints,
          line.unitPriceTenThousandths,
          line.linePriceMinor,
          line.vatMinor,
          line.unitWeightGrams,
          line.lineWeightGrams,
        ],
      );
    }
  }
}

export function schemaOf(manager: EntityManager): string {
  return `"${assertSchemaName(String((manager.connection.options as { schema?: string }).schema ?? 'public'))}"`;
}

function totalsOf(priced: PricedWholesaleOrder): unknown[] {
  return [priced.carriageTba, priced.totalPriceMinor, priced.totalVatMinor, priced.totalWeightGrams];
}

function toRecord(row: Row, lines: PricedWholesaleLine[]): WholesaleOrderRecord {
  const details = Object.fromEntries(DETAIL_COLUMNS.map(([field, column]) => [field, row[column] ?? null])) as unknown as WholesaleOrderDetails;
  return {
    ...details,
    orderId: toNumber(row['order_id']),
    orderNumber: toNumber(row['order_number']),
    platformOrderId: String(row['platform_order_id']),
    customerId: String(row['customer_id']),
    orderState: row['order_state'] as WholesaleOrderRecord['orderState'],
    carriageTba: Boolean(row['carriage_tba']),
    currency: String(row['currency']),
    totalPriceMinor: toNumber(row['total_price_minor']),
    totalVatMinor: toNumber(row['total_vat_minor']),
    totalWeightGrams: toNumber(row['total_weight_g']),
    createdAt: row['created_at'] as Date,
    createdBy: String(row['created_by']),
    placedBy: (row['placed_by'] as string | null) ?? null,
    deletedBy: (row['deleted_by'] as string | null) ?? null,
    lines,
  };
}

function toLine(row: Row): PricedWholesaleLine {
  return {
    productCode: String(row['product_code']),
    type: row['type'] as WholesaleProductType,
    description: String(row['description']),
    quantity: toNumber(row['quantity']),
    vatCode: String(row['vat_code']),
    vatRateBasisPoints: toNumber(row['vat_rate_bp']),
    unitPriceTenThousandths: toNumber(row['unit_price_e4']),
    linePriceMinor: toNumber(row['line_price_minor']),
    vatMinor: toNumber(row['vat_minor']),
    unitWeightGrams: toNumber(row['unit_weight_g']),
    lineWeightGrams: toNumber(row['line_weight_g']),
  };
}

export function toNumber(value: unknown): number {
  const number = typeof value === 'number' ? value : Number(value);
  if (!Number.isSafeInteger(number)) throw new RangeError(`expected a safe integer from the database, got ${String(value)}`);
  return number;
}
