import { type ArgumentsHost, Logger } from '@nestjs/common';
import { Commands, type CustomerAppOrderView, type GetOrderResponse } from '@order-platform/contracts';
import { CORRELATION_HEADER, runWithCorrelationId } from '@order-platform/service-kit';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CommandFailedError, CommandUnavailableError } from '../../api-errors/command-failed.error';
import { CheckoutExceptionFilter } from '../../checkout/checkout-exception.filter';
import type { CommandBus } from '../../commands/command-bus.service';
import { CustomerAppExceptionFilter } from '../../customer-app/customer-app-exception.filter';
import { HttpOrderReads } from '../http-order-reads';
import { KafkaOrderReads } from '../kafka-order-reads';
import type { OrderReads } from '../order-reads';

const order: GetOrderResponse = { orderId: '456', status: 'pending', timeline: [] };
const draft = { orderId: '456', customerId: '5', restaurantId: '9', state: 'CREATED' } as CustomerAppOrderView;

/** Both services at one stand-in address: each read names its own path. */
const httpReads = (url: string, timeoutMs: number) => new HttpOrderReads({ orderStatus: url, cart: url }, timeoutMs);

/** A loopback HTTP server standing in for order-status or cart; `handle` decides each answer. */
async function listen(handle: (request: IncomingMessage, response: ServerResponse) => void): Promise<{ url: string; server: Server }> {
  const server = createServer(handle);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

/** What the checkout family sends the client for the read's failure. */
function checkoutAnswerTo(reads: OrderReads, orderId = '456'): Promise<{ status: number; body: unknown }> {
  return answerTo(reads.getOrder(orderId), new CheckoutExceptionFilter());
}

/** What the customer-app family sends the client for the customer-app read's failure. */
function customerAppAnswerTo(reads: OrderReads, orderId = '456'): Promise<{ status: number; body: unknown }> {
  return answerTo(reads.getCustomerAppOrder(orderId), new CustomerAppExceptionFilter());
}

async function answerTo(read: Promise<unknown>, filter: { catch(error: unknown, host: ArgumentsHost): void }): Promise<{ status: number; body: unknown }> {
  const error = await read.then(
    () => {
      throw new Error('expected the read to fail');
    },
    (failure: unknown) => failure,
  );
  const sent = { status: 0, body: undefined as unknown };
  const reply = {
    status(code: number) {
      sent.status = code;
      return reply;
    },
    send(body: unknown) {
      sent.body = body;
      return reply;
    },
  };
  filter.catch(error, { switchToHttp: () => ({ getResponse: () => reply }) } as unknown as ArgumentsHost);
  return sent;
}

const UNAVAILABLE = { status: 503, body: { error: 'Service temporarily unavailable, please retry', details: [] } };

describe('OrderReads adapters: one failure, one answer', () => {
  const servers: Server[] = [];
  beforeAll(() => Logger.overrideLogger(false));
  afterEach(async () => {
    await Promise.all(servers.splice(0).map(close));
  });

  async function standIn(handle: (request: IncomingMessage, response: ServerResponse) => void): Promise<string> {
    const { url, server } = await listen(handle);
    servers.push(server);
    return url;
  }

  it('http: returns the reply data, asking /internal/orders/{id} with the correlation id', async () => {
    const seen: Array<{ url?: string; correlationId?: string | string[] }> = [];
    const url = await standIn((request, response) => {
      seen.push({ url: request.url, correlationId: request.headers[CORRELATION_HEADER] });
      json(response, 200, { ok: true, data: order });
    });
    const answer = await runWithCorrelationId('corr-1', () => httpReads(url, 1000).getOrder('a/b 1'));
    expect(answer).toEqual(order);
    expect(seen).toEqual([{ url: '/internal/orders/a%2Fb%201', correlationId: 'corr-1' }]);
  });

  it("http: a service refusal is the client's 404, as over Kafka", async () => {
    const notFound = { ok: false, error: { code: 'NOT_FOUND', message: 'Order 456 not found' } };
    const url = await standIn((_request, response) => json(response, 404, notFound));
    const overHttp = await checkoutAnswerTo(httpReads(url, 1000));
    const overKafka = await checkoutAnswerTo(new KafkaOrderReads(busFailingWith(new CommandFailedError(notFound.error))));
    expect(overHttp).toEqual({ status: 404, body: { error: 'Order 456 not found', details: [] } });
    expect(overHttp).toEqual(overKafka);
  });

  it('http: a refused connection is 503 in the checkout shape, the same answer as a Kafka time-out', async () => {
    const url = await standIn((_request, response) => json(response, 200, { ok: true, data: order }));
    await close(servers.pop() as Server);
    const overHttp = await checkoutAnswerTo(httpReads(url, 1000));
    const overKafka = await checkoutAnswerTo(new KafkaOrderReads(busFailingWith(new CommandUnavailableError(Commands.OrderStatus.GetOrder, new Error('Timeout has occurred')))));
    expect(overHttp).toEqual(UNAVAILABLE);
    expect(overKafka).toEqual(UNAVAILABLE);
  });

  it('http: no answer within the time-out is 503', async () => {
    const url = await standIn(() => undefined); // holds every request
    const reads = httpReads(url, 150);
    await expect(reads.getOrder('456')).rejects.toBeInstanceOf(CommandUnavailableError);
    expect(await checkoutAnswerTo(reads)).toEqual(UNAVAILABLE);
  });

  it('http: an answer that is not a reply (a proxy 502, a service without the route) is 503, never a 404 or 500', async () => {
    const url = await standIn((request, response) => {
      if (request.url?.endsWith('/proxy')) response.writeHead(502, { 'content-type': 'text/html' }).end('<h1>Bad Gateway</h1>');
      else json(response, 404, { statusCode: 404, message: 'Cannot GET /internal/orders/456', error: 'Not Found' });
    });
    const reads = httpReads(url, 1000);
    expect(await checkoutAnswerTo(reads, 'proxy')).toEqual(UNAVAILABLE);
    expect(await checkoutAnswerTo(reads, '456')).toEqual(UNAVAILABLE);
  });

  it("http: order-status's own UNAVAILABLE reply is 503", async () => {
    const url = await standIn((_request, response) => json(response, 503, { ok: false, error: { code: 'UNAVAILABLE', message: 'order status is unavailable, please retry' } }));
    expect((await checkoutAnswerTo(httpReads(url, 1000))).status).toBe(503);
  });

  it("http: reads the customer-app order from cart's /internal/customer-app-orders/{id} with the correlation id", async () => {
    const seen: Array<{ url?: string; correlationId?: string | string[] }> = [];
    const url = await standIn((request, response) => {
      seen.push({ url: request.url, correlationId: request.headers[CORRELATION_HEADER] });
      json(response, 200, { ok: true, data: draft });
    });
    const reads = new HttpOrderReads({ orderStatus: 'http://127.0.0.1:1', cart: url }, 1000);
    expect(await runWithCorrelationId('corr-2', () => reads.getCustomerAppOrder('a/b 1'))).toEqual(draft);
    expect(seen).toEqual([{ url: '/internal/customer-app-orders/a%2Fb%201', correlationId: 'corr-2' }]);
  });

  it("http: cart's refusal is the customer-app family's 404, as over Kafka", async () => {
    const notFound = { ok: false, error: { code: 'NOT_FOUND', message: 'Order 456 not found.', details: { errorKey: 'orderNotFound' } } };
    const url = await standIn((_request, response) => json(response, 404, notFound));
    const overHttp = await customerAppAnswerTo(httpReads(url, 1000));
    const overKafka = await customerAppAnswerTo(new KafkaOrderReads(busFailingWith(new CommandFailedError(notFound.error))));
    expect(overHttp).toEqual({ status: 404, body: { errorKey: 'orderNotFound', message: 'Order 456 not found.' } });
    expect(overHttp).toEqual(overKafka);
  });

  it('http: a cart that is down or answers without a reply is 503 in the customer-app shape, the same answer as a Kafka time-out', async () => {
    const url = await standIn((_request, response) => response.writeHead(502, { 'content-type': 'text/html' }).end('<h1>Bad Gateway</h1>'));
    const overProxy = await customerAppAnswerTo(httpReads(url, 1000));
    await close(servers.pop() as Server);
    const refused = await customerAppAnswerTo(httpReads(url, 1000));
    const overKafka = await customerAppAnswerTo(new KafkaOrderReads(busFailingWith(new CommandUnavailableError(Commands.CustomerApp.GetOrder, new Error('Timeout has occurred')))));
    expect(overProxy.status).toBe(503);
    expect(overProxy).toEqual(overKafka);
    expect(refused).toEqual(overKafka);
  });

  it('kafka: sends the get-order command keyed by the order', async () => {
    const sent: unknown[] = [];
    const bus = { send: async (...args: unknown[]) => (sent.push(args), order) } as unknown as CommandBus;
    expect(await new KafkaOrderReads(bus).getOrder('456')).toEqual(order);
    expect(sent).toEqual([[Commands.OrderStatus.GetOrder, { orderId: '456' }, '456']]);
  });

  it("kafka: sends cart's customer-app get-order command keyed by the order", async () => {
    const sent: unknown[] = [];
    const bus = { send: async (...args: unknown[]) => (sent.push(args), draft) } as unknown as CommandBus;
    expect(await new KafkaOrderReads(bus).getCustomerAppOrder('456')).toEqual(draft);
    expect(sent).toEqual([[Commands.CustomerApp.GetOrder, { orderId: '456' }, '456']]);
  });
});

function busFailingWith(error: Error): CommandBus {
  return { send: async () => Promise.reject(error) } as unknown as CommandBus;
}
