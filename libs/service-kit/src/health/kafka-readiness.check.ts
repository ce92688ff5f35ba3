import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { Admin, Kafka, logLevel } from 'kafkajs';
import type { ReadinessCheck } from './readiness-check';

export const KAFKA_HEALTH_OPTIONS = Symbol('KAFKA_HEALTH_OPTIONS');

export interface KafkaHealthOptions {
  brokers: string[];
  clientId: string;
}

/** Asks the cluster for its metadata through one lazily connected admin client. */
@Injectable()
export class KafkaReadinessCheck implements ReadinessCheck, OnModuleDestroy {
  readonly name = 'kafka';
  private admin: Promise<Admin> | undefined;
  private closed = false;

  constructor(@Inject(KAFKA_HEALTH_OPTIONS) private readonly options: KafkaHealthOptions) {}

  async check(): Promise<void> {
    if (this.closed) throw new Error('shutting down');
    try {
      const admin = await this.connectedAdmin();
      const cluster = await admin.describeCluster();
      if (cluster.brokers.length === 0) throw new Error('cluster reports no brokers');
    } catch (error) {
      // A broken connection is dropped so the next probe reconnects from scratch.
      await this.reset();
      throw error;
    }
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    await this.reset();
  }

  private connectedAdmin(): Promise<Admin> {
    this.admin ??= this.connect();
    return this.admin;
  }

  private async connect(): Promise<Admin> {
    const kafka = new Kafka({
        clientId: `${this.options.clientId}-health`,
        brokers: this.options.brokers,
        connectionTimeout: 1000,
        requestTimeout: 1000,
        retry: { retries: 0 },
        logLevel: logLevel.NOTHING,
      });
    const admin = kafka.admin();
    try {
      await admin.connect();
    } catch (error) {
      await admin.disconnect().catch(() => undefined);
      throw error;
    }
    return admin;
  }

  private async reset(): Promise<void> {
    const pending = this.admin;
    this.admin = undefined;
    const admin = await pending?.catch(() => undefined);
    await admin?.disconnect().catch(() => undefined);
  }
}
