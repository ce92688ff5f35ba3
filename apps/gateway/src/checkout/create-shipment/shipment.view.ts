import { ApiProperty } from '@nestjs/swagger';

export class ShipmentView {
  @ApiProperty({ example: 12345678, description: '8 digits' })
  tracking_number: number;
}
