import { ApiProperty } from '@nestjs/swagger';

export class NotificationView {
  @ApiProperty({ example: 'OK', enum: ['OK'] })
  status: 'OK';
}
