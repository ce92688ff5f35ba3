import type { GetOrderResponse } from '@order-platform/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { EventEmitter } from 'node:events';
import type { CommandBus } from '../../../commands/command-bus.service';
import { KafkaOrderReads } from '../../../order-reads/kafka-order-reads';
import { OrderEventHub } from '../order-event-hub';
import { OrderTrackingController } from '../order-tracking.controller';
import { OrderTrackingService } from '../order-tracking.service';
import type { TrackingAccessPolicy } from '../tracking-access.policy';

const order: GetOrderResponse = {
  orderId: '456',
  status: 'pending',
  timeline: [{ step: 'CartUpdated', at: '2026-01-15T10:00:00.000Z', eventId: 'e1', details: { customerId: '8080' } }],
};

const openTrackingAccess: TrackingAccessPolicy = { denialOf: () => undefined };

class FakeRaw extends EventEmitter {
  written: string[] = [];
  head?: number;
  writableEnded = false;
  destroyed = false;
  writeHead(status: number): void {
    this.head = status;
  }
  write(chunk: string): boolean {
    this.written.push(chunk);
    return true;
  }
  end(): void {
    this.writableEnded = true;
  }
  destroy(): void {
    this.destroyed = true;
  }
}

function fakeReply() {
  const raw = new FakeRaw();
  const sent: Array<{ status: number; body: unknown }> = [];
  let status = 200;
  const reply = {
    raw,
    hijack: jest.fn(),
    status(code: number) {
      status = code;
      return reply;
    },
    send: async (body: unknown) => void sent.push({ status, body }),
  };
  return { reply: reply as unknown as FastifyReply, raw, sent };
}

describe('OrderTrackingController', () => {
  let hub: OrderEventHub;
  let release: () => void;
  let tracking: OrderTrackingService;

  beforeEach(() => {
    hub = new OrderEventHub();
    const gate = new Promise<void>((resolve) => (release = resolve));
    // The snapshot answers only when released, so events can land while it is in flight.
    const bus = { send: async () => gate.then(() => order) } as unknown as CommandBus;
    tracking = new OrderTrackingService(new KafkaOrderReads(bus), hub, { TRACKING_HEARTBEAT_MS: 15_000, TRACKING_RETRY_MS: 3_000, TRACKING_MAX_BUFFERED_EVENTS: 256 });
  });

  afterEach(() => tracking.onModuleDestroy());

  it('holds events that land while the snapshot is read, and skips those the snapshot has', async () => {
    const { reply, raw } = fakeReply();
    const opening = new OrderTrackingController(tracking, openTrackingAccess).streamOrderEvents('456', {} as FastifyRequest, reply);
    hub.publish({ id: 'e1', orderId: '456', type: 'CartUpdated', occurredAt: '2026-01-15T10:00:00.000Z', payload: {} });
    hub.publish({ id: 'e2', orderId: '456', type: 'InvoiceCreated', occurredAt: '2026-01-15T10:01:00.000Z', payload: {} });
    release();
    await opening;

    expect(raw.head).toBe(200);
    expect(raw.written.map((frame) => /event: (\w+)/.exec(frame)?.[1])).toEqual(['snapshot', 'InvoiceCreated']);
    expect(raw.written[1]).toContain('"status":"invoiced"');
    expect(tracking.openStreams).toBe(1);
  });

  it("answers 403 in the customer-app shape when the policy says it is not the caller's order", async () => {
    const { reply, raw, sent } = fakeReply();
    const denyAll: TrackingAccessPolicy = { denialOf: () => 'You may not track order 456' };
    release();
    await new OrderTrackingController(tracking, denyAll).streamOrderEvents('456', {} as FastifyRequest, reply);
    expect(sent).toEqual([{ status: 403, body: { errorKey: 'wrongAuthenticatedUser', message: 'You may not track order 456' } }]);
    expect(raw.written).toEqual([]);
    expect(hub.subscriberCount('456')).toBe(0);
  });

  it('ends every open stream on shutdown', async () => {
    const { reply, raw } = fakeReply();
    release();
    await new OrderTrackingController(tracking, openTrackingAccess).streamOrderEvents('456', {} as FastifyRequest, reply);
    tracking.onModuleDestroy();
    expect(raw.writableEnded).toBe(true);
    expect(tracking.openStreams).toBe(0);
    expect(hub.subscriberCount('456')).toBe(0);
  });
});
