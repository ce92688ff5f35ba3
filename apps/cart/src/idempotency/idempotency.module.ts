import { Global, Module } from '@nestjs/common';
import { ExpiredKeysPurge } from './expired-keys-purge';
import { IdempotentRequests } from './idempotent-requests';

/** Idempotency-Key records shared by the order-creating commands (customer-app drafts, group orders). */
@Global()
@Module({ providers: [IdempotentRequests, ExpiredKeysPurge], exports: [IdempotentRequests] })
export class IdempotencyModule {}
