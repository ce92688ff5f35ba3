import { ApiProperty } from '@nestjs/swagger';

export class CreditCardView {
  @ApiProperty({ example: 'Bob', nullable: true })
  first_name: string | null;

  @ApiProperty({ example: 'Norman', nullable: true })
  last_name: string | null;

  @ApiProperty({ example: '424242', nullable: true })
  first_digits: string | null;

  @ApiProperty({ example: '4242' })
  last_digits: string;

  @ApiProperty({ example: 'visa' })
  brand: string;

  @ApiProperty({ example: 9 })
  expiry_month: number;

  @ApiProperty({ example: 2024 })
  expiry_year: number;

  @ApiProperty({ example: 8080, oneOf: [{ type: 'integer' }, { type: 'string' }] })
  customer_id: number | string;
}

export class PaymentDetailsView {
  @ApiProperty({ example: '2023-10-12T07:05:27-04:00', description: 'ISO 8601 with offset' })
  completed_at: string;

  @ApiProperty({ example: '2023-10-12T07:05:27-04:00', description: 'ISO 8601 with offset' })
  created_at: string;

  @ApiProperty({ example: 'USD' })
  currency: string;

  @ApiProperty({ example: 8080, oneOf: [{ type: 'integer' }, { type: 'string' }] })
  customer_id: number | string;

  @ApiProperty({ example: '200.0', description: 'Decimal string with at least one fractional digit' })
  amount: string;
}

export class PaymentView {
  @ApiProperty({ example: 1071573807 })
  transactionId: number;

  @ApiProperty({ type: CreditCardView, nullable: true, description: 'null when settled on account (no card)' })
  credit_card: CreditCardView | null;

  @ApiProperty({ type: PaymentDetailsView })
  payment: PaymentDetailsView;
}

export const PAYMENT_EXAMPLE: PaymentView = {
  transactionId: 1071573807,
  credit_card: {
    first_name: 'Bob',
    last_name: 'Norman',
    first_digits: '424242',
    last_digits: '4242',
    brand: 'visa',
    expiry_month: 9,
    expiry_year: 2024,
    customer_id: 8080,
  },
  payment: {
    completed_at: '2023-10-12T07:05:27-04:00',
    created_at: '2023-10-12T07:05:27-04:00',
    currency: 'USD',
    customer_id: 8080,
    amount: '200.0',
  },
};
