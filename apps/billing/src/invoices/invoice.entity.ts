import { CurrencyColumn, MoneyColumn } from '@order-platform/persistence';
import { Column, Entity, OneToMany, PrimaryColumn } from 'typeorm';
import { InvoiceLineRecord } from './invoice-line.entity';

export type InvoiceStatus = 'issued' | 'voided';

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

  @OneToMany(() => InvoiceLineRecord, (line) => line.invoice, { cascade: ['insert'] })
  lines: InvoiceLineRecord[];
}
