import { Injectable, OnModuleInit } from '@nestjs/common';
import { OutboxRelayService } from '@order-platform/messaging';
import { Counter } from 'prom-client';
import { MetricsService } from './metrics.service';

/**
 * Exposes the outbox relay's published-row count as `outbox_relay_published_total`. Provide it
 * in the module that imports MessagingModule (where OutboxRelayService lives).
 */
@Injectable()
export class OutboxRelayMetrics implements OnModuleInit {
  constructor(
    private readonly relay: OutboxRelayService,
    private readonly metrics: MetricsService,
  ) {}

  onModuleInit(): void {
    if (this.metrics.registry.getSingleMetric('outbox_relay_published_total')) return;
    const relay = this.relay.relay;
    new Counter({
      name: 'outbox_relay_published_total',
      help: 'Outbox rows the relay has published to Kafka since the process started',
      registers: [this.metrics.registry],
      // Read at scrape time: the relay keeps the count, the counter only mirrors it.
      collect() {
        this.reset();
        this.inc(relay.published);
      },
    });
  }
}
