import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AuthenticateRequest,
  type AuthenticateResponse,
  type CommandReply,
  CommandErrorCodes,
  CreateCustomerAppOrderRequest,
  type CustomerAppOrderView,
  CustomerAppOrderStepRequest,
  formatMinor,
  GetCustomerAppOrderRequest,
  INVALID_USER_CREDENTIALS,
  includedTaxMinor,
  RecordRestaurantDecisionRequest,
  replyError,
  replyOk,
  validateCommand,
} from '@order-platform/contracts';
import { OutboxWriter } from '@order-platform/messaging';
import { SERVICE_CONFIG } from '@order-platform/service-kit';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { type CartConfig, taxRuleOf } from '../cart-config';
import type { TaxRule } from '../submit-cart/price-cart';
import { authorizeCoupon, type Coupon } from '../coupons/authorize-coupon';
import { IdempotentRequests } from '../idempotency/idempotent-requests';
import { requestFingerprint } from '../idempotency/request-fingerprint';
import { verifyPassword } from './auth/password-hash';
import { badRequest, orderNotFound, outOfOrder, wrongCustomer, wrongRestaurant } from './customer-app-errors';
import { type CustomerAppOrderRow, toCustomerAppOrderView } from './customer-app-order.record';
import { CUSTOMER_APP_STEPS, stepAllowed } from './customer-app-steps';
import { submitDraftAsOrder } from './submit-draft';

/**
 * The customer app's draft orders. Each step runs in one transaction under a row lock on the
 * draft, so two steps on one order never interleave; payment confirmation turns the draft
 * into the checkout order (same id) with CartUpdated in the outbox.
 */
@Injectable()
export class CustomerAppOrdersService {
  private readonly taxRule: TaxRule;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    @Inject(SERVICE_CONFIG) private readonly config: CartConfig,
    private readonly idempotency: IdempotentRequests,
  ) {
    this.taxRule = taxRuleOf(config);
  }

  async authenticate(raw: unknown): Promise<CommandReply<AuthenticateResponse>> {
    const parsed = validateCommand(AuthenticateRequest, raw);
    if (!parsed.ok) return parsed.reply;
    const rows: Array<{ username: string; password_hash: string; role: AuthenticateResponse['role']; customer_id: string | null; restaurant_id: string | null }> =
      await this.dataSource.query(`SELECT username, password_hash, role, customer_id, restaurant_id FROM app_users WHERE username = $1`, [parsed.value.username]);
    const user = rows[0];
    if (!user || !(await verifyPassword(parsed.value.password, user.password_hash))) {
      return replyError(CommandErrorCodes.Unauthorized, INVALID_USER_CREDENTIALS, { errorKey: 'invalidCredentials' });
    }
    const identity: AuthenticateResponse = { username: user.username, role: user.role };
    if (user.customer_id) identity.customerId = user.customer_id;
    if (user.restaurant_id) identity.restaurantId = user.restaurant_id;
    return replyOk(identity);
  }

  /** A new draft; with an Idempotency-Key, a repeat of the same request answers the first draft as it is now. */
  async create(raw: unknown): Promise<CommandReply<CustomerAppOrderView>> {
    const parsed = validateCommand(CreateCustomerAppOrderRequest, raw);
    if (!parsed.ok) return parsed.reply;
    const request = parsed.value;
    if (!request.deliveryAddress && !request.tableNumber) return badRequest('deliveryAddressOrTableRequired', 'An order needs a delivery address or a table number.');
    const { customerId, idempotencyKey, correlationId: _correlationId, ...body } = request;
    const keyed =
      idempotencyKey === undefined ? undefined : { key: idempotencyKey, requester: `customer ${customerId}`, operation: 'customer-app-create', fingerprint: requestFingerprint({ body }) };

    return this.dataSource.transaction((manager) =>
      this.idempotency.placeOnce(manager, keyed, {
        place: () => this.insertDraft(manager, request),
        orderIdOf: (order) => order.orderId,
        replay: async (orderId) => {
          const draft = await findDraft(manager, orderId, false);
          return draft ? replyOk(toCustomerAppOrderView(draft)) : orderNotFound(orderId);
        },
      }),
    );
  }

  private async insertDraft(manager: EntityManager, request: CreateCustomerAppOrderRequest): Promise<CommandReply<CustomerAppOrderView>> {
    const restaurants: Array<{ currency: string }> = await manager.query(`SELECT currency FROM restaurants WHERE id = $1`, [request.restaurantId]);
    if (!restaurants[0]) return badRequest('unknownRestaurant', `Restaurant ${request.restaurantId} does not exist.`);
    const menu: Array<{ id: string; name: string; unit_price_minor: string }> = await manager.query(
      `SELECT id, name, unit_price_minor FROM restaurant_products WHERE restaurant_id = $1 AND active AND id = ANY($2)`,
      [request.restaurantId, request.lines.map((line) => line.productId)],
    );
    const byId = new Map(menu.map((product) => [product.id, product]));
    const unknown = request.lines.find((line) => !byId.has(line.productId));
    if (unknown) return badRequest('unknownProduct', `Product ${unknown.productId} is not on restaurant ${request.restaurantId}'s menu.`);

    const lines = request.lines.map((line) => {
      const product = byId.get(line.productId);
      if (!product) throw new Error(`product ${line.productId} passed the menu check but is not on the menu`);
      const unitPriceMinor = Number(product.unit_price_minor);
      return { productId: line.productId, name: product.name, quantity: line.quantity, unitPriceMinor, lineTotalMinor: unitPriceMinor * line.quantity };
    });
    const subtotalMinor = lines.reduce((sum, line) => sum + line.lineTotalMinor, 0);
    const id = randomUUID();
    await manager.query(
      `INSERT INTO customer_app_orders (id, customer_id, restaurant_id, state, currency, lines, subtotal_minor, discount_minor, tax_minor, total_minor, delivery_address, table_number)
       VALUES ($1, $2, $3, 'CREATED', $4, $5::jsonb, $6, 0, $7, $6, $8, $9)`,
      [id, request.customerId, request.restaurantId, restaurants[0].currency, JSON.stringify(lines), subtotalMinor, this.taxOf(subtotalMinor), request.deliveryAddress ?? null, request.tableNumber ?? null],
    );
    const created = await findDraft(manager, id, false);
    return created ? replyOk(toCustomerAppOrderView(created)) : orderNotFound(id);
  }

  async get(raw: unknown): Promise<CommandReply<CustomerAppOrderView>> {
    const parsed = validateCommand(GetCustomerAppOrderRequest, raw);
    if (!parsed.ok) return parsed.reply;
    const row = await findDraft(this.dataSource.manager, parsed.value.orderId, false);
    return row ? replyOk(toCustomerAppOrderView(row)) : orderNotFound(parsed.value.orderId);
  }

  async step(raw: unknown): Promise<CommandReply<CustomerAppOrderView>> {
    const parsed = validateCommand(CustomerAppOrderStepRequest, raw);
    if (!parsed.ok) return parsed.reply;
    const request = parsed.value;
    return this.dataSource.transaction(async (manager) => {
      const row = await findDraft(manager, request.orderId, true);
      if (!row) return orderNotFound(request.orderId);
      if (row.customer_id !== request.customerId) return wrongCustomer(row.customer_id, request.customerId);
      if (!stepAllowed(request.step, row.state)) return outOfOrder(request.step, row.state);
      const next = CUSTOMER_APP_STEPS[request.step].to(row.state);
      switch (request.step) {
        case 'coupon':
          return this.applyCoupon(manager, row, request.couponCode ?? '');
        case 'customerDetails': {
          const details = request.customerDetails;
          if (!details) return badRequest('customerDetailsRequired', 'customerDetails is required.');
          if (!details.deliveryAddress && !row.table_number && !row.delivery_address) {
            return badRequest('deliveryAddressOrTableRequired', 'An order needs a delivery address or a table number.');
          }
          await manager.query(
            `UPDATE customer_app_orders SET customer_details = $2::jsonb, delivery_address = COALESCE($3, delivery_address), state = $4, updated_at = now() WHERE id = $1`,
            [row.id, JSON.stringify(details), details.deliveryAddress ?? null, next],
          );
          break;
        }
        case 'paymentConfirmation': {
          if (!request.paymentMethod) return badRequest('paymentMethodRequired', 'paymentMethod (CARD or CASH) is required.');
          if (request.paymentMethod === 'CASH' && request.cashConfirmed !== true) {
            return badRequest('cashNotConfirmed', 'A cash payment must be confirmed by the customer (cashConfirmed: true).');
          }
          await manager.query(`UPDATE customer_app_orders SET payment_method = $2, state = $3, updated_at = now() WHERE id = $1`, [row.id, request.paymentMethod, next]);
          const submitted = (await readDraft(manager, row.id));
          await submitDraftAsOrder(manager, this.outbox, submitted, request.correlationId ?? row.id);
          break;
        }
      }
      return replyOk(toCustomerAppOrderView((await readDraft(manager, row.id))));
    });
  }

  /** Records the restaurant's decision order-status has applied; the gateway checked ownership with get(). */
  async recordDecision(raw: unknown): Promise<CommandReply<CustomerAppOrderView>> {
    const parsed = validateCommand(RecordRestaurantDecisionRequest, raw);
    if (!parsed.ok) return parsed.reply;
    const request = parsed.value;
    return this.dataSource.transaction(async (manager) => {
      const row = await findDraft(manager, request.orderId, true);
      if (!row) return orderNotFound(request.orderId);
      if (row.restaurant_id !== request.restaurantId) return wrongRestaurant(row.restaurant_id, request.restaurantId);
      const step = request.decision === 'ACCEPTED' ? 'restaurantAcceptance' : 'restaurantRejection';
      if (row.state === request.decision) return replyOk(toCustomerAppOrderView(row));
      if (!stepAllowed(step, row.state)) return outOfOrder(step, row.state);
      await manager.query(`UPDATE customer_app_orders SET state = $2, rejection_reason = $3, updated_at = now() WHERE id = $1`, [
        row.id,
        request.decision,
        request.reason ?? null,
      ]);
      return replyOk(toCustomerAppOrderView((await readDraft(manager, row.id))));
    });
  }

  private async applyCoupon(manager: EntityManager, row: CustomerAppOrderRow, code: string): Promise<CommandReply<CustomerAppOrderView>> {
    const coupons: Array<Record<string, string | number | Date | null>> = await manager.query(`SELECT * FROM coupons WHERE code = $1`, [code.toUpperCase()]);
    const found = coupons[0];
    if (!found) return badRequest('couponUnknown', `Coupon ${code} does not exist.`);
    const coupon: Coupon = {
      code: String(found['code']),
      kind: found['kind'] as Coupon['kind'],
      percentOff: found['percent_off'] === null ? null : Number(found['percent_off']),
      amountOffMinor: found['amount_off_minor'] === null ? null : Number(found['amount_off_minor']),
      currency: String(found['currency']).trim(),
      minimumMinor: Number(found['minimum_minor']),
      validFrom: found['valid_from'] as Date,
      validUntil: found['valid_until'] as Date,
    };
    const used: unknown[] = await manager.query(`SELECT 1 FROM coupon_redemptions WHERE coupon_code = $1 AND customer_id = $2 AND order_id <> $3`, [
      coupon.code,
      row.customer_id,
      row.id,
    ]);
    const currency = row.currency.trim();
    const decision = authorizeCoupon(
      coupon,
      { itemsTotalMinor: Number(row.subtotal_minor), currency, now: new Date(), usedByCustomer: used.length > 0 },
      (minor) => formatMinor(minor, currency),
    );
    if (!decision.ok) return badRequest(decision.errorKey, decision.message);

    const totalMinor = Number(row.subtotal_minor) - decision.discountMinor;
    // One coupon per order: a new one replaces the previous, whose redemption is released.
    await manager.query(`DELETE FROM coupon_redemptions WHERE order_id = $1`, [row.id]);
    await manager.query(`INSERT INTO coupon_redemptions (coupon_code, customer_id, order_id) VALUES ($1, $2, $3)`, [coupon.code, row.customer_id, row.id]);
    await manager.query(
      `UPDATE customer_app_orders SET coupon_code = $2, discount_minor = $3, total_minor = $4, tax_minor = $5, updated_at = now() WHERE id = $1`,
      [row.id, coupon.code, decision.discountMinor, totalMinor, this.taxOf(totalMinor)],
    );
    return replyOk(toCustomerAppOrderView((await readDraft(manager, row.id))));
  }

  private taxOf(totalMinor: number): number {
    return includedTaxMinor(totalMinor, this.taxRule.ratePercent, this.taxRule.rounding, this.taxRule.incrementMinor);
  }
}

/** A draft this transaction has just written or locked: its absence is a bug, not a 404. */
async function readDraft(manager: EntityManager, orderId: string): Promise<CustomerAppOrderRow> {
  const draft = await findDraft(manager, orderId, false);
  if (!draft) throw new Error(`customer-app order ${orderId} vanished within its own transaction`);
  return draft;
}

async function findDraft(manager: EntityManager, orderId: string, lock: boolean): Promise<CustomerAppOrderRow | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(orderId)) return undefined;
  const rows: CustomerAppOrderRow[] = await manager.query(`SELECT * FROM customer_app_orders WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [orderId]);
  return rows[0];
}
