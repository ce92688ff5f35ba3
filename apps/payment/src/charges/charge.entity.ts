import { CurrencyColumn, MoneyColumn } from '@order-platform/persistence';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export type ChargeStatus = 'attempting' | 'succeeded' | 'declined';
export type ChargeMethod = 'card' | 'account' | 'cash';

/**
 * One charge per invoice (invoice_id unique). Written as `attempting` with its idempotency key
 * BEFORE the provider is called, so every retry (and a restart after a crash) reuses the key.
 */
@Entity({ name: 'charges' })
export class ChargeRecord {
  /** Numeric transaction id from a sequence starting at 1071573807. */
  @PrimaryColumn({ name: 'transaction_id', type: 'bigint', transformer: { to: (v: unknown) => v, from: (v: string) => Number(v) } })
  transactionId: number;

  @Column({ name: 'invoice_id', type: 'text', unique: true })
  invoiceId: string;

  @Column({ name: 'order_id', type: 'text' })
  orderId: string;

  @Column({ name: 'customer_id', type: 'text' })
  customerId: string;

  @MoneyColumn({ name: 'amount_minor' })
  amountMinor: number;

  @CurrencyColumn()
  currency: string;

  @Column({ type: 'text' })
  method: ChargeMethod;

  @Column({ type: 'text' })
  provider: string;

  @Column({ name: 'idempotency_key', type: 'text', unique: true })
  idempotencyKey: string;

  @Column({ type: 'text' })
  status: ChargeStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ name: 'payment_method_id', type: 'text', nullable: true })
  paymentMethodId: string | null;

  @Column({ name: 'provider_charge_id', type: 'text', nullable: true })
  providerChargeId: string | null;

  @Column({ name: 'card_brand', type: 'text', nullable: true })
  cardBrand: string | null;

  @Column({ name: 'card_first6', type: 'char', length: 6, nullable: true })
  cardFirst6: string | null;

  @Column({ name: 'card_last4', type: 'char', length: 4, nullable: true })
  cardLast4: string | null;

  @Column({ name: 'card_exp_month', type: 'int', nullable: true })
  cardExpMonth: number | null;

  @Column({ name: 'card_exp_year', type: 'int', nullable: true })
  cardExpYear: number | null;

  @Column({ name: 'card_holder_first_name', type: 'text', nullable: true })
  cardHolderFirstName: string | null;

  @Column({ name: 'card_holder_last_name', type: 'text', nullable: true })
  cardHolderLastName: string | null;

  @Column({ name: 'decline_code', type: 'text', nullable: true })
  declineCode: string | null;

  @Column({ name: 'decline_message', type: 'text', nullable: true })
  declineMessage: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;
}
