import { type CustomerAppOrderView, type GetOrderResponse, isCommandReply } from '@order-platform/contracts';
import { CORRELATION_HEADER, currentCorrelationId } from '@order-platform/service-kit';
import { randomUUID } from 'node:crypto';
import { CommandUnavailableError } from '../api-errors/command-failed.error';
import { unwrapReply } from '../commands/unwrap-reply';
import { OrderReads } from './order-reads';

/** Where each read goes: the owning service's base URL. */
export interface OrderReadUrls {
  orderStatus: string;
  cart: string;
}

const ORDER_STATUS_READ = 'order-status GET /internal/orders/{orderId}';
const CART_READ = 'cart GET /internal/customer-app-orders/{orderId}';

/**
 * `ORDER_READS=http`: the owning service's internal read (order-status's
 * `GET /internal/orders/{id}`, cart's `GET /internal/customer-app-orders/{id}`), whose body is
 * the same CommandReply its Kafka handler sends. Refused connections, time-outs and answers
 * that are not a reply (a proxy's 502, a service without the route) are all "did not
 * answer": 503 to the client, as on the Kafka path.
 */
export class HttpOrderReads extends OrderReads {
  constructor(
    private readonly urls: OrderReadUrls,
    private readonly timeoutMs: number,
  ) {
    super();
  }

  getOrder(orderId: string): Promise<GetOrderResponse> {
    return this.read<GetOrderResponse>(ORDER_STATUS_READ, `${this.urls.orderStatus}/internal/orders/${encodeURIComponent(orderId)}`);
  }

  getCustomerAppOrder(orderId: string): Promise<CustomerAppOrderView> {
    return this.read<CustomerAppOrderView>(CART_READ, `${this.urls.cart}/internal/customer-app-orders/${encodeURIComponent(orderId)}`);
  }

  private async read<T>(what: string, url: string): Promise<T> {
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
      throw new CommandUnavailableError(what, error);
    } finally {
      clearTimeout(timer);
    }
    if (!isCommandReply(body)) throw new CommandUnavailableError(what, new Error(`answered HTTP ${status} without a reply`));
    return unwrapReply<T>(what, body);
  }
}
