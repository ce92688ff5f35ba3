import { Controller, Get, Param, UseFilters } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { OrderReads } from '../../order-reads/order-reads';
import { CheckoutExceptionFilter } from '../checkout-exception.filter';
import { CheckoutApiErrors } from '../shared/checkout-api-errors.decorator';
import { toOrderStatusView } from './order-status.presenter';
import { OrderStatusView } from './order-status.view';

@ApiTags('checkout')
@UseFilters(CheckoutExceptionFilter)
@Controller('api/order')
export class GetOrderStatusController {
  constructor(private readonly orders: OrderReads) {}

  @Get(':orderId.json')
  @ApiOperation({ summary: "The order's checkout status and the timeline of events that moved it" })
  @ApiParam({ name: 'orderId', example: '456' })
  @ApiOkResponse({
    type: OrderStatusView,
    example: {
      orderId: '456',
      status: 'cancelled',
      cancellationReason: 'Your card was declined.',
      timeline: [
        { step: 'CartUpdated', at: '2026-01-15T10:00:00+00:00', eventId: 'e1', details: { totalMinor: 20000, currency: 'USD' } },
        { step: 'PaymentFailed', at: '2026-01-15T10:02:00+00:00', eventId: 'e2', details: { reasonCode: 'card_declined' } },
        { step: 'OrderCancelled', at: '2026-01-15T10:02:01+00:00', eventId: 'e3', details: { cancelledBy: 'system' } },
      ],
    },
  })
  @CheckoutApiErrors({ notFound: { error: 'Order 456 not found', details: [] } })
  async getOrderStatus(@Param('orderId') orderId: string): Promise<OrderStatusView> {
    return toOrderStatusView(await this.orders.getOrder(orderId));
  }
}
