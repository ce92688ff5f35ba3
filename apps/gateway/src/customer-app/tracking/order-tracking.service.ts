import { Inject, Injectable, Logger, type OnModuleDestroy, ServiceUnavailableException } from '@nestjs/common';
import { CommandErrorCodes, type CheckoutStatus, type CustomerAppOrderView } from '@order-platform/contracts';
import { CommandFailedError } from '../../api-errors/command-failed.error';
import type { FastifyReply } from 'fastify';
import { OrderReads } from '../../order-reads/order-reads';
import { OrderEventHub } from './order-event-hub';
import { SseStream } from './sse-stream';
import { statusAfter, type TrackedEvent } from './tracked-events';
import type { TrackedOrder } from './tracking-access.policy';
import { TRACKING_SETTINGS, type TrackingSettings } from './tracking-settings';

/** Headers of an event stream; `x-accel-buffering: no` stops nginx from holding events back. */
const STREAM_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache, no-transform',
  connection: 'keep-alive',
  'x-accel-buffering': 'no',
} as const;

/**
 * Opens an order's event stream: subscribe to the hub first, then read the snapshot, so an
 * event landing in between is held back rather than lost; events the snapshot already
 * contains are not sent twice.
 */
@Injectable()
export class OrderTrackingService implements OnModuleDestroy {
  private readonly logger = new Logger(OrderTrackingService.name);
  private readonly streams = new Set<SseStream>();
  private shuttingDown = false;

  constructor(
    private readonly orderReads: OrderReads,
    private readonly hub: OrderEventHub,
    @Inject(TRACKING_SETTINGS) private readonly settings: TrackingSettings,
  ) {}

  get openStreams(): number {
    return this.streams.size;
  }

  /** The order's current state; throws (404, 503 ...) before anything is written. */
  async snapshot(orderId: string): Promise<TrackedOrder> {
    try {
      return await this.orderReads.getOrder(orderId);
    } catch (error) {
      if (!isNotFound(error)) throw error;
      // A customer-app order is a draft in cart until its payment step: watchable from creation on.
      const draft = await this.draftOf(orderId);
      if (!draft) throw error;
      return { orderId, status: 'pending', timeline: [], parties: { customerId: draft.customerId, restaurantId: draft.restaurantId } };
    }
  }

  private async draftOf(orderId: string): Promise<CustomerAppOrderView | undefined> {
    try {
      return await this.orderReads.getCustomerAppOrder(orderId);
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  /**
   * Subscribes before the snapshot is taken; `start` then takes the reply over and streams,
   * `cancel` releases the subscription when the request fails instead.
   */
  prepare(orderId: string): { start(order: TrackedOrder, reply: FastifyReply): void; cancel(): void } {
    const held: TrackedEvent[] = [];
    let deliver: ((event: TrackedEvent) => void) | undefined;
    const unsubscribe = this.hub.subscribe(orderId, (event) => (deliver ? deliver(event) : held.push(event)));

    return {
      cancel: unsubscribe,
      start: ({ parties: _parties, ...order }, reply) => {
        if (this.shuttingDown) {
          unsubscribe();
          throw new ServiceUnavailableException('The gateway is shutting down, please reconnect');
        }
        // From here on the raw socket is ours: Fastify must not serialize or end the reply.
        reply.hijack();
        const response = reply.raw;
        response.writeHead(200, STREAM_HEADERS);
        const stream = new SseStream(response, {
          heartbeatMs: this.settings.TRACKING_HEARTBEAT_MS,
          maxBufferedFrames: this.settings.TRACKING_MAX_BUFFERED_EVENTS,
          onClose: (reason) => {
            unsubscribe();
            this.streams.delete(stream);
            if (reason === 'too-slow') this.logger.warn(`dropped a slow order tracking client for order ${orderId}`);
          },
        });
        this.streams.add(stream);

        const seen = new Set(order.timeline.map((step) => step.eventId));
        let status: CheckoutStatus = order.status;
        stream.send({
          retryMs: this.settings.TRACKING_RETRY_MS,
          id: order.timeline.at(-1)?.eventId,
          event: 'snapshot',
          data: order,
        });
        deliver = (event) => {
          if (seen.has(event.id)) return;
          seen.add(event.id);
          status = statusAfter(status, event);
          stream.send({ id: event.id, event: event.type, data: { orderId: event.orderId, type: event.type, occurredAt: event.occurredAt, status } });
        };
        for (const event of held.splice(0)) deliver(event);
      },
    };
  }

  /** Ends every stream before the HTTP server closes (it would otherwise wait for them). */
  onModuleDestroy(): void {
    this.shuttingDown = true;
    for (const stream of [...this.streams]) {
      stream.comment('server shutting down');
      stream.end('shutdown');
    }
  }
}

function isNotFound(error: unknown): boolean {
  return error instanceof CommandFailedError && error.error.code === CommandErrorCodes.NotFound;
}
