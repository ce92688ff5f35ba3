import { CurrencyColumn, MoneyColumn } from '@order-platform/persistence';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export type RefundStatus = 'succeeded' | 'failed';

/**
 * The refund of a cancelled order's card charge: at most one per charge
 * (charge_transaction_id unique). Written in the same transaction as its PaymentRefunded
 * outbox row, after the provider answered.
 */
@Entity({ name: 'refunds' })
export class RefundRecord {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'charge_transaction_id', type: 'bigint', unique: true, transformer: { to: (v: unknown) => v, from: (v: string) => Number(v) } })
  chargeTransactionId: number;

  @Column({ name: 'order_id', type: 'text' })
  orderId: string;

  @MoneyColumn({ name: 'amount_minor' })
  amountMinor: number;

  @CurrencyColumn()
  currency: string;

  @Column({ name: 'idempotency_key', type: 'text', unique: true })
  idempotencyKey: string;

  @Column({ type: 'text' })
  status: RefundStatus;

  @Column({ name: 'provider_refund_id', type: 'text', nullable: true })
  providerRefundId: string | null;

  @Column({ name: 'failure_code', type: 'text', nullable: true })
  failureCode: string | null;

  @Column({ name: 'failure_message', type: 'text', nullable: true })
  failureMessage: string | null;

  /** The cancellation's reason, as the customer was told. */
  @Column({ type: 'text' })
  reason: string;

  @Column({ name: 'cancellation_event_id', type: 'text' })
  cancellationEventId: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
