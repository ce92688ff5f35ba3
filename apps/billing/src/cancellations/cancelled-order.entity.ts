import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * An order billing has seen OrderCancelled for. Kept so that a CartUpdated (or an
 * issue-invoice command) arriving after the cancellation issues no invoice: the events travel
 * on different topics, in any order. One row per order: the first cancellation is kept.
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

  @Column({ name: 'cancelled_at', type: 'timestamptz' })
  cancelledAt: Date;

  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' })
  recordedAt: Date;
}
