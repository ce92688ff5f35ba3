import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * An order payment has seen OrderCancelled for. Kept so that an invoice arriving after the
 * cancellation is not charged (the two events travel on different topics, in any order).
 * One row per order: the first cancellation is the one kept. A charge that was still settling
 * when the cancellation came is refunded by its settle step on the strength of this row.
 */
@Entity({ name: 'cancelled_orders' })
export class CancelledOrderRecord {
  @PrimaryColumn({ name: 'order_id', type: 'text' })
  orderId: string;

  @Column({ type: 'text' })
  reason: string;

  @Column({ name: 'cancelled_by', type: 'text' })
  cancelledBy: string;

  @Column({ name: 'cancellation_event_id', type: 'text' })
  cancellationEventId: string;

  /** The cancellation's trace, carried by a PaymentRefunded the charge's settle step emits. Null on rows older than the column. */
  @Column({ name: 'correlation_id', type: 'text', nullable: true })
  correlationId: string | null;

  @Column({ name: 'cancelled_at', type: 'timestamptz' })
  cancelledAt: Date;

  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' })
  recordedAt: Date;
}
