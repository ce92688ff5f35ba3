import { ApiProperty } from '@nestjs/swagger';

export class CartOrderItemView {
  @ApiProperty({ example: '1234' })
  productId: string;

  @ApiProperty({ example: 2 })
  quantity: number;

  @ApiProperty({ example: 50, description: 'Unit price including tax' })
  price: number;
}

/** The checkout API's rendering of a submitted cart. Amounts are decimals, tax included in total. */
export class CartOrderView {
  @ApiProperty({ example: '5f0c6a4e-2d7b-4e8e-9c59-0d7f4a3f1b2c' })
  orderId: string;

  @ApiProperty({ example: 36.0 })
  tax: number;

  @ApiProperty({ example: 164.0 })
  subTotalAmount: number;

  @ApiProperty({ example: 200.0 })
  totalAmount: number;

  @ApiProperty({ type: [CartOrderItemView] })
  items: CartOrderItemView[];

  @ApiProperty({ example: 'pending', enum: ['pending'] })
  status: 'pending';
}
