import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsIdentifier, IsShortText } from '../../events/shared/field-rules';

export class CustomerAppOrderLineRequest {
  @IsIdentifier()
  productId: string;

  @IsInt()
  @Min(1)
  @Max(999)
  quantity: number;
}

/** Gateway -> cart (`cart.customer-app-create-order`): a draft order of one restaurant's products. */
export class CreateCustomerAppOrderRequest {
  /** From the caller's token, never from the body. */
  @IsIdentifier()
  customerId: string;

  @IsIdentifier()
  restaurantId: string;

  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => CustomerAppOrderLineRequest)
  lines: CustomerAppOrderLineRequest[];

  @IsOptional()
  @IsShortText(500)
  deliveryAddress?: string;

  @IsOptional()
  @IsShortText(20)
  tableNumber?: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  correlationId?: string;

  /**
   * The HTTP Idempotency-Key header, trimmed: a repeat of the same request by the same customer
   * answers the first draft; the key with a different request is a 422 idempotencyKeyReused.
   */
  @IsOptional()
  @IsShortText(200)
  idempotencyKey?: string;
}
