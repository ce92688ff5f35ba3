import { Body, Controller, Headers, HttpCode, Post, UseFilters } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Commands, type CreateShipmentResponse } from '@order-platform/contracts';
import { CheckoutExceptionFilter } from '../checkout-exception.filter';
import { CheckoutApiErrors } from '../shared/checkout-api-errors.decorator';
import { CheckoutCommands, idempotencyKeyOf } from '../shared/checkout-commands';
import { CreateShipmentDto } from './create-shipment.dto';
import { SHIPMENT_FIELD_ALIASES, toCreateShipmentCommand, toShipmentView } from './shipment.presenter';
import { ShipmentView } from './shipment.view';

@ApiTags('checkout')
@UseFilters(CheckoutExceptionFilter)
@Controller('api/order')
export class CreateShipmentController {
  constructor(private readonly commands: CheckoutCommands) {}

  @Post('shipping.json')
  @HttpCode(200)
  @ApiOperation({ summary: "Ship a paid order; a repeated call returns the same tracking number" })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Passed to shipment; one shipment per order either way' })
  @ApiBody({
    type: CreateShipmentDto,
    examples: { order456: { value: { orderId: '456', name: 'Lital Hay', phone: '0545870006', shipping_address: '17 boulevard, 123 apt 6 Brooklyn NY' } } },
  })
  @ApiOkResponse({ type: ShipmentView, example: { tracking_number: 12345678 } })
  @CheckoutApiErrors({
    notFound: { error: 'Order 456 not found', details: [] },
    conflict: { error: 'Order 456 has not been paid', details: [] },
  })
  async createShipment(@Body() dto: CreateShipmentDto, @Headers('idempotency-key') idempotencyKey?: string): Promise<ShipmentView> {
    const shipment = await this.commands.send<CreateShipmentResponse>(
      Commands.Shipment.CreateShipment,
      { ...toCreateShipmentCommand(dto), ...idempotencyKeyOf(idempotencyKey) },
      dto.orderId,
      SHIPMENT_FIELD_ALIASES,
    );
    return toShipmentView(shipment);
  }
}
