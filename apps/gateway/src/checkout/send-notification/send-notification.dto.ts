import { ApiProperty } from '@nestjs/swagger';
import { NOTIFIABLE_EVENTS } from '@order-platform/contracts';
import { IsEmail, IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** POST /api/order/email.json: an informational email about an order event. */
export class SendNotificationDto {
  @ApiProperty({ example: 'InvoiceCreated', enum: NOTIFIABLE_EVENTS })
  @IsIn(NOTIFIABLE_EVENTS)
  event: string;

  @ApiProperty({ example: 'Lital Hay' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: 'lital@example.com' })
  @IsEmail()
  @MaxLength(320)
  email: string;
}
