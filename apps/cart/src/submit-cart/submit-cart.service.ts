import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CommandErrorCodes,
  type CommandReply,
  createEvent,
  formatMinor,
  replyError,
  replyOk,
  Topics,
  validateCommand,
} from '@order-platform/contracts';
import { OutboxWriter } from '@order-platform/messaging';
import {
  currentCorrelationId,
  SERVICE_CONFIG,
  SubmitCartWithLinesRequest,
  type SubmittedCartResponse,
} from '@order-platform/service-kit';
import { randomUUID } from 'node:crypto';
import { DataSource, QueryFailedError } from 'typeorm';
import { CartConfig, taxRuleOf } from '../cart-config';
import type { TaxRule } from './price-cart';
import { CatalogService } from '../catalog/catalog.service';
import type { Customer } from '../catalog/customer.entity';
import { OrderLineRecord } from '../orders/order-line.entity';
import { OrderRecord } from '../orders/order.entity';
import { customerSnapshot } from './customer-snapshot';
import { priceCart } from './price-cart';

interface FieldProblem {
  path: string;
  message: string;
}

/**
 * Turns a submitted cart into an order: checks customer and products against the catalog,
 * prices it, and stores the order with its CartUpdated event in ONE transaction (outbox).
 * Submitting the same cart id again returns the order already created.
 */
@Injectable()
export class SubmitCartService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly catalog: CatalogService,
    private readonly outbox: OutboxWriter,
    @Inject(SERVICE_CONFIG) private readonly config: CartConfig,
  ) {
    // Resolved once, so a malformed increment stops the service at start, not at checkout.
    this.taxRule = taxRuleOf(config);
  }

  private readonly taxRule: TaxRule;

  async submit(raw: unknown): Promise<CommandReply<SubmittedCartResponse>> {
    const parsed = validateCommand(SubmitCartWithLinesRequest, raw);
    if (!parsed.ok) return parsed.reply;
    const request = parsed.value;

    const existing = await this.findByCartId(request.cartId);
    if (existing) return replyOk(toResponse(existing));

    const { customer, problems } = await this.checkAgainstCatalog(request);
    if (!customer || problems.length > 0) {
      return replyError(CommandErrorCodes.ValidationFailed, 'cart does not match the catalog', problems);
    }

    const priced = priceCart(request.items, this.taxRule);
    const order = Object.assign(new OrderRecord(), {
      id: randomUUID(),
      cartId: request.cartId,
      customerId: request.customerId,
      channel: request.channel ?? 'checkout',
      currency: this.config.CURRENCY,
      subtotalMinor: priced.subtotalMinor,
      taxMinor: priced.taxMinor,
      totalMinor: priced.totalMinor,
      status: 'submitted' as const,
    });
    order.lines = priced.lines.map((line, index) =>
      Object.assign(new OrderLineRecord(), { orderId: order.id, lineNo: index + 1, ...line }),
    );

    try {
      await this.dataSource.transaction(async (manager) => {
        await manager.save(OrderRecord, order);
        await this.outbox.append(manager, this.cartUpdatedEvent(order, request, customer));
      });
    } catch (error) {
      // Two concurrent submits of one cart: the loser answers with the winner's order.
      if (isUniqueViolation(error)) {
        const winner = await this.findByCartId(request.cartId);
        if (winner) return replyOk(toResponse(winner));
      }
      throw error;
    }
    return replyOk(toResponse(order));
  }

  private cartUpdatedEvent(order: OrderRecord, request: SubmitCartWithLinesRequest, customer: Customer) {
    const snapshot = customerSnapshot(customer, request.customerEmail);
    return createEvent(
      Topics.CartUpdated,
      {
        orderId: order.id,
        customerId: order.customerId,
        customerEmail: snapshot.email,
        customer: snapshot,
        channel: request.channel,
        currency: order.currency,
        items: order.lines.map((line) => ({
          productId: line.productId,
          quantity: line.quantity,
          unitPriceMinor: line.unitPriceMinor,
          lineTotalMinor: line.lineTotalMinor,
        })),
        subtotalMinor: order.subtotalMinor,
        taxMinor: order.taxMinor,
        totalMinor: order.totalMinor,
        deliveryAddress: request.deliveryAddress,
      },
      { correlationId: currentCorrelationId() ?? request.correlationId ?? order.id },
    );
  }

  private async checkAgainstCatalog(
    request: SubmitCartWithLinesRequest,
  ): Promise<{ customer: Customer | null; problems: FieldProblem[] }> {
    const problems: FieldProblem[] = [];
    const customer = await this.catalog.findCustomer(request.customerId);
    if (!customer) problems.push({ path: 'customerId', message: `unknown customer ${request.customerId}` });
    const products = await this.catalog.findActiveProducts(request.items.map((item) => item.productId));
    request.items.forEach((item, index) => {
      const product = products.get(item.productId);
      if (!product) {
        problems.push({ path: `items.${index}.productId`, message: `unknown product ${item.productId}` });
      } else if (product.currency !== this.config.CURRENCY) {
        problems.push({ path: `items.${index}.productId`, message: `product ${item.productId} is not sold in ${this.config.CURRENCY}` });
      } else if (product.unitPriceMinor !== item.unitPriceMinor) {
        const expected = formatMinor(product.unitPriceMinor, product.currency);
        problems.push({ path: `items.${index}.unitPriceMinor`, message: `price does not match the catalog price ${expected}` });
      }
    });
    return { customer, problems };
  }

  private findByCartId(cartId: string): Promise<OrderRecord | null> {
    return this.dataSource.getRepository(OrderRecord).findOne({
      where: { cartId },
      relations: { lines: true },
      order: { lines: { lineNo: 'ASC' } },
    });
  }
}

function toResponse(order: OrderRecord): SubmittedCartResponse {
  return {
    orderId: order.id,
    status: 'submitted',
    customerId: order.customerId,
    currency: order.currency,
    items: order.lines.map((line) => ({
      productId: line.productId,
      quantity: line.quantity,
      unitPriceMinor: line.unitPriceMinor,
      lineTotalMinor: line.lineTotalMinor,
    })),
    subtotalMinor: order.subtotalMinor,
    taxMinor: order.taxMinor,
    totalMinor: order.totalMinor,
  };
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof QueryFailedError && (error.driverError as { code?: string } | undefined)?.code === '23505';
}
