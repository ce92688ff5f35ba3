import { Body, Controller, Headers, HttpCode, Post, UseFilters } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Commands, type IssueInvoiceResponse } from '@order-platform/contracts';
import { CheckoutExceptionFilter } from '../checkout-exception.filter';
import { CheckoutApiErrors } from '../shared/checkout-api-errors.decorator';
import { CheckoutCommands, idempotencyKeyOf } from '../shared/checkout-commands';
import { IssueInvoiceDto } from './issue-invoice.dto';
import { INVOICE_FIELD_ALIASES, toInvoiceView, toIssueInvoiceCommand } from './invoice.presenter';
import { InvoiceView } from './invoice.view';

const EXAMPLE_REQUEST = {
  customerId: '8080',
  orderId: '456',
  tax: 36.0,
  subTotalAmount: 164.0,
  totalAmount: 200.0,
  currency: 'USD',
  items: [
    { productId: '1234', quantity: 2, price: 50 },
    { productId: '2345', quantity: 1, price: 100 },
  ],
  name: 'Lital Hay',
  phone: '0545870006',
  shipping_address: '17 boulevard, 123 apt 6 Brooklyn NY',
};

@ApiTags('checkout')
@UseFilters(CheckoutExceptionFilter)
@Controller('api/order')
export class IssueInvoiceController {
  constructor(private readonly commands: CheckoutCommands) {}

  @Post('invoice.json')
  @HttpCode(200)
  @ApiOperation({ summary: "The order's invoice: returns it, or issues it now if billing has not yet" })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Passed to billing; one invoice per order either way' })
  @ApiBody({ type: IssueInvoiceDto, examples: { order456: { value: EXAMPLE_REQUEST } } })
  @ApiOkResponse({ type: InvoiceView, example: { invoiceId: '789', orderId: '456', customerId: '8080', totalAmount: 200.0 } })
  @CheckoutApiErrors({
    badRequest: { error: 'Request validation failed', details: [{ field: 'shipping_address', message: 'should not be empty' }] },
    conflict: { error: 'totals contradict order 456', details: [{ field: 'totalAmount', message: 'order total is 200.00' }] },
  })
  async issueInvoice(@Body() dto: IssueInvoiceDto, @Headers('idempotency-key') idempotencyKey?: string): Promise<InvoiceView> {
    const invoice = await this.commands.send<IssueInvoiceResponse>(
      Commands.Billing.IssueInvoice,
      { ...toIssueInvoiceCommand(dto), ...idempotencyKeyOf(idempotencyKey) },
      dto.orderId,
      INVOICE_FIELD_ALIASES,
    );
    return toInvoiceView(invoice);
  }
}
