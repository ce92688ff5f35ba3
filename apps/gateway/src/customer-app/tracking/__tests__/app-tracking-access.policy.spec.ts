import { CommandErrorCodes, type GetOrderResponse } from '@order-platform/contracts';
import type { FastifyRequest } from 'fastify';
import { CommandFailedError } from '../../../api-errors/command-failed.error';
import type { AppIdentity } from '../../../auth/app-identity';
import type { CommandBus } from '../../../commands/command-bus.service';
import { KafkaOrderReads } from '../../../order-reads/kafka-order-reads';
import { AppTrackingAccessPolicy } from '../app-tracking-access.policy';

const order: GetOrderResponse = {
  orderId: '77',
  status: 'paid',
  timeline: [{ step: 'CartUpdated', at: '2026-01-15T10:00:00.000Z', eventId: 'e1', details: { customerId: '5' } }],
};
const as = (appIdentity?: AppIdentity) => ({ appIdentity }) as unknown as FastifyRequest;

describe('AppTrackingAccessPolicy', () => {
  function policyWith(restaurantOfOrder: string | undefined) {
    const send = jest.fn(async () => {
      if (restaurantOfOrder === undefined) throw new CommandFailedError({ code: CommandErrorCodes.NotFound, message: 'no such order' });
      return { orderId: '77', customerId: '5', restaurantId: restaurantOfOrder };
    });
    return { policy: new AppTrackingAccessPolicy(new KafkaOrderReads({ send } as unknown as CommandBus)), send };
  }

  it("lets the order's customer in without asking cart", async () => {
    const { policy, send } = policyWith('9');
    expect(await policy.denialOf(as({ sub: 'customer5', role: 'CUSTOMER_APP', customerId: '5' }), order)).toBeUndefined();
    expect(send).not.toHaveBeenCalled();
  });

  it('refuses another customer, naming whom to be', async () => {
    const { policy } = policyWith('9');
    expect(await policy.denialOf(as({ sub: 'customer6', role: 'CUSTOMER_APP', customerId: '6' }), order)).toBe(
      'Should be authenticated as customer 5 instead of 6.',
    );
  });

  it("lets the order's restaurant in and refuses other restaurants", async () => {
    const { policy } = policyWith('9');
    expect(await policy.denialOf(as({ sub: 'restaurant9', role: 'RESTAURANT_APP', restaurantId: '9' }), order)).toBeUndefined();
    expect(await policy.denialOf(as({ sub: 'restaurant10', role: 'RESTAURANT_APP', restaurantId: '10' }), order)).toBe(
      'Should be authenticated as restaurant 9 instead of 10.',
    );
  });

  it('refuses restaurants for orders without one, and callers without an identity', async () => {
    const { policy } = policyWith(undefined);
    expect(await policy.denialOf(as({ sub: 'restaurant9', role: 'RESTAURANT_APP', restaurantId: '9' }), order)).toMatch(/restaurant/);
    expect(await policy.denialOf(as(undefined), order)).toBeDefined();
  });
});
