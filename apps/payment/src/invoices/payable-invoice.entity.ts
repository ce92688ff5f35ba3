import type { PaymentTerms } from '@order-platform/contracts';
import { CurrencyColumn, MoneyColumn } from '@order-platform/persistence';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Payment's projection of InvoiceCreated: what to charge, whom, on which terms, and what shipment must wait for. */
@Entity({ name: 'payable_invoices' })
export class PayableInvoiceRecord {
  @PrimaryColumn({ name: 'invoice_id', type: 'text' })
  invoiceId: string;

  @Column({ name: 'order_id', type: 'text' })
  orderId: string;

  @Column({ name: 'customer_id', type: 'text' })
  customerId: string;

  @Column({ name: 'invoice_number', type: 'text' })
  invoiceNumber: string;

  @CurrencyColumn()
  currency: string;

  @MoneyColumn({ name: 'total_minor' })
  totalMinor: number;

  @Column({ name: 'payment_terms', type: 'text' })
  paymentTerms: PaymentTerms;

  /** The order flow's correlation id, carried on every event payment publishes for it. */
  @Column({ name: 'correlation_id', type: 'text' })
  correlationId: string;

  // Shipping holds, passed on in PaymentProcessed: shipment may see the payment before the invoice.
  /** The group delivery round the order ships with. */
  @Column({ name: 'delivery_round_id', type: 'text', nullable: true })
  deliveryRoundId: string | null;

  /** The merchant must accept the order before it ships. */
  @Column({ name: 'awaits_merchant_confirmation', type: 'boolean', default: false })
  awaitsMerchantConfirmation: boolean;
}
