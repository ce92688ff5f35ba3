import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Topics, validateEvent } from '@order-platform/contracts';
import { kafkaClientConfig } from '@order-platform/messaging';
import { SERVICE_CONFIG } from '@order-platform/service-kit';
import { Kafka, type Consumer } from 'kafkajs';
import type { DataSource } from 'typeorm';
import type { PaymentConfig } from '../payment-config';
import { recordPayableInvoice } from './record-payable-invoice';

/**
 * Records InvoiceCreated in the projection from a consumer of its own. The service's main
 * consumer handles one fetch at a time, so while payment.process-payment waits for an
 * invoice it has not seen, that consumer cannot deliver the InvoiceCreated it waits for;
 * this feed can. It only accelerates: the charging handler records the projection too, so a
 * message this feed skips or fails on is still covered.
 */
@Injectable()
export class InvoiceProjectionFeed implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(InvoiceProjectionFeed.name);
  private consumer?: Consumer;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SERVICE_CONFIG) private readonly config: PaymentConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const clientId = `${this.config.KAFKA_CLIENT_ID}-invoice-feed`;
    const kafka = new Kafka(kafkaClientConfig({ clientId, brokers: this.config.KAFKA_BROKERS }));
    const consumer = kafka.consumer({ groupId: 'payment-invoice-feed', allowAutoTopicCreation: true });
    this.consumer = consumer;
    await consumer.connect();
    await consumer.subscribe({ topics: [Topics.InvoiceCreated], fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        try {
          const parsed = validateEvent<'InvoiceCreated'>(JSON.parse(message.value?.toString('utf8') ?? 'null'));
          if (parsed.ok && parsed.event.type === Topics.InvoiceCreated) await recordPayableInvoice(this.dataSource, parsed.event);
        } catch (error) {
          this.logger.warn({ err: error, offset: message.offset }, 'invoice feed skipped a message; the charging handler records it');
        }
      },
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.consumer?.disconnect();
  }
}
