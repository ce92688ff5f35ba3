import type { PostalAddress } from '@order-platform/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'customers' })
export class Customer {
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', nullable: true })
  email: string | null;

  @Column({ type: 'text', nullable: true })
  phone: string | null;

  /** Default shipping address on one line, as the checkout API prints it. */
  @Column({ name: 'shipping_address', type: 'text', nullable: true })
  shippingAddress: string | null;

  @Column({ name: 'shipping_postal_address', type: 'jsonb', nullable: true })
  shippingPostalAddress: PostalAddress | null;
}
