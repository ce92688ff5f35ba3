import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { OutboxWriter } from '@order-platform/messaging';
import type { DataSource, EntityManager } from 'typeorm';
import { findCancellation, ORDER_CANCELLED } from '../cancellations/cancelled-orders';
import { lockOrder } from '../cancellations/order-lock';
import { PayableInvoiceRecord } from '../invoices/payable-invoice.entity';
import { PaymentMethodRecord } from '../payment-methods/payment-method.entity';
import type { ChargeResult, PaymentMethodRef, PaymentProvider } from '../providers';
import { PAYMENT_PROVIDER } from '../providers/payment-provider.token';
import { ChargeRefunder } from '../refund-charge/charge-refunder';
import { paymentFailedEvent, paymentProcessedEvent } from './charge-events';
import { ChargeRecord } from './charge.entity';

export class InvoiceNotKnownError extends Error {
  override readonly name = 'InvoiceNotKnownError';
}

/** The key every provider call for this invoice carries, first try and every retry. */
export function chargeIdempotencyKey(invoiceId: string): string {
  return `charge:${invoiceId}`;
}

/**
 * The single code path that charges an invoice (InvoiceCreated and payment.process-payment
 * both end here). Returns the invoice's charge once it is final.
 *
 * 1. claim: lock the invoice projection row, and unless a charge exists, commit a charge row
 *    (`attempting`, key `charge:<invoiceId>`). Orders on account or cash on delivery, and
 *    customers without a card on file, are settled right here, without a provider call; an
 *    order already cancelled is declined here (`order_cancelled`), also without one.
 * 2. settle: lock the projection row again (a concurrent caller waits here and then finds the
 *    charge final), call the provider with the stored key, then take the order lock and
 *    complete the row together with its PaymentProcessed/PaymentFailed outbox row in the same
 *    transaction. An order cancelled meanwhile (OrderCancelled found the charge `attempting`
 *    and only recorded the cancellation) is refunded right there, in that transaction, through
 *    the same refund step as OrderCancelled: refund row, PaymentRefunded, key `refund:<id>`.
 * A crash between the provider's answer and that commit leaves the row `attempting` (and no
 * refund row); the next attempt sends the same keys and the provider answers with its first
 * results, so the customer is charged, and refunded, once. A TransientPaymentError (charge or
 * refund) rolls step 2 back and propagates.
 */
@Injectable()
export class ChargeInvoiceService {
  private readonly logger = new Logger(ChargeInvoiceService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(PAYMENT_PROVIDER) private readonly provider: PaymentProvider,
    private readonly outbox: OutboxWriter,
    private readonly refunder: ChargeRefunder,
  ) {}

  async chargeInvoice(invoiceId: string): Promise<ChargeRecord> {
    const claimed = await this.dataSource.transaction((manager) => this.claim(manager, invoiceId));
    if (claimed.status !== 'attempting') return claimed;
    await this.dataSource.getRepository(ChargeRecord).increment({ invoiceId, status: 'attempting' }, 'attempts', 1);
    return this.dataSource.transaction((manager) => this.settle(manager, invoiceId));
  }

  private async claim(manager: EntityManager, invoiceId: string): Promise<ChargeRecord> {
    const invoice = await lockInvoice(manager, invoiceId);
    const existing = await manager.findOneBy(ChargeRecord, { invoiceId });
    if (existing) return existing;
    // Under the order lock the cancellation path also takes: see lockOrder.
    await lockOrder(manager, invoice.orderId);

    const base = {
      invoiceId,
      orderId: invoice.orderId,
      customerId: invoice.customerId,
      amountMinor: invoice.totalMinor,
      currency: invoice.currency,
      idempotencyKey: chargeIdempotencyKey(invoiceId),
      createdAt: new Date(),
    };
    const cancellation = await findCancellation(manager, invoice.orderId);
    if (cancellation) {
      // Final, so a redelivery or the command finds it. No event: the order is already
      // cancelled everywhere (OrderCancelled), and a PaymentFailed would mail the customer
      // about a payment nobody attempted.
      this.logger.log({ orderId: invoice.orderId, invoiceId }, 'order was cancelled before it was charged; not charging');
      const terms = invoice.paymentTerms;
      return insertCharge(manager, {
        ...base,
        method: terms,
        provider: terms === 'card' ? this.provider.name : terms,
        status: 'declined',
        declineCode: ORDER_CANCELLED,
        declineMessage: `Order ${invoice.orderId} was cancelled before it was charged.`,
        completedAt: new Date(),
      });
    }
    // Account and cash orders settle without a provider call: nothing is captured now.
    if (invoice.paymentTerms === 'account' || invoice.paymentTerms === 'cash') {
      const terms = invoice.paymentTerms;
      const charge = await insertCharge(manager, { ...base, method: terms, provider: terms, status: 'succeeded', completedAt: new Date() });
      await this.outbox.append(manager, paymentProcessedEvent(charge, invoice));
      return charge;
    }

    const method = await manager.findOneBy(PaymentMethodRecord, { customerId: invoice.customerId, isDefault: true });
    if (!method) {
      const charge = await insertCharge(manager, {
        ...base,
        method: 'card',
        provider: this.provider.name,
        status: 'declined',
        declineCode: 'invalid_payment_method',
        declineMessage: `Customer ${invoice.customerId} has no payment method on file.`,
        completedAt: new Date(),
      });
      await this.outbox.append(manager, paymentFailedEvent(charge, invoice.correlationId));
      return charge;
    }
    return insertCharge(manager, {
      ...base,
      method: 'card',
      provider: this.provider.name,
      status: 'attempting',
      paymentMethodId: method.id,
      cardBrand: method.brand,
      cardFirst6: method.first6,
      cardLast4: method.last4,
      cardExpMonth: method.expMonth,
      cardExpYear: method.expYear,
      cardHolderFirstName: method.holderFirstName,
      cardHolderLastName: method.holderLastName,
    });
  }

  /**
   * Step 2 alone, in the caller's transaction: chargeInvoice's, or the reconciler's for a charge
   * left `attempting` (reconcile-charges/). Same key, same outcome, same refund if cancelled.
   */
  async settle(manager: EntityManager, invoiceId: string): Promise<ChargeRecord> {
    const invoice = await lockInvoice(manager, invoiceId);
    const charge = await manager.findOneByOrFail(ChargeRecord, { invoiceId });
    if (charge.status !== 'attempting') return charge;

    const method = charge.paymentMethodId ? await manager.findOneBy(PaymentMethodRecord, { id: charge.paymentMethodId }) : null;
    const result: ChargeResult = method
      ? await this.provider.charge({
          idempotencyKey: charge.idempotencyKey,
          amountMinor: charge.amountMinor,
          currency: charge.currency,
          customerId: charge.customerId,
          paymentMethod: paymentMethodRefOf(method),
          description: `Invoice ${invoice.invoiceNumber} for order ${invoice.orderId}`,
          metadata: { orderId: invoice.orderId, invoiceId },
        })
      : { status: 'declined', reason: 'invalid_payment_method', message: 'The card on file was removed.' };

    // Taken only now, so a cancellation never waits on the provider; from here on it either
    // has been recorded (found below) or finds this charge final once we commit.
    await lockOrder(manager, invoice.orderId);
    const completedAt = new Date();
    if (result.status === 'succeeded') {
      Object.assign(charge, { status: 'succeeded', providerChargeId: result.providerChargeId, completedAt });
    } else {
      Object.assign(charge, {
        status: 'declined',
        providerChargeId: result.providerChargeId ?? null,
        declineCode: result.reason,
        declineMessage: result.message,
        completedAt,
      });
    }
    await manager.save(ChargeRecord, charge);
    const event = result.status === 'succeeded' ? paymentProcessedEvent(charge, invoice) : paymentFailedEvent(charge, invoice.correlationId);
    await this.outbox.append(manager, event);
    if (result.status === 'succeeded') await this.refundIfCancelled(manager, charge, invoice);
    return charge;
  }

  /** Captured after OrderCancelled was handled: nobody else will refund it, so it happens here. */
  private async refundIfCancelled(manager: EntityManager, charge: ChargeRecord, invoice: PayableInvoiceRecord): Promise<void> {
    const cancellation = await findCancellation(manager, charge.orderId);
    if (!cancellation) return;
    const outcome = await this.refunder.refund(manager, charge, {
      reason: cancellation.reason,
      cancellationEventId: cancellation.cancellationEventId,
      correlationId: cancellation.correlationId ?? invoice.correlationId,
    });
    this.logger.log({ orderId: charge.orderId, invoiceId: charge.invoiceId, outcome }, 'order was cancelled while its charge was settling; refunded on capture');
  }
}

/** Row lock on the projection: event handler and command never charge one invoice at once. */
async function lockInvoice(manager: EntityManager, invoiceId: string): Promise<PayableInvoiceRecord> {
  const invoice = await manager.findOne(PayableInvoiceRecord, { where: { invoiceId }, lock: { mode: 'pessimistic_write' } });
  if (!invoice) throw new InvoiceNotKnownError(`invoice ${invoiceId} is not known to payment`);
  return invoice;
}

async function insertCharge(manager: EntityManager, values: Partial<ChargeRecord>): Promise<ChargeRecord> {
  const inserted = await manager.createQueryBuilder().insert().into(ChargeRecord).values(values).returning('*').execute();
  const row = (inserted.raw as Array<{ transaction_id: string }>)[0];
  return manager.findOneByOrFail(ChargeRecord, { transactionId: Number(row.transaction_id) });
}

function paymentMethodRefOf(method: PaymentMethodRecord): PaymentMethodRef {
  return method.providerCustomerId
    ? { type: 'card_on_file', reference: method.providerReference, providerCustomerId: method.providerCustomerId }
    : { type: 'token', token: method.providerReference };
}
