import { MoneyColumn } from '@order-platform/persistence';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { InvoiceRecord } from './invoice.entity';

@Entity({ name: 'invoice_lines' })
export class InvoiceLineRecord {
  @PrimaryColumn({ name: 'invoice_id', type: 'uuid' })
  invoiceId: string;

  @PrimaryColumn({ name: 'line_no', type: 'int' })
  lineNo: number;

  @ManyToOne('InvoiceRecord', 'lines', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'invoice_id' })
  invoice: InvoiceRecord;

  @Column({ type: 'text' })
  description: string;

  @Column({ name: 'product_id', type: 'text', nullable: true })
  productId: string | null;

  @Column({ type: 'int' })
  quantity: number;

  @MoneyColumn({ name: 'unit_price_minor' })
  unitPriceMinor: number;

  @MoneyColumn({ name: 'tax_minor' })
  taxMinor: number;

  @MoneyColumn({ name: 'total_minor' })
  totalMinor: number;
}
