import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { IsIdentifier, IsMinorAmount, IsShortText } from './field-rules';

/** One priced line of an order, as the cart computed it. */
export class OrderLine {
  @IsIdentifier()
  productId: string;

  @IsOptional()
  @IsShortText(200)
  name?: string;

  @IsInt()
  @Min(1)
  @Max(100000)
  quantity: number;

  @IsMinorAmount()
  unitPriceMinor: number;

  /** VAT/sales-tax rate in basis points (1900 = 19 %). */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10000)
  taxRateBasisPoints?: number;

  @IsOptional()
  @IsMinorAmount()
  lineTotalMinor?: number;
}
