import { Column, CreateDateColumn, Entity, OneToMany, PrimaryColumn } from 'typeorm';
import { CurrencyColumn, MoneyColumn } from '@order-platform/persistence';
import { OrderLineRecord } from './order-line.entity';

export type CartOrderStatus = 'submitted';

/** A submitted cart: the order every other service starts from. */
@Entity({ name: 'orders' })
export class OrderRecord {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  /** The client's cart id (or Idempotency-Key); unique, so a retried submit finds its order. */
  @Column({ name: 'cart_id', type: 'text', unique: true })
  cartId: string;

  @Column({ name: 'customer_id', type: 'text' })
  customerId: string;

  @Column({ type: 'text' })
  channel: string;

  @CurrencyColumn()
  currency: string;

  @MoneyColumn({ name: 'subtotal_minor' })
  subtotalMinor: number;

  @MoneyColumn({ name: 'tax_minor' })
  taxMinor: number;

  @MoneyColumn({ name: 'total_minor' })
  totalMinor: number;

  @Column({ type: 'text' })
  status: CartOrderStatus;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @OneToMany(() => OrderLineRecord, (line) => line.order, { cascade: ['insert'] })
  lines: OrderLineRecord[];
}
