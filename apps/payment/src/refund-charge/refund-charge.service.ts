import { Injectable, Logger } from '@nestjs/common';
import type { TypedEvent } from '@order-platform/contracts';
import { InboxHandler } from '@order-platform/messaging';
import type { EntityManager } from 'typeorm';
import { recordCancellation } from '../cancellations/cancelled-orders';
import { lockOrder } from '../cancellations/order-lock';
import { PAYMENT_CONSUMER } from '../charge-invoice/invoice-created.handler';
import { ChargeRecord } from '../charges/charge.entity';
import { type ChargeRefundOutcome, ChargeRefunder, isCapturedCardCharge } from './charge-refunder';

/**
 * `refund_on_settle`: the order's charge was still settling (provider slow or down). The
 * cancellation is recorded, and the charge's settle step refunds the charge if it is captured.
 */
export type RefundOutcome = ChargeRefundOutcome | 'refund_on_settle' | 'nothing_to_refund';

/**
 * OrderCancelled -> the order's captured card money goes back. Payment's own charge record is
 * the authority on whether money was captured (`refundRequired` is the emitter's view of the
 * same fact): cash and account orders captured nothing, a declined charge took nothing, and an
 * order paid at a store has no charge here.
 *
 * The cancellation itself is recorded (cancelled_orders) under the order lock the charge path
 * takes too (see lockOrder): an invoice that reaches payment after this is not charged, and a
 * charge still settling finds it when it settles and refunds itself (ChargeInvoiceService), so
 * this handler never waits on the provider's charge answer and never dead-letters for it.
 *
 * A captured charge is refunded here, in the inbox transaction, under a row lock on the charge
 * (ChargeRefunder: one refund per charge, key `refund:<transactionId>`).
 */
@Injectable()
export class RefundChargeService {
  private readonly logger = new Logger(RefundChargeService.name);

  constructor(
    private readonly refunder: ChargeRefunder,
    private readonly inbox: InboxHandler,
  ) {}

  async onOrderCancelled(event: TypedEvent<'OrderCancelled'>): Promise<RefundOutcome | 'duplicate'> {
    const result = await this.inbox.handleOnce(PAYMENT_CONSUMER, event, (manager) => this.refundOrder(manager, event));
    return result.status === 'duplicate' ? 'duplicate' : result.result;
  }

  private async refundOrder(manager: EntityManager, event: TypedEvent<'OrderCancelled'>): Promise<RefundOutcome> {
    const { orderId, reason } = event.payload;
    await lockOrder(manager, orderId);
    const charges = await manager.find(ChargeRecord, { where: { orderId }, lock: { mode: 'pessimistic_write' } });
    await recordCancellation(manager, event);
    const charge = charges.find(isCapturedCardCharge);
    if (charge) return this.refunder.refund(manager, charge, { reason, cancellationEventId: event.id, correlationId: event.correlationId });
    if (charges.some((c) => c.status === 'attempting')) {
      // Its settle step takes the order lock after this commits and finds the cancellation.
      this.logger.log({ orderId }, 'charge still settling; it is refunded when it settles as captured');
      return 'refund_on_settle';
    }
    if (event.payload.refundRequired) this.logger.warn({ orderId }, 'refund required but payment holds no captured card charge for the order');
    // Nothing captured yet: the recorded cancellation keeps a later invoice from being charged.
    return 'nothing_to_refund';
  }
}
