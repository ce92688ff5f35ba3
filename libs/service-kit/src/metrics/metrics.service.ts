import { Inject, Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import { SERVICE_NAME } from '../service-name.token';

/**
 * One registry per Nest app (not prom-client's global one) so several services can run in
 * one process, as the end-to-end tests do, without metric name clashes.
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  readonly httpRequestDuration: Histogram<'method' | 'route' | 'status_code'>;
  private readonly eventsHandled: Counter<'topic' | 'outcome'>;
  private readonly outboxPublished: Counter<'topic'>;

  constructor(@Inject(SERVICE_NAME) readonly serviceName: string) {
    this.registry.setDefaultLabels({ service: serviceName });
    collectDefaultMetrics({ register: this.registry });
    this.httpRequestDuration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request duration in seconds',
      labelNames: ['method', 'route', 'status_code'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [this.registry],
    });
    this.eventsHandled = this.counter('events_handled_total', 'Kafka events handled, by topic and outcome', [
      'topic',
      'outcome',
    ]);
    this.outboxPublished = this.counter('outbox_events_published_total', 'Outbox rows published to Kafka', ['topic']);
  }

  /** Counts one consumed event; outcome is e.g. 'processed', 'duplicate', 'dead-lettered'. */
  recordEventHandled(topic: string, outcome: string): void {
    this.eventsHandled.inc({ topic, outcome });
  }

  recordOutboxPublished(topic: string, count = 1): void {
    this.outboxPublished.inc({ topic }, count);
  }

  /** Returns the counter with this name, creating it on first use. */
  counter<L extends string>(name: string, help: string, labelNames: readonly L[] = []): Counter<L> {
    const existing = this.registry.getSingleMetric(name);
    if (existing) return existing as Counter<L>;
    return new Counter<L>({ name, help, labelNames, registers: [this.registry] });
  }

  contentType(): string {
    return this.registry.contentType;
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }
}
