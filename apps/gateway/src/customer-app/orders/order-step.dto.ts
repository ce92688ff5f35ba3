import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { Equals, IsBoolean, IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';

export const ORDER_STEPS = ['coupon', 'customerDetails', 'paymentConfirmation', 'restaurantAcceptance', 'restaurantRejection'] as const;
export type OrderStep = (typeof ORDER_STEPS)[number];

/** STEP 1a: attach a coupon. */
export class CouponStepDto {
  @ApiProperty({ enum: ['coupon'] })
  @Equals('coupon')
  step: 'coupon';

  @ApiProperty({ example: 'WELCOME10' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  couponCode: string;
}

export class CustomerDetailsDto {
  @ApiProperty({ example: 'Noa Levi' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: '0541111111' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  phone: string;

  @ApiProperty({ example: 'noa@example.com' })
  @IsEmail()
  email: string;

  @ApiPropertyOptional({ example: '5 Herzl St, Tel Aviv' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  deliveryAddress?: string;
}

/** STEP 2: the customer confirms their details. */
export class CustomerDetailsStepDto {
  @ApiProperty({ enum: ['customerDetails'] })
  @Equals('customerDetails')
  step: 'customerDetails';

  @ApiProperty({ type: CustomerDetailsDto })
  @ValidateNested()
  @Type(() => CustomerDetailsDto)
  customerDetails: CustomerDetailsDto;
}

/** STEP 3: payment confirmation (CARD: the device reports it; CASH: the customer confirms). */
export class PaymentConfirmationStepDto {
  @ApiProperty({ enum: ['paymentConfirmation'] })
  @Equals('paymentConfirmation')
  step: 'paymentConfirmation';

  @ApiProperty({ enum: ['CARD', 'CASH'] })
  @IsIn(['CARD', 'CASH'])
  paymentMethod: 'CARD' | 'CASH';

  @ApiPropertyOptional({ description: 'CASH only: must be true' })
  @IsOptional()
  @IsBoolean()
  cashConfirmed?: boolean;
}

/** STEP 4a: the restaurant accepts. */
export class RestaurantAcceptanceStepDto {
  @ApiProperty({ enum: ['restaurantAcceptance'] })
  @Equals('restaurantAcceptance')
  step: 'restaurantAcceptance';
}

/** STEP 4b: the restaurant rejects, with a reason. */
export class RestaurantRejectionStepDto {
  @ApiProperty({ enum: ['restaurantRejection'] })
  @Equals('restaurantRejection')
  step: 'restaurantRejection';

  @ApiProperty({ example: 'Kitchen closed' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason: string;
}

export type OrderStepBody = CouponStepDto | CustomerDetailsStepDto | PaymentConfirmationStepDto | RestaurantAcceptanceStepDto | RestaurantRejectionStepDto;

export const STEP_DTOS: Record<OrderStep, new () => OrderStepBody> = {
  coupon: CouponStepDto,
  customerDetails: CustomerDetailsStepDto,
  paymentConfirmation: PaymentConfirmationStepDto,
  restaurantAcceptance: RestaurantAcceptanceStepDto,
  restaurantRejection: RestaurantRejectionStepDto,
};
