import { Inject, Injectable, Logger } from '@nestjs/common';
import { createEvent, Topics, type TypedEvent } from '@order-platform/contracts';
import { OutboxWriter } from '@order-platform/messaging';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { ChargeRecord } from '../charges/charge.entity';
import type { PaymentProvider } from '../providers';
import { PAYMENT_PROVIDER } from '../providers/payment-provider.token';
import { RefundRecord } from './refund.entity';

/** The key every provider call refunding this charge carries, first try and every retry. */
export function refundIdempotencyKey(chargeTransactionId: number): string {
  return `refund:${chargeTransactionId}`;
}

/** Money the provider holds for the order: the only kind of charge there is to refund. */
export function isCapturedCardCharge(charge: ChargeRecord): boolean {
  return charge.status === 'succeeded' && charge.method === 'card' && Boolean(charge.providerChargeId);
}

/** The cancellation a refund answers: its reason as the customer was told, its event, its trace. */
export interface RefundCause {
  reason: string;
  cancellationEventId: string;
  correlationId: string;
}

export type ChargeRefundOutcome = 'refunded' | 'refund_failed' | 'already_refunded';

/**
 * The one refund step, used by OrderCancelled (charge already captured) and by the charge's
 * settle step (captured after the cancellation was recorded). The caller holds the order lock
 * inside `manager`'s transaction. The provider is called with `refund:<transactionId>`, then
 * the refund row (unique per charge) and its PaymentRefunded outbox row are written in that
 * transaction: a crash or a TransientPaymentError before the commit leaves no trace here, and
 * the retry sends the same key, which the provider answers with its first result.
 */
@Injectable()
export class ChargeRefunder {
  private readonly logger = new Logger(ChargeRefunder.name);

  constructor(
    @Inject(PAYMENT_PROVIDER) private readonly provider: PaymentProvider,
    private readonly outbox: OutboxWriter,
  ) {}

  async refund(manager: EntityManager, charge: ChargeRecord, cause: RefundCause): Promise<ChargeRefundOutcome> {
    if (!charge.providerChargeId || !isCapturedCardCharge(charge)) throw new Error(`charge ${charge.transactionId} holds no captured card money`);
    if (await manager.existsBy(RefundRecord, { chargeTransactionId: charge.transactionId })) return 'already_refunded';

    const idempotencyKey = refundIdempotencyKey(charge.transactionId);
    const result = await this.provider.refund({ idempotencyKey, providerChargeId: charge.providerChargeId });
    const refund: RefundRecord = {
      id: randomUUID(),
      chargeTransactionId: charge.transactionId,
      orderId: charge.orderId,
      amountMinor: result.status === 'succeeded' ? result.amountMinor : charge.amountMinor,
      currency: result.status === 'succeeded' ? result.currency : charge.currency,
      idempotencyKey,
      status: result.status,
      providerRefundId: result.status === 'succeeded' ? result.providerRefundId : null,
      failureCode: result.status === 'failed' ? result.reason : null,
      failureMessage: result.status === 'failed' ? result.message : null,
      reason: cause.reason,
      cancellationEventId: cause.cancellationEventId,
      createdAt: new Date(),
    };
    // Built before the insert: TypeORM writes generated values back onto the inserted object.
    const refunded = paymentRefundedEvent(refund, cause.correlationId);
    await manager.insert(RefundRecord, { ...refund });
    if (result.status === 'failed') {
      // Recorded for an operator to settle by hand; retrying would get the same answer.
      this.logger.error(
        { orderId: charge.orderId, chargeTransactionId: charge.transactionId, reason: result.reason },
        `refund refused by the provider: ${result.message}`,
      );
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
