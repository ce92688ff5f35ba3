import { Controller, Get, Logger, Param, Res } from '@nestjs/common';
import { type CommandReply, type CustomerAppOrderView, httpStatusOf } from '@order-platform/contracts';
import { replyOrUnavailable } from '@order-platform/service-kit';
import type { FastifyReply } from 'fastify';
import { CustomerAppOrdersService } from './customer-app-orders.service';

/**
 * `GET /internal/customer-app-orders/{orderId}`: the customer-app get-order reply over HTTP,
 * for the gateway's `ORDER_READS=http` mode (docs/adr/0003). Internal, like /health and
 * /metrics on the same port: the gateway never routes to it and nothing publishes the port
 * (docker-compose publishes only the gateway; in Kubernetes the cart Service is ClusterIP and
 * the Ingress points at the gateway alone), so only the platform's own network reaches it.
 *
 * The body is the same CommandReply the Kafka handler sends (`{ ok, data }` or
 * `{ ok: false, error }`), from the same service method; the status is the one the gateway
 * would answer for it.
 */
@Controller('internal/customer-app-orders')
export class InternalCustomerAppOrderController {
  private readonly logger = new Logger(InternalCustomerAppOrderController.name);

  constructor(private readonly orders: CustomerAppOrdersService) {}

  @Get(':orderId')
  async getOrder(@Param('orderId') orderId: string, @Res() response: FastifyReply): Promise<void> {
    // The caller's x-correlation-id is already this request's correlation context (service-kit hook).
    const reply: CommandReply<CustomerAppOrderView> = await replyOrUnavailable(this.logger, 'get order', 'cart is unavailable, please retry', () =>
      this.orders.get({ orderId }),
    );
    await response.status(reply.ok ? 200 : httpStatusOf(reply.error.code)).send(reply);
  }
}
