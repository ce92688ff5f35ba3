import { Controller, Get, Param, Res } from '@nestjs/common';
import { type CommandReply, type GetOrderResponse, httpStatusOf } from '@order-platform/contracts';
import type { FastifyReply } from 'fastify';
import { GetOrderService } from './get-order.service';

/**
 * `GET /internal/orders/{orderId}`: the get-order reply over HTTP, for the gateway's
 * `ORDER_READS=http` mode (docs/adr/0003). Internal, like /health and /metrics on the same
 * port: the gateway never routes to it and nothing publishes the port (docker-compose
 * publishes only the gateway; in Kubernetes the order-status Service is ClusterIP and the
 * Ingress points at the gateway alone), so only the platform's own network reaches it.
 *
 * The body is the same CommandReply the Kafka handler sends (`{ ok, data }` or
 * `{ ok: false, error }`); the status is the one the gateway would answer for it.
 */
@Controller('internal/orders')
export class InternalGetOrderController {
  constructor(private readonly service: GetOrderService) {}

  @Get(':orderId')
  async getOrder(@Param('orderId') orderId: string, @Res() response: FastifyReply): Promise<void> {
    // The caller's x-correlation-id is already this request's correlation context (service-kit hook).
    const reply: CommandReply<GetOrderResponse> = await this.service.answer({ orderId });
    await response.status(reply.ok ? 200 : httpStatusOf(reply.error.code)).send(reply);
  }
}
