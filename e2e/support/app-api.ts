import type { ApiResponse } from './checkout-api';

/** The customer and restaurant apps' side of the gateway: demo logins, bearer tokens, JSON calls. */
export class AppApi {
  private readonly tokens = new Map<string, string>();

  constructor(private readonly gatewayUrl: string) {}

  /** Logs a demo user in (password `<username>-demo`) and keeps the token. */
  async login(username: string): Promise<void> {
    const response = await fetch(`${this.gatewayUrl}/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: `${username}-demo` }),
    });
    const body = (await response.json()) as { access_token?: string };
    if (response.status !== 200 || !body.access_token) throw new Error(`login of ${username} answered ${response.status}: ${JSON.stringify(body)}`);
    this.tokens.set(username, body.access_token);
  }

  async call<T = Record<string, unknown>>(as: string, method: string, path: string, body?: unknown): Promise<ApiResponse<T>> {
    const token = this.tokens.get(as);
    if (!token) throw new Error(`${as} has not logged in`);
    const response = await fetch(`${this.gatewayUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as T };
  }
}
