import { Injectable } from '@nestjs/common';
import { CommandFailedError } from '../../api-errors/command-failed.error';
import { CommandBus } from '../../commands/command-bus.service';
import { idempotencyKeyHeader, MAX_IDEMPOTENCY_KEY_LENGTH } from '../../http/idempotency-key-header';

/**
 * Sends a checkout command and renames the fields in its errors to the API's own names, so a
 * 400 names what the client sent (`shipping_address`, not the command's `shippingAddress`).
 */
@Injectable()
export class CheckoutCommands {
  constructor(private readonly bus: CommandBus) {}

  async send<T>(topic: string, payload: object, key: string, aliases: Readonly<Record<string, string>> = {}): Promise<T> {
    try {
      return await this.bus.send<T>(topic, payload, key);
    } catch (error) {
      throw error instanceof CommandFailedError ? error.withFieldAliases(aliases) : error;
    }
  }
}

/** The optional Idempotency-Key header, trimmed; blank means absent; cut to the length the services record. */
export function idempotencyKeyOf(header: string | undefined): { idempotencyKey?: string } {
  const key = idempotencyKeyHeader(header);
  return key ? { idempotencyKey: key.slice(0, MAX_IDEMPOTENCY_KEY_LENGTH) } : {};
}
