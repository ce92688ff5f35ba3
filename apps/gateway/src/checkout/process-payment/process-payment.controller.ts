import { Body, Controller, Headers, HttpCode, HttpException, HttpStatus, Post, UseFilters } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Commands, type ProcessPaymentResponse } from '@order-platform/contracts';
import { CheckoutExceptionFilter } from '../checkout-exception.filter';
import { CheckoutErrorView } from '../shared/checkout-error.view';
import { CheckoutApiErrors } from '../shared/checkout-api-errors.decorator';
import { CheckoutCommands, idempotencyKeyOf } from '../shared/checkout-commands';
import { PAYMENT_FIELD_ALIASES, toPaymentView, toProcessPaymentCommand } from './payment.presenter';
import { PAYMENT_EXAMPLE, PaymentView } from './payment.view';
import { ProcessPaymentDto } from './process-payment.dto';

@ApiTags('checkout')
@UseFilters(CheckoutExceptionFilter)
@Controller('api/order')
export class ProcessPaymentController {
  constructor(private readonly commands: CheckoutCommands) {}

  @Post('payment.json')
  @HttpCode(200)
  @ApiOperation({ summary: "Charge the invoice to the customer's card on file; a repeated call returns the same charge" })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Passed to payment; one charge per invoice either way' })
  @ApiBody({ type: ProcessPaymentDto, examples: { invoice789: { value: { customerId: '8080', invoiceId: '789', totalAmount: 200.0 } } } })
  @ApiOkResponse({ type: PaymentView, example: PAYMENT_EXAMPLE })
  @ApiResponse({ status: 402, description: 'The card was declined', type: CheckoutErrorView, example: { error: 'Payment declined', details: [] } })
  @CheckoutApiErrors({
    notFound: { error: 'Invoice 789 not found', details: [] },
    conflict: { error: 'amount does not match the invoice total', details: [{ field: 'totalAmount', message: 'invoice total is 200.00' }] },
  })
  async processPayment(@Body() dto: ProcessPaymentDto, @Headers('idempotency-key') idempotencyKey?: string): Promise<PaymentView> {
    const charge = await this.commands.send<ProcessPaymentResponse>(
      Commands.Payment.ProcessPayment,
      { ...toProcessPaymentCommand(dto), ...idempotencyKeyOf(idempotencyKey) },
      dto.invoiceId,
      PAYMENT_FIELD_ALIASES,
    );
    if (charge.status === 'declined') {
      throw new HttpException('Payment declined', HttpStatus.PAYMENT_REQUIRED);
    }
    return toPaymentView(charge);
  }
}
