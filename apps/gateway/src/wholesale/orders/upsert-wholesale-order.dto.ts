import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { WHOLESALE_DELIVERY_METHODS, WHOLESALE_FIELD_LIMITS as LIMIT, WHOLESALE_ORDER_TYPES } from '@order-platform/contracts';

/** Required when the order is delivered; otherwise validated only when given. */
function requiredForDelivery(field: keyof UpsertWholesaleOrderDto) {
  return ValidateIf((dto: UpsertWholesaleOrderDto) => dto.delivery_method === 'DELIVER' || (dto[field] != null && dto[field] !== ''));
}

export class WholesaleOrderProductDto {
  @ApiProperty({ example: 'VFR8CW', maxLength: LIMIT.productCode })
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMIT.productCode)
  product_code: string;

  @ApiProperty({ example: 10, minimum: 1, maximum: LIMIT.maxQuantity })
  @IsInt()
  @Min(1)
  @Max(LIMIT.maxQuantity)
  quantity: number;
}

/** Body of POST /apis/customer/orders. Empty strings mean "not given" and come back as null. */
export class UpsertWholesaleOrderDto {
  @ApiProperty({ example: 'MLA-API #23456', maxLength: LIMIT.customerOrderNo, description: 'Your reference; unique per customer. Posting it again updates the OPEN order.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMIT.customerOrderNo)
  customer_order_no: string;

  @ApiProperty({ example: 'WHOLESALE', enum: WHOLESALE_ORDER_TYPES })
  @IsIn(WHOLESALE_ORDER_TYPES)
  order_type: string;

  @ApiProperty({ example: 'DELIVER', enum: WHOLESALE_DELIVERY_METHODS, description: 'DELIVER requires address1, town, postcode and country code' })
  @IsIn(WHOLESALE_DELIVERY_METHODS)
  delivery_method: string;

  @ApiPropertyOptional({ example: '', nullable: true, maxLength: LIMIT.deliveryName })
  @IsOptional()
  @IsString()
  @MaxLength(LIMIT.deliveryName)
  delivery_name?: string | null;

  @ApiPropertyOptional({ example: 'ML Accessories Limited', nullable: true, maxLength: LIMIT.deliveryCompanyName })
  @IsOptional()
  @IsString()
  @MaxLength(LIMIT.deliveryCompanyName)
  delivery_company_name?: string | null;

  @ApiPropertyOptional({ example: 'Unit 4 Foster Avenue', nullable: true, maxLength: LIMIT.deliveryAddress1 })
  @requiredForDelivery('delivery_address1')
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMIT.deliveryAddress1)
  delivery_address1?: string | null;

  @ApiPropertyOptional({ example: 'Woodside Park', nullable: true, maxLength: LIMIT.deliveryAddress2 })
  @IsOptional()
  @IsString()
  @MaxLength(LIMIT.deliveryAddress2)
  delivery_address2?: string | null;

  @ApiPropertyOptional({ example: 'Dunstable', nullable: true, maxLength: LIMIT.deliveryTown })
  @requiredForDelivery('delivery_town')
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMIT.deliveryTown)
  delivery_town?: string | null;

  @ApiPropertyOptional({ example: 'Bedfordshire', nullable: true, maxLength: LIMIT.deliveryCounty })
  @IsOptional()
  @IsString()
  @MaxLength(LIMIT.deliveryCounty)
  delivery_county?: string | null;

  @ApiPropertyOptional({ example: 'GB', nullable: true, description: 'ISO 3166-1 alpha-2' })
  @requiredForDelivery('delivery_country_code')
  @IsString()
  @Matches(/^[A-Za-z]{2}$/, { message: 'must be a two-letter country code such as GB' })
  delivery_country_code?: string | null;

  @ApiPropertyOptional({ example: 'LU5 5TA', nullable: true, maxLength: LIMIT.deliveryPostcode })
  @requiredForDelivery('delivery_postcode')
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMIT.deliveryPostcode)
  delivery_postcode?: string | null;

  @ApiPropertyOptional({ example: '01582 88 77 60', nullable: true, maxLength: LIMIT.deliveryTelephone })
  @IsOptional()
  @IsString()
  @MaxLength(LIMIT.deliveryTelephone)
  delivery_telephone?: string | null;

  @ApiPropertyOptional({ example: 'Deliver to office.', nullable: true, maxLength: LIMIT.notes })
  @IsOptional()
  @IsString()
  @MaxLength(LIMIT.notes)
  notes?: string | null;

  @ApiProperty({
    type: [WholesaleOrderProductDto],
    example: [
      { product_code: 'VFR8CW', quantity: 10 },
      { product_code: 'VFR8BEZMW', quantity: 5 },
      { product_code: 'VFR8BEZCBR', quantity: 5 },
    ],
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(LIMIT.maxProducts)
  @ValidateNested({ each: true })
  @Type(() => WholesaleOrderProductDto)
  products: WholesaleOrderProductDto[];
}
