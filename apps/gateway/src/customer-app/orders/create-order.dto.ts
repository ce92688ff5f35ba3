import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';

export class OrderLineDto {
  @ApiProperty({ example: 'margherita' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  productId: string;

  @ApiProperty({ example: 2, minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(999)
  quantity: number;
}

/**
 * STEP 1 body. `POST /orders` will also create group orders: a body carrying
 * `foodRushDurationInMinutes` is a group order and is dispatched elsewhere (see docs).
 */
export class CreateOrderDto {
  @ApiProperty({ example: '9' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  restaurantId: string;

  @ApiProperty({ type: [OrderLineDto] })
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => OrderLineDto)
  lines: OrderLineDto[];

  @ApiPropertyOptional({ example: '5 Herzl St, Tel Aviv', description: 'Delivery address, or tableNumber for dine-in' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  deliveryAddress?: string;

  @ApiPropertyOptional({ example: 'A4' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(20)
  tableNumber?: string;
}
