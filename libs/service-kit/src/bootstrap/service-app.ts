import type { DynamicModule, INestMicroservice, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { MicroserviceOptions } from '@nestjs/microservices';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import type { ServiceConfig } from '../config/service-config';
import { registerCorrelationIdHook } from '../correlation/correlation-id.hook';
import { kafkaConsumerTransport } from '../kafka/kafka-transport-options';
import { registerHttpMetricsHooks } from '../metrics/http-metrics.hook';
import { MetricsService } from '../metrics/metrics.service';

export interface ServiceAppOptions {
  name: string;
  module: Type<unknown> | DynamicModule;
  config: ServiceConfig;
  /** True when the service has @EventPattern/@MessagePattern handlers to consume. */
  consumesKafka?: boolean;
  /** App-specific setup before listening (pipes, OpenAPI, filters). */
  configure?: (app: NestFastifyApplication) => void | Promise<void>;
}

export interface RunningService {
  app: NestFastifyApplication;
  /** http://host:port the app actually listens on (useful with HTTP_PORT=0). */
  url: string;
  port: number;
  /** Ordered, graceful stop: consumers first, then providers (relay, DB pool), then HTTP. */
  close(): Promise<void>;
}

/** Creates, wires and starts one service: Kafka consumer (if any) and HTTP listener. */
export async function startServiceApp(options: ServiceAppOptions): Promise<RunningService> {
  const { config } = options;
  const app = await NestFactory.create<NestFastifyApplication>(options.module, new FastifyAdapter(), {
    bufferLogs: true,
    abortOnError: false,
  });
  try {
    app.useLogger(app.get(Logger));
    const fastify = app.getHttpAdapter().getInstance();
    // Registered before Nest adds its middleware, so everything downstream sees the id.
    registerCorrelationIdHook(fastify);
    registerHttpMetricsHooks(fastify, app.get(MetricsService));

    let consumer: INestMicroservice | undefined;
    if (options.consumesKafka) {
      consumer = app.connectMicroservice<MicroserviceOptions>(
        kafkaConsumerTransport({ clientId: config.KAFKA_CLIENT_ID, groupId: options.name, brokers: config.KAFKA_BROKERS }),
        { inheritAppConfig: true },
      );
    }
    await options.configure?.(app);
    await app.startAllMicroservices();
    await app.listen(config.HTTP_PORT, config.HTTP_HOST);

    const address = app.getHttpServer().address();
    const port = typeof address === 'object' && address ? address.port : config.HTTP_PORT;
    const host = config.HTTP_HOST === '0.0.0.0' || config.HTTP_HOST === '::' ? '127.0.0.1' : config.HTTP_HOST;
    let closing: Promise<void> | undefined;
    return {
      app,
      port,
      url: `http://${host}:${port}`,
      close: () => (closing ??= closeInOrder(app, consumer)),
    };
  } catch (error) {
    await app.close().catch(() => undefined);
    throw error;
  }
}

async function closeInOrder(app: NestFastifyApplication, consumer: INestMicroservice | undefined): Promise<void> {
  // Nest's own close() runs destroy hooks (DB pool, relay) before stopping consumers; stopping
  // the consumer first lets in-flight handlers finish and commit while the database is still up.
  if (consumer) {
    (consumer as INestMicroservice & { setIsTerminated?(value: boolean): void }).setIsTerminated?.(true);
    await consumer.close();
  }
  await app.close();
}
