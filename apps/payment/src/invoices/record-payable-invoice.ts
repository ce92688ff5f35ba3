import type { TypedEvent } from '@order-platform/contracts';
import type { DataSource } from 'typeorm';
import { PayableInvoiceRecord } from './payable-invoice.entity';

/** Stores what payment needs from InvoiceCreated; a redelivered event changes nothing. */
export async function recordPayableInvoice(dataSource: DataSource, event: TypedEvent<'InvoiceCreated'>): Promise<void> {
  const invoice = event.payload;
  await dataSource
    .createQueryBuilder()
    .insert()
    .into(PayableInvoiceRecord)
    .values({
      invoiceId: invoice.invoiceId,
      orderId: invoice.orderId,
      customerId: invoice.customerId,
      invoiceNumber: invoice.invoiceNumber,
      currency: invoice.currency,
      totalMinor: invoice.totalMinor,
      paymentTerms: invoice.paymentTerms ?? 'card',
      correlationId: event.correlationId,
      deliveryRoundId: invoice.deliveryRoundId ?? null,
      awaitsMerchantConfirmation: invoice.awaitsMerchantConfirmation === true,
    })
    .orIgnore()
    .execute();
}
