import type { CheckoutStatus } from '@order-platform/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An order as clients track it; the status is always re-derived from its timeline. */
@Entity({ name: 'orders' })
export class OrderView {
  @PrimaryColumn({ name: 'order_id', type: 'text' })
  orderId: string;

  @Column({ type: 'text' })
  status: CheckoutStatus;

  @Column({ name: 'cancellation_reason', type: 'text', nullable: true })
  cancellationReason: string | null;

  @Column({ name: 'customer_id', type: 'text', nullable: true })
  customerId: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
