import { ApiProperty } from '@nestjs/swagger';

export class CheckoutFieldErrorView {
  @ApiProperty({ example: 'items[0].quantity' })
  field: string;

  @ApiProperty({ example: 'must not be less than 1' })
  message: string;
}

/** The checkout family's error body for 400, 404 and 409 alike. */
export class CheckoutErrorView {
  @ApiProperty({ example: 'Request validation failed' })
  error: string;

  @ApiProperty({ type: [CheckoutFieldErrorView] })
  details: CheckoutFieldErrorView[];
}
