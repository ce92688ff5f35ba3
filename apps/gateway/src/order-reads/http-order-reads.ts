import { type GetOrderResponse, isCommandReply } from '@order-platform/contracts';
import { CORRELATION_HEADER, currentCorrelationId } from '@order-platform/service-kit';
import { randomUUID } from 'node:crypto';
import { CommandUnavailableError } from '../api-errors/command-failed.error';
import { unwrapReply } from '../commands/unwrap-reply';
import { OrderReads } from './order-reads';

const READ = 'order-status GET /internal/orders/{orderId}';

/**
 * `ORDER_READS=http`: order-status's internal read (`GET /internal/orders/{id}`), whose body
 * is the same CommandReply the Kafka handler sends. Refused connections, time-outs and
 * answers that are not a reply (a proxy's 502, an order-status without the route) are all
 * "did not answer": 503 to the client, as on the Kafka path.
 */
export class HttpOrderReads extends OrderReads {
  constructor(
    private readonly baseUrl: string,
    private readonly timeoutMs: number,
  ) {
    super();
  }

  async getOrder(orderId: string): Promise<GetOrderResponse> {
    const url = `${this.baseUrl}/internal/orders/${encodeURIComponent(orderId)}`;
    let status: number;
    let body: unknown;
    // A timer cleared on the answer, not AbortSignal.timeout(): that one keeps each request reachable for the whole time-out.
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(new Error(`no answer within ${this.timeoutMs} ms`)), this.timeoutMs);
    try {
      const response = await fetch(url, {
        headers: { accept: 'application/json', [CORRELATION_HEADER]: currentCorrelationId() ?? randomUUID() },
        signal: abort.signal,
      });
      status = response.status;
      body = await response.json().catch(() => undefined);
    } catch (error) {
      throw new CommandUnavailableError(READ, error);
    } finally {
      clearTimeout(timer);
    }
    if (!isCommandReply(body)) throw new CommandUnavailableError(READ, new Error(`answered HTTP ${status} without a reply`));
    return unwrapReply<GetOrderResponse>(READ, body);
  }
}
