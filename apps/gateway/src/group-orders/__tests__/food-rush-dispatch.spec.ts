import { type ArgumentsHost, Logger } from '@nestjs/common';
import { Commands } from '@order-platform/contracts';
import type { FastifyReply } from 'fastify';
import { CommandFailedError } from '../../api-errors/command-failed.error';
import type { AppIdentity } from '../../auth/app-identity';
import type { CommandBus } from '../../commands/command-bus.service';
import { CustomerAppExceptionFilter } from '../../customer-app/customer-app-exception.filter';
import { CustomerAppOrdersController } from '../../customer-app/orders/customer-app-orders.controller';
import { KafkaOrderReads } from '../../order-reads/kafka-order-reads';
import { CustomerFoodRushOrdersController } from '../customers/customer-food-rush-orders.controller';
import { GroupOrdersController } from '../group-orders/group-orders.controller';
import { FoodRushOrderAddressController } from '../orders/food-rush-order-address.controller';
import { ExternalOrdersController } from '../restaurants/external-orders.controller';
import { FoodRushCommands } from '../shared/food-rush-commands';

const customer5: AppIdentity = { sub: 'customer5', role: 'CUSTOMER_APP', customerId: '5' };
const restaurant6: AppIdentity = { sub: 'restaurant6', role: 'RESTAURANT_APP', restaurantId: '6' };
const memberOrder = { id: '8', rawPrice: 4660, discountedPrice: 3970, createdAt: '2015-01-30 16:09:26' };
const address = { street: 'Allée des techniques avancées', latitude: 48.711, longitude: 2.21928 };
const body = { foodRushDurationInMinutes: 30, productFormats: { '1': 2 }, deliveryAddress: address };

/** The customer-app controller reading the checkout view over the same recording bus. */
function appOrders(bus: CommandBus): CustomerAppOrdersController {
  return new CustomerAppOrdersController(bus, new KafkaOrderReads(bus));
}

/** A command bus that records what is sent and answers by topic. */
function fakeBus(answers: Record<string, unknown> = {}) {
  const sent: Array<{ topic: string; payload: Record<string, unknown>; key: string }> = [];
  const bus = {
    send: jest.fn(async (topic: string, payload: Record<string, unknown>, key: string) => {
      sent.push({ topic, payload, key });
      return answers[topic] ?? memberOrder;
    }),
  };
  return { bus: bus as unknown as CommandBus, sent };
}

function fakeReply(): FastifyReply & { statusCode: number } {
  const reply: { statusCode: number; status: jest.Mock } = { statusCode: 200, status: jest.fn() };
  reply.status.mockImplementation((code: number) => ((reply.statusCode = code), reply));
  return reply as unknown as FastifyReply & { statusCode: number };
}

/** What the family filter answers for an error thrown by a controller. */
async function rendered(promise: Promise<unknown>): Promise<{ status: number; body: unknown }> {
  const sent = { status: 0, body: undefined as unknown };
  const reply = { status: (code: number) => ((sent.status = code), reply), send: (payload: unknown) => ((sent.body = payload), reply) };
  try {
    await promise;
  } catch (error) {
    new CustomerAppExceptionFilter().catch(error, { switchToHttp: () => ({ getResponse: () => reply }) } as unknown as ArgumentsHost);
    return sent;
  }
  throw new Error('expected the call to fail');
}

describe('FoodRush dispatch on the shared /orders routes', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('POST /orders with foodRushDurationInMinutes creates a group order: the body untouched, requester from the token, 201', async () => {
    const { bus, sent } = fakeBus();
    const reply = fakeReply();
    await expect(appOrders(bus).create(body, customer5, reply)).resolves.toEqual(memberOrder);
    expect(sent).toEqual([{ topic: Commands.GroupOrders.CreateOrder, payload: { requester: { role: 'CUSTOMER_APP', customerId: '5' }, body }, key: '5' }]);
    expect(reply.statusCode).toBe(201);
  });

  it('POST /orders with foodRushDurationInMinutes of any value (even null) is still a group order: the cart judges it', async () => {
    const { bus, sent } = fakeBus();
    await appOrders(bus).create({ ...body, foodRushDurationInMinutes: null }, customer5, fakeReply());
    expect(sent[0]?.topic).toBe(Commands.GroupOrders.CreateOrder);
  });

  it('POST /orders without it stays the customer-app order (200)', async () => {
    const draft = { orderId: 'o-1', customerId: '5', restaurantId: '9', state: 'CREATED', currency: 'USD', lines: [], subtotalMinor: 0, discountMinor: 0, taxMinor: 0, totalMinor: 0 };
    const { bus, sent } = fakeBus({ [Commands.CustomerApp.CreateOrder]: draft });
    const reply = fakeReply();
    const created = await appOrders(bus).create({ restaurantId: '9', lines: [{ productId: 'margherita', quantity: 1 }], tableNumber: 'B2' }, customer5, reply);
    expect(sent.map((s) => s.topic)).toEqual([Commands.CustomerApp.CreateOrder]);
    expect(created).toMatchObject({ id: 'o-1', status: 'CREATED' });
    expect(reply.status).not.toHaveBeenCalled();
  });

  it('GET /orders/{digits} reads the FoodRush order with the include list', async () => {
    const { bus, sent } = fakeBus();
    await expect(appOrders(bus).track('8', 'customer,groupOrder', customer5)).resolves.toEqual(memberOrder);
    expect(sent).toEqual([
      { topic: Commands.GroupOrders.GetOrder, payload: { requester: { role: 'CUSTOMER_APP', customerId: '5' }, orderId: '8', include: ['customer', 'groupOrder'] }, key: '8' },
    ]);
  });

  it('GET /orders/{uuid} stays the customer-app tracking', async () => {
    const id = '5b0a3f5e-9d2c-4f8e-8c1a-2d3e4f5a6b7c';
    const draft = { orderId: id, customerId: '5', restaurantId: '9', state: 'CREATED', currency: 'USD', lines: [], subtotalMinor: 0, discountMinor: 0, taxMinor: 0, totalMinor: 0 };
    const { bus, sent } = fakeBus({ [Commands.CustomerApp.GetOrder]: draft });
    await appOrders(bus).track(id, 'customer', customer5);
    expect(sent.map((s) => s.topic)).toEqual([Commands.CustomerApp.GetOrder]);
  });

  it('a FoodRush body that is not an object is refused before the cart: 400 invalidRequest', async () => {
    const { bus, sent } = fakeBus();
    const commands = new FoodRushCommands(bus);
    for (const bad of [null, undefined, 'text', 42, [body]]) {
      expect(await rendered(commands.joinGroupOrder(customer5, '20', bad))).toEqual({ status: 400, body: { errorKey: 'invalidRequest', message: 'The request body must be a JSON object.' } });
    }
    expect(sent).toEqual([]);
  });

  it('a cart refusal reaches the client as { errorKey, message } with its status', async () => {
    const refusal = new CommandFailedError({ code: 'UNPROCESSABLE', message: 'A group order already exists for the restaurant #6.', details: { errorKey: 'groupOrderAlreadyExisting' } });
    const bus = { send: jest.fn(async () => Promise.reject(refusal)) };
    expect(await rendered(appOrders(bus as unknown as CommandBus).create(body, customer5, fakeReply()))).toEqual({
      status: 422,
      body: { errorKey: 'groupOrderAlreadyExisting', message: 'A group order already exists for the restaurant #6.' },
    });
  });
});

describe('FoodRush routes', () => {
  it.each([
    ['GET /orders/{id}', (c: FoodRushCommands) => c.getOrder(customer5, 'abc', []), 'orderNotFound', 'The order #abc does not exist.'],
    ['GET /orders/{id} beyond bigint', (c: FoodRushCommands) => c.getOrder(customer5, '99999999999999999999', []), 'orderNotFound', 'The order #99999999999999999999 does not exist.'],
    ['GET /groupOrders/{id}', (c: FoodRushCommands) => c.getGroupOrder('x1', []), 'groupOrderNotFound', 'The groupOrder #x1 does not exist.'],
    ['POST /groupOrders/{id}/orders', (c: FoodRushCommands) => c.joinGroupOrder(customer5, '2a', body), 'groupOrderNotFound', 'The groupOrder #2a does not exist.'],
    ['POST /groupOrders/{id}/confirmation', (c: FoodRushCommands) => c.confirmGroupOrder(restaurant6, '1e3'), 'groupOrderNotFound', 'The groupOrder #1e3 does not exist.'],
    ['GET /customers/{id}/groupOrders/{id}/orders', (c: FoodRushCommands) => c.listCustomerOrders(customer5, '5', [], 'abc'), 'groupOrderNotFound', 'The groupOrder #abc does not exist.'],
  ])('%s with an id that is not digits is 404 like an unknown one, without asking the cart', async (_route, call, errorKey, message) => {
    const { bus, sent } = fakeBus();
    expect(await rendered(call(new FoodRushCommands(bus)))).toEqual({ status: 404, body: { errorKey, message } });
    expect(sent).toEqual([]);
  });

  it('GET /orders/{id}/deliveryAddress answers the order’s address object alone', async () => {
    const { bus, sent } = fakeBus({ [Commands.GroupOrders.GetOrder]: { ...memberOrder, deliveryAddress: address } });
    await expect(new FoodRushOrderAddressController(new FoodRushCommands(bus)).deliveryAddress('8', restaurant6)).resolves.toEqual(address);
    expect(sent[0]).toEqual({ topic: Commands.GroupOrders.GetOrder, payload: { requester: { role: 'RESTAURANT_APP', restaurantId: '6' }, orderId: '8', include: ['deliveryAddress'] }, key: '8' });
  });

  it('GET /groupOrders passes the parsed filter; GET /groupOrders/{id} the include list', async () => {
    const { bus, sent } = fakeBus({ [Commands.GroupOrders.ListGroupOrders]: [], [Commands.GroupOrders.GetGroupOrder]: { id: '20' } });
    const controller = new GroupOrdersController(new FoodRushCommands(bus));
    await controller.list({ joinable: '1', around: '1', latitude: '48.711', longitude: '2.21928', include: 'restaurant' });
    await controller.get('20', 'restaurant,bogus');
    expect(sent.map(({ topic, payload }) => ({ topic, payload }))).toEqual([
      { topic: Commands.GroupOrders.ListGroupOrders, payload: { joinable: true, around: { latitude: 48.711, longitude: 2.21928 }, include: ['restaurant'] } },
      { topic: Commands.GroupOrders.GetGroupOrder, payload: { groupOrderId: '20', include: ['restaurant', 'bogus'] } },
    ]);
  });

  it('join, confirm, external and customer lists carry the caller from the token and the path ids', async () => {
    const { bus, sent } = fakeBus();
    const commands = new FoodRushCommands(bus);
    const join = { productFormats: { '2': 1 }, deliveryAddress: address };
    await new GroupOrdersController(commands).join('20', join, customer5);
    await new GroupOrdersController(commands).confirm('20', restaurant6);
    await new ExternalOrdersController(commands).create('6', { ...join, customer: { firstName: 'Jean', lastName: 'Michel', phoneNumber: '0605040302' } }, restaurant6);
    await new CustomerFoodRushOrdersController(commands).list('5', 'groupOrder', customer5);
    await new CustomerFoodRushOrdersController(commands).listInGroup('5', '20', undefined, customer5);
    expect(sent).toEqual([
      { topic: Commands.GroupOrders.JoinGroupOrder, payload: { requester: { role: 'CUSTOMER_APP', customerId: '5' }, groupOrderId: '20', body: join }, key: 'group-order-20' },
      { topic: Commands.GroupOrders.ConfirmGroupOrder, payload: { requester: { role: 'RESTAURANT_APP', restaurantId: '6' }, groupOrderId: '20' }, key: 'group-order-20' },
      {
        topic: Commands.GroupOrders.CreateExternalOrder,
        payload: { requester: { role: 'RESTAURANT_APP', restaurantId: '6' }, restaurantId: '6', body: { ...join, customer: { firstName: 'Jean', lastName: 'Michel', phoneNumber: '0605040302' } } },
        key: '6',
      },
      { topic: Commands.GroupOrders.ListCustomerOrders, payload: { requester: { role: 'CUSTOMER_APP', customerId: '5' }, customerId: '5', include: ['groupOrder'] }, key: '5' },
      { topic: Commands.GroupOrders.ListCustomerOrders, payload: { requester: { role: 'CUSTOMER_APP', customerId: '5' }, customerId: '5', groupOrderId: '20', include: [] }, key: '5' },
    ]);
  });

  it('GET /groupOrders with around=1 and no coordinates is 400 missingCoordinates without asking the cart', async () => {
    const { bus, sent } = fakeBus();
    const controller = new GroupOrdersController(new FoodRushCommands(bus));
    expect(await rendered((async () => controller.list({ around: '1' }))())).toEqual({
      status: 400,
      body: { errorKey: 'missingCoordinates', message: 'latitude and longitude are required with around=1' },
    });
    expect(sent).toEqual([]);
  });
});
