import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** POST /api/order/shipping.json: ship a paid order to this address. */
export class CreateShipmentDto {
  @ApiProperty({ example: '456' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  orderId: string;

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
}
