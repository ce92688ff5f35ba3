import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createPaymentProvider,
  loadPaymentProviderConfig,
  PaymentRequestError,
  StripePaymentProvider,
  TransientPaymentError,
  type ChargeRequest,
} from '../src/providers';

// A local stand-in for api.stripe.com: it checks what the SDK sends and answers with the
// JSON shapes Stripe documents, including idempotent replay of a key's first answer.

const API_KEY = 'sk_test_order_platform_123';

interface RecordedRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  idempotencyKey: string | undefined;
  contentType: string | undefined;
  form: Record<string, string>;
}

type Fault = 'http500' | 'hang' | 'rate-limit';

class FakeStripeApi {
  readonly requests: RecordedRequest[] = [];
  readonly createdIntents: string[] = [];
  readonly faults: Fault[] = [];
  private readonly replies = new Map<string, { status: number; body: unknown }>();
  private readonly refundedByIntent = new Map<string, number>();
  private readonly amountByIntent = new Map<string, number>();
  private server!: Server;
  baseUrl = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const recorded: RecordedRequest = {
      method: req.method ?? '',
      path: req.url ?? '',
      authorization: req.headers['authorization'],
      idempotencyKey: header(req, 'idempotency-key'),
      contentType: req.headers['content-type'],
      form: Object.fromEntries(new URLSearchParams(raw)),
    };
    this.requests.push(recorded);

    const fault = this.faults.shift();
    if (fault === 'http500') return send(res, 500, { error: { type: 'api_error', message: 'An unknown error occurred' } });
    if (fault === 'rate-limit') return send(res, 429, { error: { type: 'invalid_request_error', code: 'rate_limit', message: 'Too many requests' } });
    if (recorded.authorization !== `Bearer ${API_KEY}`) {
      return send(res, 401, { error: { type: 'invalid_request_error', message: 'Invalid API Key provided' } });
    }

    const key = recorded.idempotencyKey;
    const replay = key ? this.replies.get(key) : undefined;
    const reply = replay ?? this.route(recorded);
    if (key && !replay) this.replies.set(key, reply);
    // The provider did the work, but the client gives up before the answer arrives.
    if (fault === 'hang') return;
    send(res, reply.status, reply.body);
  }

  private route(request: RecordedRequest): { status: number; body: unknown } {
    if (request.method === 'POST' && request.path === '/v1/payment_intents') return this.createIntent(request.form);
    if (request.method === 'POST' && request.path === '/v1/refunds') return this.createRefund(request.form);
    return { status: 404, body: { error: { type: 'invalid_request_error', message: `Unrecognized request URL` } } };
  }

  private createIntent(form: Record<string, string>): { status: number; body: unknown } {
    const id = `pi_${randomUUID().replace(/-/g, '').slice(0, 24)}`;
    const amount = Number(form['amount']);
    const base = {
      id,
      object: 'payment_intent',
      amount,
      currency: form['currency'],
      customer: form['customer'] ?? null,
      description: form['description'] ?? null,
      payment_method: form['payment_method'],
      metadata: metadataOf(form),
    };
    const cardError = (code: string, declineCode: string | undefined, message: string) => ({
      status: 402,
      body: {
        error: {
          type: 'card_error',
          code,
          decline_code: declineCode,
          message,
          doc_url: `https://stripe.com/docs/error-codes/${code}`,
          payment_intent: { ...base, status: 'requires_payment_method', amount_received: 0, latest_charge: `ch_${id.slice(3)}` },
        },
      },
    });
    switch (form['payment_method']) {
      case 'pm_card_chargeDeclined':
        return cardError('card_declined', 'generic_decline', 'Your card was declined.');
      case 'pm_card_chargeDeclinedInsufficientFunds':
        return cardError('card_declined', 'insufficient_funds', 'Your card has insufficient funds.');
      case 'pm_card_chargeDeclinedProcessingError':
        return cardError('processing_error', undefined, 'An error occurred while processing your card. Try again in a little bit.');
      case 'pm_missing':
        return {
          status: 400,
          body: { error: { type: 'invalid_request_error', code: 'resource_missing', param: 'payment_method', message: "No such PaymentMethod: 'pm_missing'" } },
        };
    }
    this.createdIntents.push(id);
    this.amountByIntent.set(id, amount);
    return {
      status: 200,
      body: {
        ...base,
        status: 'succeeded',
        amount_received: amount,
        latest_charge: {
          id: `ch_${id.slice(3)}`,
          object: 'charge',
          amount,
          currency: form['currency'],
          status: 'succeeded',
          paid: true,
          billing_details: { name: 'Ada Lovelace', email: null, phone: null, address: null },
          payment_method_details: {
            type: 'card',
            card: { brand: 'visa', last4: '4242', exp_month: 12, exp_year: 2034, funding: 'credit', country: 'US', iin: '424242' },
          },
        },
      },
    };
  }

  private createRefund(form: Record<string, string>): { status: number; body: unknown } {
    const intent = form['payment_intent'];
    const charged = this.amountByIntent.get(intent);
    if (charged === undefined) {
      return { status: 404, body: { error: { type: 'invalid_request_error', code: 'resource_missing', param: 'payment_intent', message: `No such payment_intent: '${intent}'` } } };
    }
    const refunded = this.refundedByIntent.get(intent) ?? 0;
    if (refunded >= charged) {
      return { status: 400, body: { error: { type: 'invalid_request_error', code: 'charge_already_refunded', message: 'Charge has already been refunded.' } } };
    }
    const amount = form['amount'] ? Number(form['amount']) : charged - refunded;
    this.refundedByIntent.set(intent, refunded + amount);
    return {
      status: 200,
      body: { id: `re_${randomUUID().replace(/-/g, '').slice(0, 24)}`, object: 'refund', amount, currency: 'eur', status: 'succeeded', payment_intent: intent },
    };
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function metadataOf(form: Record<string, string>): Record<string, string> {
  const metadata: Record<string, string> = {};
  for (const [field, value] of Object.entries(form)) {
    const match = /^metadata\[(.+)\]$/.exec(field);
    if (match) metadata[match[1]] = value;
  }
  return metadata;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'request-id': `req_${randomUUID().slice(0, 8)}` });
  res.end(json);
}

describe('StripePaymentProvider against a local Stripe API stand-in', () => {
  let api: FakeStripeApi;
  let provider: StripePaymentProvider;

  beforeEach(async () => {
    api = new FakeStripeApi();
    await api.start();
    provider = new StripePaymentProvider({ apiKey: API_KEY, apiBase: api.baseUrl, timeoutMs: 300 });
  });

  afterEach(() => api.stop());

  const chargeRequest = (overrides: Partial<ChargeRequest> = {}): ChargeRequest => ({
    idempotencyKey: `payment-${randomUUID()}`,
    amountMinor: 12345,
    currency: 'EUR',
    customerId: 'cust-8080',
    paymentMethod: { type: 'token', token: 'pm_card_visa' },
    description: 'Order o-42',
    metadata: { orderId: 'o-42' },
    ...overrides,
  });

  it('creates and confirms a PaymentIntent in minor units with the key, and masks the card', async () => {
    const request = chargeRequest();
    const result = await provider.charge(request);

    expect(result).toEqual({
      status: 'succeeded',
      providerChargeId: api.createdIntents[0],
      amountMinor: 12345,
      currency: 'EUR',
      card: { brand: 'visa', first6: '424242', last4: '4242', expMonth: 12, expYear: 2034, holderName: 'Ada Lovelace' },
    });
    expect(api.requests).toHaveLength(1);
    const [sent] = api.requests;
    expect(sent).toMatchObject({
      method: 'POST',
      path: '/v1/payment_intents',
      authorization: `Bearer ${API_KEY}`,
      idempotencyKey: request.idempotencyKey,
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(sent.form).toMatchObject({
      amount: '12345',
      currency: 'eur',
      confirm: 'true',
      payment_method: 'pm_card_visa',
      'payment_method_types[0]': 'card',
      'expand[0]': 'latest_charge',
      description: 'Order o-42',
      'metadata[orderId]': 'o-42',
      'metadata[customer_id]': 'cust-8080',
    });
    expect(sent.form).not.toHaveProperty('customer');
  });

  it('charges a card on file off-session for the Stripe customer', async () => {
    await provider.charge(
      chargeRequest({ paymentMethod: { type: 'card_on_file', reference: 'pm_saved_1', providerCustomerId: 'cus_123' } }),
    );
    expect(api.requests[0].form).toMatchObject({ payment_method: 'pm_saved_1', customer: 'cus_123', off_session: 'true' });
  });

  it('maps a 402 card_declined to a declined result', async () => {
    const result = await provider.charge(chargeRequest({ paymentMethod: { type: 'token', token: 'pm_card_chargeDeclined' } }));
    expect(result).toEqual({
      status: 'declined',
      reason: 'card_declined',
      message: 'Your card was declined.',
      providerChargeId: expect.stringMatching(/^pi_/),
    });
  });

  it('maps decline_code insufficient_funds', async () => {
    const result = await provider.charge(
      chargeRequest({ paymentMethod: { type: 'token', token: 'pm_card_chargeDeclinedInsufficientFunds' } }),
    );
    expect(result).toMatchObject({ status: 'declined', reason: 'insufficient_funds' });
  });

  it('maps an unknown payment method to invalid_payment_method', async () => {
    const result = await provider.charge(chargeRequest({ paymentMethod: { type: 'token', token: 'pm_missing' } }));
    expect(result).toMatchObject({ status: 'declined', reason: 'invalid_payment_method' });
  });

  it('treats processing_error as transient', async () => {
    const error = await provider
      .charge(chargeRequest({ paymentMethod: { type: 'token', token: 'pm_card_chargeDeclinedProcessingError' } }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransientPaymentError);
    expect(error).toMatchObject({ code: 'processing_error' });
  });

  it('turns a 500 into a TransientPaymentError without retrying by itself; the retry reuses the key', async () => {
    api.faults.push('http500');
    const request = chargeRequest();

    const error = await provider.charge(request).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransientPaymentError);
    expect(api.requests).toHaveLength(1);

    await expect(provider.charge(request)).resolves.toMatchObject({ status: 'succeeded' });
    expect(api.requests.map((r) => r.idempotencyKey)).toEqual([request.idempotencyKey, request.idempotencyKey]);
    expect(api.createdIntents).toHaveLength(1);
  });

  it('turns a 429 into a TransientPaymentError', async () => {
    api.faults.push('rate-limit');
    await expect(provider.charge(chargeRequest())).rejects.toMatchObject({ name: 'TransientPaymentError', code: 'rate_limited' });
  });

  it('after a time-out the retry with the same key gets the first charge back, not a second one', async () => {
    api.faults.push('hang');
    const request = chargeRequest();

    const error = await provider.charge(request).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransientPaymentError);
    expect(error).toMatchObject({ code: 'connection_error' });

    const retried = await provider.charge(request);
    expect(retried).toMatchObject({ status: 'succeeded', providerChargeId: api.createdIntents[0] });
    expect(api.createdIntents).toHaveLength(1);
    expect(new Set(api.requests.map((r) => r.idempotencyKey))).toEqual(new Set([request.idempotencyKey]));
  });

  it('reports a bad API key as a non-retryable request error', async () => {
    const wrongKey = new StripePaymentProvider({ apiKey: 'sk_test_wrong', apiBase: api.baseUrl, timeoutMs: 300 });
    await expect(wrongKey.charge(chargeRequest())).rejects.toBeInstanceOf(PaymentRequestError);
  });

  it('treats a refused connection as transient', async () => {
    const down = new StripePaymentProvider({ apiKey: API_KEY, apiBase: api.baseUrl, timeoutMs: 300 });
    await api.stop();
    await expect(down.charge(chargeRequest())).rejects.toBeInstanceOf(TransientPaymentError);
    await api.start(); // afterEach stops it again
  });

  it('refunds with its own idempotency key and maps an already refunded charge', async () => {
    const charged = await provider.charge(chargeRequest());
    if (charged.status !== 'succeeded') throw new Error('charge failed');

    const partial = await provider.refund({ idempotencyKey: 'refund-1', providerChargeId: charged.providerChargeId, amountMinor: 2345, currency: 'EUR' });
    const rest = await provider.refund({ idempotencyKey: 'refund-2', providerChargeId: charged.providerChargeId });
    const more = await provider.refund({ idempotencyKey: 'refund-3', providerChargeId: charged.providerChargeId });

    expect(partial).toMatchObject({ status: 'succeeded', amountMinor: 2345, currency: 'EUR', providerRefundId: expect.stringMatching(/^re_/) });
    expect(rest).toMatchObject({ status: 'succeeded', amountMinor: 10000 });
    expect(more).toMatchObject({ status: 'failed', reason: 'already_refunded' });
    const refundCalls = api.requests.filter((r) => r.path === '/v1/refunds');
    expect(refundCalls.map((r) => r.idempotencyKey)).toEqual(['refund-1', 'refund-2', 'refund-3']);
    expect(refundCalls[0].form).toEqual({ payment_intent: charged.providerChargeId, amount: '2345' });
  });

  it('sends ISK in the two-decimal units Stripe expects and reports ISO minor units back', async () => {
    const result = await provider.charge(chargeRequest({ amountMinor: 4990, currency: 'ISK' }));
    expect(api.requests[0].form).toMatchObject({ amount: '499000', currency: 'isk' });
    expect(result).toMatchObject({ status: 'succeeded', amountMinor: 4990, currency: 'ISK' });
  });

  it('is what createPaymentProvider builds from PAYMENT_PROVIDER=stripe and STRIPE_API_BASE', async () => {
    const configured = createPaymentProvider(
      loadPaymentProviderConfig({ PAYMENT_PROVIDER: 'stripe', STRIPE_API_KEY: API_KEY, STRIPE_API_BASE: api.baseUrl }),
    );
    expect(configured.name).toBe('stripe');
    await expect(configured.charge(chargeRequest())).resolves.toMatchObject({ status: 'succeeded' });
    expect(api.requests).toHaveLength(1);
  });
});
