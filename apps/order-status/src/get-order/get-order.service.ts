import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CommandErrorCodes,
  type CommandReply,
  GetOrderRequest,
  type GetOrderResponse,
  replyError,
  replyOk,
  validateCommand,
} from '@order-platform/contracts';
import { replyOrUnavailable } from '@order-platform/service-kit';
import type { DataSource } from 'typeorm';
import { OrderView } from '../read-model/order-view.entity';
import { TimelineStepRecord } from '../read-model/timeline-step.entity';

/** Reads the order's status and its timeline, oldest step first. */
@Injectable()
export class GetOrderService {
  private readonly logger = new Logger(GetOrderService.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The one answer to "get order", whichever way it was asked (Kafka request-reply or the
   * internal HTTP read): never throws, an unexpected failure is UNAVAILABLE (safe to retry).
   */
  answer(raw: unknown): Promise<CommandReply<GetOrderResponse>> {
    return replyOrUnavailable(this.logger, 'get-order', 'order status is unavailable, please retry', () => this.get(raw));
  }

  async get(raw: unknown): Promise<CommandReply<GetOrderResponse>> {
    const parsed = validateCommand(GetOrderRequest, raw);
    if (!parsed.ok) return parsed.reply;
    const { orderId } = parsed.value;

    const order = await this.dataSource.getRepository(OrderView).findOneBy({ orderId });
    if (!order) return replyError(CommandErrorCodes.NotFound, `Order ${orderId} not found`);
    const steps = await this.dataSource.getRepository(TimelineStepRecord).find({ where: { orderId }, order: { at: 'ASC', seq: 'ASC' } });

    const response: GetOrderResponse = {
      orderId,
      status: order.status,
      timeline: steps.map((step) => ({ step: step.step, at: step.at.toISOString(), eventId: step.eventId, details: step.details })),
    };
    if (order.cancellationReason) response.cancellationReason = order.cancellationReason;
    return replyOk(response);
  }
}
