import { waitFor } from '@order-platform/testing';
import type { ApiResponse } from './checkout-api';

/** Demo app users (DEMO_DATA=true); each logs in with `<username>-demo`. */
export const FOOD_RUSH_USERS = ['customer5', 'customer6', 'customer7', 'restaurant6', 'restaurant9'] as const;
export type FoodRushUser = (typeof FOOD_RUSH_USERS)[number];

/** The example delivery address of the API, about 1 km from the demo restaurant 6 in Palaiseau. */
export const PALAISEAU_ADDRESS = { street: 'Allée des techniques avancées', details: 'Bâtiment A, chambre 200', latitude: 48.711042, longitude: 2.219278 };

export interface FoodRushOrder {
  id: string;
  rawPrice: number;
  discountedPrice: number;
  createdAt: string;
  comment?: string;
  groupOrder?: GroupOrder;
  [included: string]: unknown;
}

export interface GroupOrder {
  id: string;
  joinable: boolean;
  totalRawPrice: number;
  discountRate: number;
  createdAt: string;
  remainingCapacity: number;
  closedAt: string;
  endingAt: string;
  confirmed: boolean;
  preparedAt: string;
}

/**
 * The FoodRush (group orders) family of the gateway over plain HTTP, as the demo apps call it
 * (bearer tokens from `POST /auth/token`), plus the cart's test clock (GROUP_ORDER_CLOCK=controllable).
 */
export class GroupOrdersApi {
  private readonly tokens = new Map<FoodRushUser, string>();

  constructor(
    private readonly gatewayUrl: string,
    private readonly cartUrl: string,
  ) {}

  async logIn(users: readonly FoodRushUser[] = FOOD_RUSH_USERS): Promise<void> {
    for (const user of users) {
      const issued = await this.call<{ access_token: string }>('POST', '/auth/token', null, { username: user, password: `${user}-demo` });
      if (issued.status !== 200) throw new Error(`POST /auth/token for ${user} answered ${issued.status}: ${JSON.stringify(issued.body)}`);
      this.tokens.set(user, issued.body.access_token);
    }
  }

  async call<T = Record<string, unknown>>(method: string, path: string, as: FoodRushUser | null, body?: unknown, extraHeaders: Record<string, string> = {}): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...extraHeaders };
    if (as) headers['authorization'] = `Bearer ${this.token(as)}`;
    const response = await fetch(`${this.gatewayUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(30000),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as T };
  }

  /** POST /orders with foodRushDurationInMinutes; fails with the answer unless 201. */
  async createGroupOrder(as: FoodRushUser, body: Record<string, unknown>): Promise<FoodRushOrder> {
    return this.expectStatus(201, await this.call<FoodRushOrder>('POST', '/orders', as, body), `POST /orders as ${as}`);
  }

  /** With an idempotencyKey, a retry of the same join answers the same order. */
  async join(as: FoodRushUser, groupOrderId: string, body: Record<string, unknown>, idempotencyKey?: string): Promise<FoodRushOrder> {
    const headers: Record<string, string> = idempotencyKey ? { 'idempotency-key': idempotencyKey } : {};
    return this.expectStatus(201, await this.call<FoodRushOrder>('POST', `/groupOrders/${groupOrderId}/orders`, as, body, headers), `join ${groupOrderId} as ${as}`);
  }

  async order(as: FoodRushUser, orderId: string, include = ''): Promise<FoodRushOrder> {
    const path = `/orders/${orderId}${include ? `?include=${include}` : ''}`;
    return this.expectStatus(200, await this.call<FoodRushOrder>('GET', path, as), `GET ${path}`);
  }

  async groupOrder(groupOrderId: string, as: FoodRushUser = 'customer5'): Promise<GroupOrder> {
    return this.expectStatus(200, await this.call<GroupOrder>('GET', `/groupOrders/${groupOrderId}`, as), `GET /groupOrders/${groupOrderId}`);
  }

  /** Moves the cart's controllable clock forward; answers the cart's new now. */
  async advanceClock(minutes: number): Promise<string> {
    const response = await fetch(`${this.cartUrl}/test-clock/advance`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ minutes }),
      signal: AbortSignal.timeout(30000),
    });
    const body = (await response.json()) as { now?: string };
    if (response.status !== 200 || !body.now) throw new Error(`POST /test-clock/advance answered ${response.status}: ${JSON.stringify(body)}`);
    return body.now;
  }

  /** Polls GET /groupOrders/{id} until predicate holds (timers fire on the cart's poll). */
  async waitForGroup(groupOrderId: string, predicate: (group: GroupOrder) => boolean, what: string, timeoutMs = 30000): Promise<GroupOrder> {
    let last: unknown;
    try {
      return await waitFor(
        async () => {
          const response = await this.call<GroupOrder>('GET', `/groupOrders/${groupOrderId}`, 'customer5');
          last = response.body;
          return response.status === 200 && predicate(response.body) ? response.body : undefined;
        },
        { timeoutMs, intervalMs: 250, description: `group order ${groupOrderId}: ${what}` },
      );
    } catch (error) {
      throw new Error(`${(error as Error).message}; last answer: ${JSON.stringify(last)}`);
    }
  }

  private token(user: FoodRushUser): string {
    const token = this.tokens.get(user);
    if (!token) throw new Error(`${user} has not logged in`);
    return token;
  }

  private expectStatus<T>(status: number, response: ApiResponse<T>, what: string): T {
    if (response.status !== status) throw new Error(`${what} answered ${response.status} (expected ${status}): ${JSON.stringify(response.body)}`);
    return response.body;
  }
}
