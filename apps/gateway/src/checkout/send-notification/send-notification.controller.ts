import { Body, Controller, Headers, HttpCode, Post, UseFilters } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Commands, type SendNotificationResponse } from '@order-platform/contracts';
import { CheckoutExceptionFilter } from '../checkout-exception.filter';
import { CheckoutApiErrors } from '../shared/checkout-api-errors.decorator';
import { CheckoutCommands, idempotencyKeyOf } from '../shared/checkout-commands';
import { NotificationView } from './notification.view';
import { SendNotificationDto } from './send-notification.dto';

@ApiTags('checkout')
@UseFilters(CheckoutExceptionFilter)
@Controller('api/order')
export class SendNotificationController {
  constructor(private readonly commands: CheckoutCommands) {}

  @Post('email.json')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send an informational email about an order event' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A repeated request with the same key sends no second email' })
  @ApiBody({ type: SendNotificationDto, examples: { invoiceCreated: { value: { event: 'InvoiceCreated', name: 'Lital Hay', email: 'lital@example.com' } } } })
  @ApiOkResponse({ type: NotificationView, example: { status: 'OK' } })
  @CheckoutApiErrors({ badRequest: { error: 'Request validation failed', details: [{ field: 'email', message: 'must be an email' }] } })
  async sendNotification(@Body() dto: SendNotificationDto, @Headers('idempotency-key') idempotencyKey?: string): Promise<NotificationView> {
    await this.commands.send<SendNotificationResponse>(
      Commands.Email.SendNotification,
      { event: dto.event, name: dto.name, email: dto.email, ...idempotencyKeyOf(idempotencyKey) },
      dto.email,
    );
    return { status: 'OK' };
  }
}
