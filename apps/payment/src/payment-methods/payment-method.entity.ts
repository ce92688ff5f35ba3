import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A customer's card on file: the provider's token and masked data only. */
@Entity({ name: 'payment_methods' })
export class PaymentMethodRecord {
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ name: 'customer_id', type: 'text' })
  customerId: string;

  /** Provider token or saved PaymentMethod id, e.g. Stripe's `pm_card_visa`. */
  @Column({ name: 'provider_reference', type: 'text' })
  providerReference: string;

  /** Set when the card is saved under a provider-side customer (charged off-session). */
  @Column({ name: 'provider_customer_id', type: 'text', nullable: true })
  providerCustomerId: string | null;

  @Column({ type: 'text' })
  brand: string;

  @Column({ type: 'char', length: 6, nullable: true })
  first6: string | null;

  @Column({ type: 'char', length: 4 })
  last4: string;

  @Column({ name: 'exp_month', type: 'int' })
  expMonth: number;

  @Column({ name: 'exp_year', type: 'int' })
  expYear: number;

  @Column({ name: 'holder_first_name', type: 'text', nullable: true })
  holderFirstName: string | null;

  @Column({ name: 'holder_last_name', type: 'text', nullable: true })
  holderLastName: string | null;

  @Column({ name: 'is_default', type: 'boolean', default: true })
  isDefault: boolean;
}
