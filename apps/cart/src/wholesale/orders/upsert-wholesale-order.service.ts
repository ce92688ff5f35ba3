import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CommandErrorCodes,
  type CommandReply,
  replyError,
  replyOk,
  validateCommand,
  WholesaleUpsertOrderRequest,
  type WholesaleUpsertOrderResponse,
} from '@order-platform/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { WholesaleCatalogue } from '../catalogue/wholesale-catalogue';
import { WHOLESALE_CURRENCY } from '../config/wholesale-config';
import { type TradeCustomer, TradeCustomerDirectory } from '../customers/trade-customer-directory';
import { CARRIAGE_PRODUCT_CODE } from '../demo-data/demo-wholesale-data';
import type { CarriageRule } from '../pricing/carriage-rule';
import { priceWholesaleOrder } from '../pricing/price-wholesale-order';
import type { WholesaleProduct } from '../pricing/wholesale-pricing.types';
import { isUniqueViolation, presentedApiKey, unauthorized } from './wholesale-command-context';
import { toWholesaleOrderView } from './to-wholesale-order-view';
import type { WholesaleOrderDetails } from './wholesale-order.record';
import { WholesaleOrderRepository } from './wholesale-order.repository';

export const CARRIAGE_RULE = Symbol('CARRIAGE_RULE');

interface FieldProblem {
  path: string;
  message: string;
}

type Outcome = CommandReply<WholesaleUpsertOrderResponse>;

/**
 * Creates a trade customer's order, or re-prices and updates their OPEN order with the same
 * customer_order_no. A placed order is never changed (CONFLICT).
 */
@Injectable()
export class UpsertWholesaleOrderService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly customers: TradeCustomerDirectory,
    private readonly catalogue: WholesaleCatalogue,
    private readonly orders: WholesaleOrderRepository,
    @Inject(CARRIAGE_RULE) private readonly carriageRule: CarriageRule,
  ) {}

  async upsert(raw: unknown): Promise<Outcome> {
    const customer = await this.customers.authenticate(this.dataSource.manager, presentedApiKey(raw));
    if (!customer) return unauthorized();
    const parsed = validateCommand(WholesaleUpsertOrderRequest, raw);
    if (!parsed.ok) return parsed.reply;
    const request = parsed.value;
    try {
      return await this.dataSource.transaction((manager) => this.upsertIn(manager, customer, request));
    } catch (error) {
      // Two first submissions of one customer_order_no raced: the loser becomes an update.
      if (!isUniqueViolation(error)) throw error;
      return this.dataSource.transaction((manager) => this.upsertIn(manager, customer, request));
    }
  }

  private async upsertIn(manager: EntityManager, customer: TradeCustomer, request: WholesaleUpsertOrderRequest): Promise<Outcome> {
    const codes = request.products.map((product) => product.productCode);
    const catalogue = await this.catalogue.findActive(manager, [...codes, CARRIAGE_PRODUCT_CODE]);
    const problems: FieldProblem[] = [];
    const lines: Array<{ product: WholesaleProduct; quantity: number }> = [];
    request.products.forEach(({ productCode, quantity }, index) => {
      const product = catalogue.get(productCode);
      if (!product) problems.push({ path: `products.${index}.productCode`, message: `unknown product code ${productCode}` });
      else if (!product.orderable) problems.push({ path: `products.${index}.productCode`, message: `product ${productCode} cannot be ordered` });
      else lines.push({ product, quantity });
    });
    if (problems.length > 0) return replyError(CommandErrorCodes.ValidationFailed, 'The given data was invalid.', problems);
    const carriage = catalogue.get(CARRIAGE_PRODUCT_CODE);
    if (!carriage) throw new Error(`the wholesale catalogue has no carriage product ${CARRIAGE_PRODUCT_CODE}`);

    const details = detailsOf(request);
    const priced = priceWholesaleOrder({ lines, deliveryMethod: details.deliveryMethod, deliveryCountryCode: details.deliveryCountryCode }, this.carriageRule, carriage);

    const existing = await this.orders.findByCustomerOrderNo(manager, customer.id, details.customerOrderNo, true);
    if (existing && existing.orderState !== 'OPEN') {
      return replyError(
        CommandErrorCodes.Conflict,
        `Order ${existing.orderId} (${existing.customerOrderNo}) has already been placed and can no longer be updated`,
      );
    }
    let orderId: number;
    if (existing) {
      orderId = existing.orderId;
      await this.orders.update(manager, orderId, details, priced);
    } else {
      orderId = await this.orders.insert(manager, {
        platformOrderId: randomUUID(),
        customerId: customer.id,
        createdBy: customer.contactName,
        currency: WHOLESALE_CURRENCY,
        details,
        priced,
      });
    }
    const stored = await this.orders.findById(manager, customer.id, orderId);
    if (!stored) throw new Error(`wholesale order ${orderId} vanished inside its own transaction`);
    return replyOk({ created: !existing, order: toWholesaleOrderView(stored) });
  }
}

/** Empty strings mean "not given" and are stored as null. */
function detailsOf(request: WholesaleUpsertOrderRequest): WholesaleOrderDetails {
  const text = (value: string | null | undefined): string | null => (value == null || value.trim() === '' ? null : value.trim());
  return {
    customerOrderNo: request.customerOrderNo.trim(),
    orderType: request.orderType,
    deliveryMethod: request.deliveryMethod,
    deliveryName: text(request.deliveryName),
    deliveryCompanyName: text(request.deliveryCompanyName),
    deliveryAddress1: text(request.deliveryAddress1),
    deliveryAddress2: text(request.deliveryAddress2),
    deliveryTown: text(request.deliveryTown),
    deliveryCounty: text(request.deliveryCounty),
    deliveryCountryCode: text(request.deliveryCountryCode)?.toUpperCase() ?? null,
    deliveryPostcode: text(request.deliveryPostcode),
    deliveryTelephone: text(request.deliveryTelephone),
    notes: text(request.notes),
  };
}
