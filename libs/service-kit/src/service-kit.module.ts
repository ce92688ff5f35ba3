import { DynamicModule, Module, Provider } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import type { ServiceConfig } from './config/service-config';
import { KafkaCorrelationInterceptor } from './correlation/kafka-correlation.interceptor';
import { DatabaseReadinessCheck } from './health/database-readiness.check';
import { HealthController } from './health/health.controller';
import { KAFKA_HEALTH_OPTIONS, KafkaReadinessCheck } from './health/kafka-readiness.check';
import { READINESS_CHECKS, type ReadinessCheck } from './health/readiness-check';
import { buildLoggerParams } from './logging/logger-options';
import { MetricsController } from './metrics/metrics.controller';
import { MetricsService } from './metrics/metrics.service';
import { SERVICE_CONFIG } from './service-config.token';
import { SERVICE_NAME } from './service-name.token';

export interface ServiceKitOptions {
  name: string;
  config: ServiceConfig;
  /** Adds the database readiness check; needs TypeORM's DataSource in the app. */
  database?: boolean;
}

/** Logging, /health, /health/ready and /metrics: what every service shares. Global. */
@Module({})
export class ServiceKitModule {
  static forRoot(options: ServiceKitOptions): DynamicModule {
    const { name, config } = options;
    const checkTypes: Array<new (...args: never[]) => ReadinessCheck> = [KafkaReadinessCheck];
    if (options.database) checkTypes.unshift(DatabaseReadinessCheck);
    const providers: Provider[] = [
      { provide: SERVICE_NAME, useValue: name },
      { provide: SERVICE_CONFIG, useValue: config },
      { provide: KAFKA_HEALTH_OPTIONS, useValue: { brokers: config.KAFKA_BROKERS, clientId: config.KAFKA_CLIENT_ID } },
      MetricsService,
      { provide: APP_INTERCEPTOR, useClass: KafkaCorrelationInterceptor },
      ...checkTypes,
      { provide: READINESS_CHECKS, useFactory: (...checks: ReadinessCheck[]) => checks, inject: checkTypes },
    ];
    return {
      module: ServiceKitModule,
      global: true,
      imports: [LoggerModule.forRoot(buildLoggerParams({ service: name, level: config.LOG_LEVEL, pretty: config.LOG_PRETTY }))],
      controllers: [HealthController, MetricsController],
      providers,
      exports: [SERVICE_NAME, SERVICE_CONFIG, MetricsService],
    };
  }
}
