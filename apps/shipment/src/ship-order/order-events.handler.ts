import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { Topics } from '@order-platform/contracts';
import type { ReliableOutcome } from '@order-platform/messaging';
import { MetricsService } from '@order-platform/service-kit';
import type { Counter } from 'prom-client';
import { consumeReliably } from './consume-reliably';
import { SHIPMENT_CONSUMER, ShipOrderService } from './ship-order.service';

const MAX_ATTEMPTS = 5;

/**
 * InvoiceCreated gives the address, PaymentProcessed the go-ahead, DeliveryRoundStarted releases
 * a group's held orders, OrderConfirmed releases an order the merchant had to accept, OrderCancelled stops an order from shipping; see ShipOrderService.
 */
@Controller()
export class OrderEventsHandler {
  private readonly deadLettered: Counter<'topic' | 'reason'>;

  constructor(
    private readonly shipOrder: ShipOrderService,
    private readonly metrics: MetricsService,
  ) {
    this.deadLettered = metrics.counter('shipments_dead_lettered_total', 'Events shipment gave up on and sent to <topic>.dlq', ['topic', 'reason']);
  }

  @EventPattern(Topics.InvoiceCreated)
  async onInvoiceCreated(@Payload() payload: unknown, @Ctx() context: KafkaContext): Promise<void> {
    const outcome = await consumeReliably<'InvoiceCreated'>(context, payload, this.options(), async (event) => {
      this.metrics.recordEventHandled(Topics.InvoiceCreated, await this.shipOrder.onInvoiceCreated(event));
    });
    this.count(Topics.InvoiceCreated, outcome);
  }

  @EventPattern(Topics.PaymentProcessed)
  async onPaymentProcessed(@Payload() payload: unknown, @Ctx() context: KafkaContext): Promise<void> {
    const outcome = await consumeReliably<'PaymentProcessed'>(context, payload, this.options(), async (event, attempt) => {
      this.metrics.recordEventHandled(Topics.PaymentProcessed, await this.shipOrder.onPaymentProcessed(event, attempt));
    });
    this.count(Topics.PaymentProcessed, outcome);
  }

  @EventPattern(Topics.DeliveryRoundStarted)
  async onDeliveryRoundStarted(@Payload() payload: unknown, @Ctx() context: KafkaContext): Promise<void> {
    const outcome = await consumeReliably<'DeliveryRoundStarted'>(context, payload, this.options(), async (event) => {
      this.metrics.recordEventHandled(Topics.DeliveryRoundStarted, await this.shipOrder.onDeliveryRoundStarted(event));
    });
    this.count(Topics.DeliveryRoundStarted, outcome);
  }

  @EventPattern(Topics.OrderConfirmed)
  async onOrderConfirmed(@Payload() payload: unknown, @Ctx() context: KafkaContext): Promise<void> {
    const outcome = await consumeReliably<'OrderConfirmed'>(context, payload, this.options(), async (event) => {
      this.metrics.recordEventHandled(Topics.OrderConfirmed, await this.shipOrder.onOrderConfirmed(event));
    });
    this.count(Topics.OrderConfirmed, outcome);
  }

  @EventPattern(Topics.OrderCancelled)
  async onOrderCancelled(@Payload() payload: unknown, @Ctx() context: KafkaContext): Promise<void> {
    const outcome = await consumeReliably<'OrderCancelled'>(context, payload, this.options(), async (event) => {
      this.metrics.recordEventHandled(Topics.OrderCancelled, await this.shipOrder.onOrderCancelled(event));
    });
    this.count(Topics.OrderCancelled, outcome);
  }

  private options() {
    return { consumerGroup: SHIPMENT_CONSUMER, maxAttempts: MAX_ATTEMPTS, backoff: { initialDelayMs: 200, maxDelayMs: 2000 } };
  }

  private count(topic: string, outcome: ReliableOutcome): void {
    if (outcome.status !== 'dead-lettered') return;
    this.deadLettered.inc({ topic, reason: outcome.reason });
    this.metrics.recordEventHandled(topic, 'dead-lettered');
  }
}
