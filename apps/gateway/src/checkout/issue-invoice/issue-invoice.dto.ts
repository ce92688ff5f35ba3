import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEmail,
  IsISO4217CurrencyCode,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { CartItemDto } from '../submit-cart/submit-cart.dto';

const money = { allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 } as const;

/** POST /api/order/invoice.json: the order's totals and who to bill and ship to. */
export class IssueInvoiceDto {
  @ApiProperty({ example: '8080' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  customerId: string;

  @ApiProperty({ example: '456' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  orderId: string;

  @ApiProperty({ example: 36.0, description: 'Tax included in totalAmount' })
  @IsNumber(money)
  @Min(0)
  tax: number;

  @ApiProperty({ example: 164.0 })
  @IsNumber(money)
  @Min(0)
  subTotalAmount: number;

  @ApiProperty({ example: 200.0 })
  @IsNumber(money)
  @Min(0)
  totalAmount: number;

  @ApiProperty({ example: 'USD' })
  @IsISO4217CurrencyCode()
  currency: string;

  @ApiProperty({ type: [CartItemDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => CartItemDto)
  items: CartItemDto[];

  @ApiProperty({ example: 'Lital Hay' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: '0545870006' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  phone: string;

  @ApiProperty({ example: '17 boulevard, 123 apt 6 Brooklyn NY' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  shipping_address: string;

  @ApiPropertyOptional({ example: 'lital@example.com' })
  @IsOptional()
  @IsEmail()
  email?: string;
}
