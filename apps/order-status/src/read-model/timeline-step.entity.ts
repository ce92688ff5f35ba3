import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One event that moved an order. event_id is unique: a redelivered event adds no second step. */
@Entity({ name: 'order_timeline' })
export class TimelineStepRecord {
  /** Arrival order; breaks ties between steps with the same event time. */
  @PrimaryGeneratedColumn({ type: 'bigint' })
  seq: string;

  @Column({ name: 'order_id', type: 'text' })
  orderId: string;

  @Column({ name: 'event_id', type: 'text', unique: true })
  eventId: string;

  @Column({ type: 'text' })
  step: string;

  @Column({ type: 'timestamptz' })
  at: Date;

  @Column({ type: 'jsonb' })
  details: Record<string, unknown>;
}
