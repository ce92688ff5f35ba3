import { Column, Entity, PrimaryColumn } from 'typeorm';
import { CurrencyColumn, MoneyColumn } from '@order-platform/persistence';

@Entity({ name: 'products' })
export class Product {
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ type: 'text' })
  name: string;

  /** Unit price including tax. */
  @MoneyColumn({ name: 'unit_price_minor' })
  unitPriceMinor: number;

  @CurrencyColumn()
  currency: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;
}
