import { Inject, Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { ClientKafka } from '@nestjs/microservices';
import { Commands } from '@order-platform/contracts';
import { CORRELATION_HEADER, currentCorrelationId, SERVICE_CONFIG } from '@order-platform/service-kit';
import { randomUUID } from 'node:crypto';
import { firstValueFrom, timeout } from 'rxjs';
import { CommandUnavailableError } from '../api-errors/command-failed.error';
import type { GatewayConfig } from '../gateway-config';
import { unwrapReply } from './unwrap-reply';

export const COMMAND_CLIENT = Symbol('COMMAND_CLIENT');

/** Every command topic the gateway may send; their reply topics are subscribed at start. */
const COMMAND_TOPICS: string[] = Object.values(Commands).flatMap((group) => Object.values(group));

/**
 * Sends commands to the owning services over Kafka request-reply and unwraps their
 * `CommandReply`: data on success, CommandFailedError on `{ ok: false }`,
 * CommandUnavailableError when no reply comes in time.
 */
@Injectable()
export class CommandBus implements OnModuleInit, OnModuleDestroy {
  constructor(
    @Inject(COMMAND_CLIENT) private readonly client: ClientKafka,
    @Inject(SERVICE_CONFIG) private readonly config: GatewayConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    // Reply topics must be subscribed before connect, or send() refuses the pattern.
    for (const topic of COMMAND_TOPICS) this.client.subscribeToResponseOf(topic);
    await this.client.connect();
  }

  async onModuleDestroy(): Promise<void> {
    await this.client.close();
  }

  /** `key` picks the partition, so commands about one customer/order stay in order. */
  async send<TResult>(topic: string, payload: object, key: string): Promise<TResult> {
    const correlationId = currentCorrelationId() ?? randomUUID();
    let reply: unknown;
    try {
      reply = await firstValueFrom(
        this.client
          .send(topic, { key, value: { ...payload, correlationId }, headers: { [CORRELATION_HEADER]: correlationId } })
          .pipe(timeout(this.config.COMMAND_TIMEOUT_MS)),
      );
    } catch (error) {
      throw new CommandUnavailableError(topic, error);
    }
    return unwrapReply<TResult>(topic, reply);
  }
}
