import { Controller, Get, Inject, Param, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiQuery, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppAuthGuard } from '../../auth/app-auth.guard';
import { CustomerAppExceptionFilter } from '../customer-app-exception.filter';
import { OrderTrackingService } from './order-tracking.service';
import { TRACKING_ACCESS_POLICY, type TrackingAccessPolicy } from './tracking-access.policy';

/**
 * Live order tracking over Server-Sent Events. The app's bearer token is checked by the guard
 * (`?access_token=` is promoted to the Authorization header before guards run, for EventSource
 * clients that cannot set headers); ownership (the order's customer or its restaurant) by the
 * TRACKING_ACCESS_POLICY once the order is known.
 */
@ApiTags('customer-app')
@ApiBearerAuth()
@UseGuards(AppAuthGuard)
@UseFilters(CustomerAppExceptionFilter)
@Controller('orders')
export class OrderTrackingController {
  constructor(
    private readonly tracking: OrderTrackingService,
    @Inject(TRACKING_ACCESS_POLICY) private readonly policy: TrackingAccessPolicy,
  ) {}

  @Get(':order_id/events')
  @ApiOperation({
    summary: "Streams the order's status changes (text/event-stream)",
    description:
      'First `event: snapshot` (the current status and timeline), then one event per order event ' +
      '(`id:` event id, `event:` type, `data:` {orderId, type, occurredAt, status}); `: keep-alive` comments ' +
      'keep the connection open. EventSource clients may pass the bearer token as `?access_token=`.',
  })
  @ApiParam({ name: 'order_id', example: '456' })
  @ApiQuery({ name: 'access_token', required: false, description: 'Bearer token for clients that cannot set headers' })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ description: 'An endless event stream', content: { 'text/event-stream': { schema: { type: 'string' } } } })
  @ApiUnauthorizedResponse({ description: 'No valid bearer token', schema: { example: { errorKey: 'unauthenticated', message: 'A bearer token is required (Authorization: Bearer <token>).' } } })
  @ApiNotFoundResponse({ description: 'Unknown order', schema: { example: { errorKey: 'not_found', message: 'Order 456 not found' } } })
  @ApiForbiddenResponse({ description: "Not the order's customer or restaurant", schema: { example: { errorKey: 'wrongAuthenticatedUser', message: 'Should be authenticated as customer 5 instead of 6.' } } })
  async streamOrderEvents(@Param('order_id') orderId: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const subscription = this.tracking.prepare(orderId);
    try {
      const order = await this.tracking.snapshot(orderId);
      const denial = await this.policy.denialOf(request, order);
      if (denial) {
        subscription.cancel();
        await reply.status(403).send({ errorKey: 'wrongAuthenticatedUser', message: denial });
        return;
      }
      subscription.start(order, reply);
    } catch (error) {
      subscription.cancel();
      throw error;
    }
  }
}
