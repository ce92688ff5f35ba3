import type { PaymentTerms, PostalAddress } from '@order-platform/contracts';
import { CurrencyColumn, MoneyColumn } from '@order-platform/persistence';
import { Column, Entity, OneToMany, PrimaryColumn } from 'typeorm';
import { InvoiceLineRecord } from './invoice-line.entity';

export type InvoiceStatus = 'issued' | 'voided';
/** Which path created the invoice: CartUpdated or the billing.issue-invoice command. */
export type InvoiceSource = 'event' | 'command';

/** One invoice per order (order_id is unique): a redelivered CartUpdated cannot bill twice. */
@Entity({ name: 'invoices' })
export class InvoiceRecord {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'order_id', type: 'text', unique: true })
  orderId: string;

  @Column({ name: 'customer_id', type: 'text' })
  customerId: string;

  @Column({ type: 'text', unique: true })
  number: string;

  @CurrencyColumn()
  currency: string;

  @MoneyColumn({ name: 'subtotal_minor' })
  subtotalMinor: number;

  @MoneyColumn({ name: 'tax_minor' })
  taxMinor: number;

  @MoneyColumn({ name: 'total_minor' })
  totalMinor: number;

  @Column({ type: 'text' })
  status: InvoiceStatus;

  @Column({ name: 'issued_at', type: 'timestamptz' })
  issuedAt: Date;

  @Column({ name: 'customer_name', type: 'text', nullable: true })
  customerName: string | null;

  @Column({ name: 'customer_email', type: 'text', nullable: true })
  customerEmail: string | null;

  @Column({ name: 'customer_phone', type: 'text', nullable: true })
  customerPhone: string | null;

  @Column({ name: 'shipping_address', type: 'text', nullable: true })
  shippingAddress: string | null;

  @Column({ name: 'delivery_address', type: 'jsonb', nullable: true })
  deliveryAddress: PostalAddress | null;

  @Column({ name: 'payment_terms', type: 'text', default: 'card' })
  paymentTerms: PaymentTerms;

  @Column({ type: 'text', default: 'event' })
  source: InvoiceSource;

  /** Set for a group order's member: the delivery round it ships with. */
  @Column({ name: 'delivery_round_id', type: 'text', nullable: true })
  deliveryRoundId: string | null;

  /** Set for an order the merchant must accept first: shipment holds it until OrderConfirmed. */
  @Column({ name: 'awaits_merchant_confirmation', type: 'boolean', default: false })
  awaitsMerchantConfirmation: boolean;

  @Column({ name: 'voided_at', type: 'timestamptz', nullable: true })
  voidedAt: Date | null;

  @Column({ name: 'void_reason', type: 'text', nullable: true })
  voidReason: string | null;

  @OneToMany(() => InvoiceLineRecord, (line) => line.invoice, { cascade: ['insert'] })
  lines: InvoiceLineRecord[];
}
