import { dlqTopic, type InvoiceCreatedPayload, Topics, type TypedEvent } from '@order-platform/contracts';
import { tablesOf } from '@order-platform/service-kit';
import { waitFor } from '@order-platform/testing';
import { randomUUID } from 'node:crypto';
import { CARRIER } from '../src/carrier/carrier';
import type { LocalCarrier } from '../src/carrier/local-carrier';
import { isValidTrackingNumber } from '../src/carrier/tracking-number';
import * as events from './support/shipment-events';
import { ShipmentTestBed } from './support/shipment-test-bed';

const ADDRESS = '17 boulevard, 123 apt 6 Brooklyn NY';

// Lital Hay's order of two demo products (100.00 USD).
const LITAL_HAY_ORDER: Partial<InvoiceCreatedPayload> = {
  customerId: '8080',
  currency: 'USD',
  lines: [{ description: 'Demo product 1234', productId: '1234', quantity: 2, unitPriceMinor: 5000, taxMinor: 1803, totalMinor: 10000 }],
  subtotalMinor: 8197,
  taxMinor: 1803,
  totalMinor: 10000,
  customerName: 'Lital Hay',
  customerPhone: '0545870006',
  shippingAddress: ADDRESS,
};
const invoiceCreated = (orderId: string) => events.invoiceCreated(orderId, LITAL_HAY_ORDER);
const paymentProcessed = (orderId: string) => events.paymentProcessed(orderId, { amountMinor: 10000, currency: 'USD' });

describe('shipment service (real PostgreSQL + Kafka-protocol broker)', () => {
  let bed: ShipmentTestBed;

  beforeAll(async () => {
    bed = await ShipmentTestBed.start({ database: 'shipment', topics: [Topics.OrderShipped, dlqTopic(Topics.PaymentProcessed)] });
  }, 90_000);

  afterAll(() => bed?.stop(), 60_000);

  async function metric(name: string, labels: string): Promise<number> {
    const text = await (await fetch(`${bed.service.url}/metrics`)).text();
    const line = text.split('\n').find((l) => l.startsWith(`${name}{`) && labels.split(',').every((label) => l.includes(label)));
    return line ? Number(line.split(' ').pop()) : 0;
  }

  it('migrates its own schema', async () => {
    expect(await tablesOf(bed.infra.database.url, bed.service.schema)).toEqual(
      expect.arrayContaining(['migrations', 'outbox', 'processed_events', 'shipments', 'order_destinations', 'paid_orders']),
    );
  });

  it('ships a paid, invoiced order once with an 8-digit tracking number, also when the payment is redelivered', async () => {
    const orderId = randomUUID();
    await bed.publish(invoiceCreated(orderId));
    const payment = paymentProcessed(orderId);
    await bed.publish(payment);

    const shipped = await bed.waitShipped(orderId);
    const event = shipped.value as TypedEvent<'OrderShipped'>;
    expect(event).toMatchObject({ type: 'OrderShipped', correlationId: `test-${orderId}`, payload: { orderId, carrier: 'local', shippingAddress: ADDRESS, recipientName: 'Lital Hay' } });
    expect(isValidTrackingNumber(event.payload.trackingNumber)).toBe(true);
    expect(event.payload.trackingNumber).toMatch(/^\d{8}$/);

    const duplicatesBefore = await metric('events_handled_total', 'topic="PaymentProcessed",outcome="duplicate"');
    await bed.publish(payment);
    await waitFor(async () => (await metric('events_handled_total', 'topic="PaymentProcessed",outcome="duplicate"')) > duplicatesBefore, {
      timeoutMs: 20_000,
      description: 'the redelivered PaymentProcessed handled as a duplicate',
    });
    expect(bed.shippedFor(orderId)).toHaveLength(1);
  });

  it('retries a payment whose address is not known yet, and ships once InvoiceCreated arrives', async () => {
    const orderId = randomUUID();
    const payment = paymentProcessed(orderId);
    await bed.publish(payment);
    await waitFor(async () => (await metric('events_handled_total', 'topic="PaymentProcessed",outcome="parked"')) >= 1, {
      timeoutMs: 20_000,
      description: 'the payment parked after its retries',
    });
    expect(bed.shippedFor(orderId)).toHaveLength(0);

    await bed.publish(invoiceCreated(orderId));
    const shipped = await bed.waitShipped(orderId);
    expect((shipped.value as TypedEvent<'OrderShipped'>).payload.shippingAddress).toBe(ADDRESS);
    expect(bed.received(dlqTopic(Topics.PaymentProcessed)).filter((m) => m.key === orderId)).toHaveLength(0);
  });

  it('dead-letters a payment the carrier keeps refusing, counts it, and the next order still ships', async () => {
    const carrier = bed.get<LocalCarrier>(CARRIER);
    const failing = randomUUID();
    carrier.setFault('fail-always');
    try {
      await bed.publish(invoiceCreated(failing));
      await bed.publish(paymentProcessed(failing));
      const dead = await waitFor(() => bed.received(dlqTopic(Topics.PaymentProcessed)).find((m) => m.key === failing), {
        timeoutMs: 30_000,
        description: 'PaymentProcessed in its dead-letter topic',
      });
      expect(dead.headers['x-dlq-reason']).toBe('retries-exhausted');
      expect(dead.headers['x-dlq-error']).toContain(`refused the booking for order ${failing}`);
      expect(dead.headers['x-dlq-attempts']).toBe('5');
      expect(await metric('shipments_dead_lettered_total', 'topic="PaymentProcessed"')).toBeGreaterThanOrEqual(1);
    } finally {
      carrier.setFault('none');
    }

    const next = randomUUID();
    await bed.publish(invoiceCreated(next));
    await bed.publish(paymentProcessed(next));
    await bed.waitShipped(next);
    expect(bed.shippedFor(failing)).toHaveLength(0);
  }, 60_000);

  it('create-shipment: CONFLICT for an unpaid order, the same tracking number for a shipped one', async () => {
    const unpaid = randomUUID();
    const conflict = await bed.createShipment({ orderId: unpaid, name: 'Lital Hay', phone: '0545870006', shippingAddress: ADDRESS });
    expect(conflict).toEqual({ ok: false, error: { code: 'CONFLICT', message: `Order ${unpaid} has not been paid` } });

    const orderId = randomUUID();
    await bed.publish(invoiceCreated(orderId));
    await bed.publish(paymentProcessed(orderId));
    const shipped = (await bed.waitShipped(orderId)).value as TypedEvent<'OrderShipped'>;
    const reply = await bed.createShipment({ orderId, name: 'Lital Hay', phone: '0545870006', shippingAddress: ADDRESS });
    expect(reply).toEqual({
      ok: true,
      data: { trackingNumber: Number(shipped.payload.trackingNumber), orderId, status: 'shipped', carrier: 'local', created: false },
    });
  });

  it('create-shipment ships a paid order whose invoice has not arrived, once', async () => {
    const orderId = randomUUID();
    await bed.publish(paymentProcessed(orderId));
    const request = { orderId, name: 'Ada Lovelace', phone: '0500000000', shippingAddress: '1 Main St, Springfield' };
    const first = await bed.createShipment(request);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.data.created).toBe(true);
    expect(String(first.data.trackingNumber)).toMatch(/^\d{8}$/);
    const second = await bed.createShipment(request);
    expect(second).toEqual({ ok: true, data: { ...first.data, created: false } });
    const shipped = await bed.waitShipped(orderId);
    expect((shipped.value as TypedEvent<'OrderShipped'>).payload).toMatchObject({ shippingAddress: '1 Main St, Springfield', recipientName: 'Ada Lovelace' });
  });

  it('create-shipment names each invalid field', async () => {
    const reply = await bed.createShipment({ orderId: '', name: 'x' });
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error.code).toBe('VALIDATION_FAILED');
    const paths = (reply.error.details as Array<{ path: string }>).map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['orderId', 'phone', 'shippingAddress']));
  });

  it('serves /health, /health/ready and /metrics', async () => {
    expect(await (await fetch(`${bed.service.url}/health`)).json()).toEqual({ status: 'ok' });
    expect((await fetch(`${bed.service.url}/health/ready`)).status).toBe(200);
    const metrics = await (await fetch(`${bed.service.url}/metrics`)).text();
    expect(metrics).toContain('service="shipment"');
    expect(metrics).toContain('shipments_dead_lettered_total');
  });
});
