import { Inject, Injectable, Logger } from '@nestjs/common';
import { createEvent, Topics, type TypedEvent } from '@order-platform/contracts';
import { InboxHandler, OutboxWriter } from '@order-platform/messaging';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { PAYMENT_CONSUMER } from '../charge-invoice/invoice-created.handler';
import { ChargeRecord } from '../charges/charge.entity';
import type { PaymentProvider } from '../providers';
import { PAYMENT_PROVIDER } from '../providers/payment-provider.token';
import { RefundRecord } from './refund.entity';

/** The key every provider call refunding this charge carries, first try and every retry. */
export function refundIdempotencyKey(chargeTransactionId: number): string {
  return `refund:${chargeTransactionId}`;
}

/** Still settling: the charge's outcome decides whether there is anything to refund. Retry. */
export class ChargeNotFinalError extends Error {
  override readonly name = 'ChargeNotFinalError';
}

export type RefundOutcome = 'refunded' | 'refund_failed' | 'already_refunded' | 'nothing_to_refund';

/**
 * OrderCancelled -> the order's captured card money goes back. Payment's own charge record is
 * the authority on whether money was captured (`refundRequired` is the emitter's view of the
 * same fact): cash and account orders captured nothing, a declined charge took nothing, and an
 * order paid at a store has no charge here.
 *
 * Everything happens in the inbox transaction, under a row lock on the charge: the provider is
 * called with `refund:<transactionId>`, then the refund row (unique per charge) and its
 * PaymentRefunded outbox row are committed together. A crash or a TransientPaymentError before
 * that commit rolls it all back; the retry sends the same key and the provider answers with
 * its first result, so the customer is refunded once.
 */
@Injectable()
export class RefundChargeService {
  private readonly logger = new Logger(RefundChargeService.name);

  constructor(
    @Inject(PAYMENT_PROVIDER) private readonly provider: PaymentProvider,
    private readonly inbox: InboxHandler,
    private readonly outbox: OutboxWriter,
  ) {}

  async onOrderCancelled(event: TypedEvent<'OrderCancelled'>): Promise<RefundOutcome | 'duplicate'> {
    const result = await this.inbox.handleOnce(PAYMENT_CONSUMER, event, (manager) => this.refundOrder(manager, event));
    return result.status === 'duplicate' ? 'duplicate' : result.result;
  }

  private async refundOrder(manager: EntityManager, event: TypedEvent<'OrderCancelled'>): Promise<RefundOutcome> {
    const { orderId, reason } = event.payload;
    const charges = await manager.find(ChargeRecord, { where: { orderId }, lock: { mode: 'pessimistic_write' } });
    if (charges.some((charge) => charge.status === 'attempting')) throw new ChargeNotFinalError(`the charge for order ${orderId} is still settling`);
    const charge = charges.find((c) => c.status === 'succeeded' && c.method === 'card' && c.providerChargeId);
    if (!charge?.providerChargeId) {
      if (event.payload.refundRequired) this.logger.warn({ orderId }, 'refund required but payment holds no captured card charge for the order');
      return 'nothing_to_refund';
    }
    if (await manager.existsBy(RefundRecord, { chargeTransactionId: charge.transactionId })) return 'already_refunded';

    const idempotencyKey = refundIdempotencyKey(charge.transactionId);
    const result = await this.provider.refund({ idempotencyKey, providerChargeId: charge.providerChargeId });
    const refund: RefundRecord = {
      id: randomUUID(),
      chargeTransactionId: charge.transactionId,
      orderId,
      amountMinor: result.status === 'succeeded' ? result.amountMinor : charge.amountMinor,
      currency: result.status === 'succeeded' ? result.currency : charge.currency,
      idempotencyKey,
      status: result.status,
      providerRefundId: result.status === 'succeeded' ? result.providerRefundId : null,
      failureCode: result.status === 'failed' ? result.reason : null,
      failureMessage: result.status === 'failed' ? result.message : null,
      reason,
      cancellationEventId: event.id,
      createdAt: new Date(),
    };
    // Built before the insert: TypeORM writes generated values back onto the inserted object.
    const refunded = paymentRefundedEvent(refund, event.correlationId);
    await manager.insert(RefundRecord, { ...refund });
    if (result.status === 'failed') {
      // Recorded for an operator to settle by hand; retrying would get the same answer.
      this.logger.error({ orderId, chargeTransactionId: charge.transactionId, reason: result.reason }, `refund refused by the provider: ${result.message}`);
      return 'refund_failed';
    }
    await this.outbox.append(manager, refunded);
    return 'refunded';
  }
}

function paymentRefundedEvent(refund: RefundRecord, correlationId: string): TypedEvent<'PaymentRefunded'> {
  return createEvent(
    Topics.PaymentRefunded,
    {
      orderId: refund.orderId,
      paymentId: String(refund.chargeTransactionId),
      refundId: refund.id,
      amountMinor: refund.amountMinor,
      currency: refund.currency,
      reason: refund.reason,
      refundedAt: refund.createdAt.toISOString(),
    },
    { correlationId },
  );
}
