import { Global, Module } from '@nestjs/common';
import { IdempotentRequests } from './idempotent-requests';

/** Idempotency-Key records shared by the order-creating commands (customer-app drafts, group orders). */
@Global()
@Module({ providers: [IdempotentRequests], exports: [IdempotentRequests] })
export class IdempotencyModule {}
