import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CommandErrorCodes,
  type CommandReply,
  ProcessPaymentRequest,
  type ProcessPaymentResponse,
  replyError,
  replyOk,
  validateCommand,
} from '@order-platform/contracts';
import { SERVICE_CONFIG } from '@order-platform/service-kit';
import type { DataSource } from 'typeorm';
import { findCancellation, ORDER_CANCELLED } from '../cancellations/cancelled-orders';
import { ChargeInvoiceService } from '../charges/charge-invoice.service';
import type { ChargeRecord } from '../charges/charge.entity';
import { PayableInvoiceRecord } from '../invoices/payable-invoice.entity';
import type { PaymentConfig } from '../payment-config';
import { TransientPaymentError } from '../providers';
import { processedPaymentView } from './processed-payment-view';

const POLL_INTERVAL_MS = 100;

/**
 * payment.process-payment: the invoice's charge, performed now through the same code path as
 * InvoiceCreated when it has not happened yet. An invoice payment has not seen is waited for
 * briefly (its InvoiceCreated may be in flight), then NOT_FOUND. A cancelled order is a
 * CONFLICT (`payment: order_cancelled`), whether it was cancelled before the charge (nothing
 * charged) or after it (the charge is refunded): the caller must not treat it as paid.
 */
@Injectable()
export class ProcessPaymentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly charges: ChargeInvoiceService,
    @Inject(SERVICE_CONFIG) private readonly config: PaymentConfig,
  ) {}

  async process(raw: unknown): Promise<CommandReply<ProcessPaymentResponse>> {
    const parsed = validateCommand(ProcessPaymentRequest, raw);
    if (!parsed.ok) return parsed.reply;
    const request = parsed.value;

    const invoice = await this.waitForInvoice(request.invoiceId);
    if (!invoice) return replyError(CommandErrorCodes.NotFound, `Invoice ${request.invoiceId} was not found`);
    const conflicts = [
      ...(invoice.customerId === request.customerId ? [] : [{ path: 'customerId', message: `invoice ${invoice.invoiceId} belongs to another customer` }]),
      ...(invoice.totalMinor === request.totalMinor ? [] : [{ path: 'totalMinor', message: `invoice total is ${invoice.totalMinor}, not ${request.totalMinor}` }]),
    ];
    if (conflicts.length > 0) return replyError(CommandErrorCodes.Conflict, `Payment does not match invoice ${invoice.invoiceId}`, conflicts);

    try {
      const charge = await this.charges.chargeInvoice(invoice.invoiceId);
      // A card declined first keeps its own reason below, even once the decline cancelled the order.
      const cancelled = charge.declineCode === ORDER_CANCELLED || (charge.status === 'succeeded' && (await findCancellation(this.dataSource.manager, charge.orderId)));
      if (cancelled) return cancelledOrderReply(charge);
      if (charge.status === 'declined') {
        return replyError(CommandErrorCodes.Conflict, `Payment for invoice ${invoice.invoiceId} was declined: ${charge.declineMessage}`, [
          { path: 'payment', message: charge.declineCode ?? 'card_declined' },
        ]);
      }
      return replyOk(processedPaymentView(charge));
    } catch (error) {
      if (error instanceof TransientPaymentError) {
        return replyError(CommandErrorCodes.Unavailable, 'the payment provider did not answer; retrying is safe');
      }
      throw error;
    }
  }

  private async waitForInvoice(invoiceId: string): Promise<PayableInvoiceRecord | null> {
    const deadline = Date.now() + this.config.PAYMENT_INVOICE_WAIT_MS;
    const repository = this.dataSource.getRepository(PayableInvoiceRecord);
    for (;;) {
      const invoice = await repository.findOneBy({ invoiceId });
      if (invoice || Date.now() >= deadline) return invoice;
      await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
    }
  }
}

function cancelledOrderReply(charge: ChargeRecord): CommandReply<ProcessPaymentResponse> {
  const message =
    charge.status === 'succeeded'
      ? `Order ${charge.orderId} was cancelled after invoice ${charge.invoiceId} was charged; the charge is refunded`
      : `Order ${charge.orderId} was cancelled; invoice ${charge.invoiceId} is not charged`;
  return replyError(CommandErrorCodes.Conflict, message, [{ path: 'payment', message: ORDER_CANCELLED }]);
}
