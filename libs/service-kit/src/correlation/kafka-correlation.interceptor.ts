import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { KafkaContext } from '@nestjs/microservices';
import { randomUUID } from 'node:crypto';
import { Observable } from 'rxjs';
import { CORRELATION_HEADER, runWithCorrelationId } from './correlation';

function headerText(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  if (Buffer.isBuffer(first)) return first.toString('utf8');
  return typeof first === 'string' ? first : undefined;
}

/**
 * Runs every Kafka handler inside the correlation context of the message it handles: the
 * `x-correlation-id` header, else the envelope's correlationId, else a fresh id. Logs and
 * outbox events written by the handler then carry the id without passing it around.
 */
@Injectable()
export class KafkaCorrelationInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'rpc') return next.handle();
    const kafka = context.switchToRpc().getContext<unknown>();
    if (!(kafka instanceof KafkaContext)) return next.handle();
    const data = context.switchToRpc().getData<{ correlationId?: unknown } | undefined>();
    const correlationId =
      headerText(kafka.getMessage().headers?.[CORRELATION_HEADER]) ??
      (typeof data?.correlationId === 'string' ? data.correlationId : undefined) ??
      randomUUID();
    return new Observable((subscriber) =>
      runWithCorrelationId(correlationId, () => next.handle().subscribe(subscriber)),
    );
  }
}
