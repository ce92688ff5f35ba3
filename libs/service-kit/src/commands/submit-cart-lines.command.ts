import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, Max, Min, ValidateNested } from 'class-validator';
import {
  IsIdentifier,
  IsMinorAmount,
  OrderLine,
  SubmitCartRequest,
  SubmitCartResponse,
} from '@order-platform/contracts';

/*
 * The checkout API submits the cart's lines with the command itself. These classes extend the
 * shared contract (libs/contracts) with those lines and the priced result; they belong there
 * and move when the contract gains them.
 */

export class SubmitCartLine {
  @IsIdentifier()
  productId: string;

  @IsInt()
  @Min(1)
  @Max(1000)
  quantity: number;

  /** The unit price (tax included) the client saw; the cart checks it against its catalog. */
  @IsMinorAmount()
  unitPriceMinor: number;
}

export class SubmitCartWithLinesRequest extends SubmitCartRequest {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => SubmitCartLine)
  items: SubmitCartLine[];
}

export class SubmittedCartResponse extends SubmitCartResponse {
  @IsIdentifier()
  customerId: string;

  @ValidateNested({ each: true })
  @Type(() => OrderLine)
  items: OrderLine[];

  @IsMinorAmount()
  subtotalMinor: number;

  @IsMinorAmount()
  taxMinor: number;
}
