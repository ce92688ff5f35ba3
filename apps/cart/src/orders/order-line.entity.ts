import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { MoneyColumn } from '@order-platform/persistence';
import type { OrderRecord } from './order.entity';

@Entity({ name: 'order_lines' })
export class OrderLineRecord {
  @PrimaryColumn({ name: 'order_id', type: 'uuid' })
  orderId: string;

  @PrimaryColumn({ name: 'line_no', type: 'int' })
  lineNo: number;

  @ManyToOne('OrderRecord', 'lines', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'order_id' })
  order: OrderRecord;

  @Column({ name: 'product_id', type: 'text' })
  productId: string;

  @Column({ type: 'int' })
  quantity: number;

  @MoneyColumn({ name: 'unit_price_minor' })
  unitPriceMinor: number;

  @MoneyColumn({ name: 'line_total_minor' })
  lineTotalMinor: number;
}
