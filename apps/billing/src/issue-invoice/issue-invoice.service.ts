import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CommandErrorCodes,
  type CommandReply,
  IssueInvoiceRequest,
  type IssueInvoiceResponse,
  replyError,
  replyOk,
  validateCommand,
} from '@order-platform/contracts';
import { currentCorrelationId } from '@order-platform/service-kit';
import type { DataSource } from 'typeorm';
import { InvoiceIssuer } from '../invoices/invoice-issuer.service';
import type { InvoiceRecord } from '../invoices/invoice.entity';
import { draftFromIssueInvoice } from './draft-from-issue-invoice';

/**
 * billing.issue-invoice: returns the order's invoice, creating it from the request when
 * CartUpdated has not arrived yet. Figures that contradict the known invoice are refused, and
 * so is an order cancelled before it was invoiced (CONFLICT, `orderId: order_cancelled`).
 */
@Injectable()
export class IssueInvoiceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly issuer: InvoiceIssuer,
  ) {}

  async issue(raw: unknown): Promise<CommandReply<IssueInvoiceResponse>> {
    const parsed = validateCommand(IssueInvoiceRequest, raw);
    if (!parsed.ok) return parsed.reply;
    const request = parsed.value;
    if (request.subtotalMinor + request.taxMinor !== request.totalMinor) {
      return replyError(CommandErrorCodes.ValidationFailed, 'command failed validation', [
        { path: 'totalMinor', message: 'totalMinor must equal subtotalMinor + taxMinor' },
      ]);
    }

    const outcome = await this.dataSource.transaction((manager) =>
      this.issuer.issueOnce(manager, draftFromIssueInvoice(request), currentCorrelationId() ?? request.orderId),
    );
    if ('cancelled' in outcome) {
      return replyError(CommandErrorCodes.Conflict, `Order ${request.orderId} was cancelled; no invoice is issued`, [
        { path: 'orderId', message: 'order_cancelled' },
      ]);
    }
    const { invoice, created } = outcome;
    if (!created) {
      const conflicts = contradictions(invoice, request);
      if (conflicts.length > 0) {
        return replyError(CommandErrorCodes.Conflict, `Order ${request.orderId} is already invoiced with other figures`, conflicts);
      }
    }
    return replyOk({
      invoiceId: invoice.id,
      invoiceNumber: invoice.number,
      orderId: invoice.orderId,
      customerId: invoice.customerId,
      totalMinor: invoice.totalMinor,
      currency: invoice.currency,
      created,
    });
  }
}

function contradictions(invoice: InvoiceRecord, request: IssueInvoiceRequest): Array<{ path: string; message: string }> {
  const fields = ['customerId', 'currency', 'subtotalMinor', 'taxMinor', 'totalMinor'] as const;
  return fields
    .filter((field) => invoice[field] !== request[field])
    .map((field) => ({ path: field, message: `the order's invoice has ${field} ${invoice[field]}, not ${request[field]}` }));
}
