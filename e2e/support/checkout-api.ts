import { waitFor } from '@order-platform/testing';

export interface ApiResponse<T = Record<string, unknown>> {
  status: number;
  body: T;
}

export interface FieldProblem {
  field: string;
  message: string;
}

export interface TimelineEntry {
  step: string;
  at: string;
  eventId: string;
  details?: Record<string, unknown>;
}

export interface OrderView {
  orderId: string;
  status: string;
  cancellationReason?: string;
  timeline: TimelineEntry[];
}

export interface CartItem {
  productId: string;
  quantity: number;
  price: number;
}

/** The example cart of the public API: 2 x 50 + 1 x 100 = 200 including 22% tax. */
export const EXAMPLE_ITEMS: CartItem[] = [
  { productId: '1234', quantity: 2, price: 50 },
  { productId: '2345', quantity: 1, price: 100 },
];

export const FINAL_STATUSES = ['shipped', 'cancelled'];

/** The checkout family of the gateway's public API, over plain HTTP. */
export class CheckoutApi {
  constructor(private readonly gatewayUrl: string) {}

  async post<T = Record<string, unknown>>(path: string, body: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    const response = await fetch(`${this.gatewayUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
      signal: AbortSignal.timeout(30000),
    });
    return { status: response.status, body: (await readBody(response)) as T };
  }

  async get<T = Record<string, unknown>>(path: string): Promise<ApiResponse<T>> {
    const response = await fetch(`${this.gatewayUrl}${path}`, { signal: AbortSignal.timeout(30000) });
    return { status: response.status, body: (await readBody(response)) as T };
  }

  /** cart.json; fails with the gateway's answer when it is not 200. */
  async submitCart(customerId: string, items: CartItem[] = EXAMPLE_ITEMS): Promise<{ orderId: string } & Record<string, unknown>> {
    const response = await this.post<{ orderId: string }>('/api/order/cart.json', { customerId, items });
    if (response.status !== 200) throw new Error(`cart.json answered ${response.status}: ${JSON.stringify(response.body)}`);
    return response.body;
  }

  async order(orderId: string): Promise<ApiResponse<OrderView>> {
    return this.get<OrderView>(`/api/order/${encodeURIComponent(orderId)}.json`);
  }

  /** Polls the order's read model until predicate holds; the last view is in the timeout error. */
  async waitForOrder(orderId: string, predicate: (order: OrderView) => boolean, timeoutMs: number, what: string): Promise<OrderView> {
    let last: unknown;
    try {
      return await waitFor(
        async () => {
          const response = await this.order(orderId);
          last = response.body;
          return response.status === 200 && predicate(response.body) ? response.body : undefined;
        },
        { timeoutMs, intervalMs: 500, description: `order ${orderId}: ${what}` },
      );
    } catch (error) {
      throw new Error(`${(error as Error).message}; last answer: ${JSON.stringify(last)}`);
    }
  }
}

export function steps(order: OrderView): string[] {
  return order.timeline.map((entry) => entry.step);
}

export function hasSteps(order: OrderView, wanted: string[]): boolean {
  const seen = steps(order);
  return wanted.every((step) => seen.includes(step));
}

/** The field names of a 400/404/409 answer `{ error, details: [{ field, message }] }`. */
export function problemFields(body: unknown): string[] {
  const details = (body as { details?: FieldProblem[] }).details ?? [];
  return [...new Set(details.map((detail) => detail.field))].sort();
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
