import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsNumber, IsString, MaxLength, Min } from 'class-validator';

/** POST /api/order/payment.json: charge the invoice to the customer's card on file. */
export class ProcessPaymentDto {
  @ApiProperty({ example: '8080' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  customerId: string;

  @ApiProperty({ example: '789' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  invoiceId: string;

  @ApiProperty({ example: 200.0, description: "Must equal the invoice's total" })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0)
  totalAmount: number;
}
