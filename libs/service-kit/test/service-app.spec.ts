import { Controller, Get, Module } from '@nestjs/common';
import { createServer, type Server } from 'node:net';
import {
  currentCorrelationId,
  loadConfig,
  type RunningService,
  ServiceConfig,
  ServiceKitModule,
  startServiceApp,
} from '../src';

@Controller('probe')
class ProbeController {
  @Get()
  probe(): { correlationId: string | undefined } {
    return { correlationId: currentCorrelationId() };
  }
}

/** A port that accepts nothing: Kafka readiness must report it down. */
async function closedPort(): Promise<number> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('startServiceApp (HTTP surface shared by every service)', () => {
  let service: RunningService;

  beforeAll(async () => {
    const config = loadConfig(ServiceConfig, {
      HTTP_PORT: '0',
      HTTP_HOST: '127.0.0.1',
      KAFKA_BROKERS: `127.0.0.1:${await closedPort()}`,
      KAFKA_CLIENT_ID: 'kit-test',
      LOG_LEVEL: 'silent',
    });
    @Module({ imports: [ServiceKitModule.forRoot({ name: 'kit-test', config })], controllers: [ProbeController] })
    class KitTestModule {}
    service = await startServiceApp({ name: 'kit-test', module: KitTestModule, config });
  });

  afterAll(async () => {
    await service?.close();
  });

  it('answers liveness with {"status":"ok"}', async () => {
    const res = await fetch(`${service.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('answers readiness 503 naming Kafka when the broker is unreachable', async () => {
    const res = await fetch(`${service.url}/health/ready`);
    expect(res.status).toBe(503);
    const body = (await res.json()) as { status: string; checks: Record<string, { status: string }> };
    expect(body.status).toBe('error');
    expect(body.checks.kafka.status).toBe('down');
  });

  it('echoes a caller correlation id and exposes it to handlers', async () => {
    const res = await fetch(`${service.url}/probe`, { headers: { 'x-correlation-id': 'abc-123' } });
    expect(res.headers.get('x-correlation-id')).toBe('abc-123');
    expect(await res.json()).toEqual({ correlationId: 'abc-123' });
  });

  it('generates a correlation id when the caller sends none', async () => {
    const res = await fetch(`${service.url}/probe`);
    const header = res.headers.get('x-correlation-id');
    expect(header).toMatch(/^[0-9a-f-]{36}$/);
    expect(await res.json()).toEqual({ correlationId: header });
  });

  it('serves Prometheus metrics with the service label and HTTP durations', async () => {
    await fetch(`${service.url}/probe`);
    const res = await fetch(`${service.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(text).toMatch(/process_cpu_user_seconds_total\{service="kit-test"\}/);
    const probeCount = text
      .split('\n')
      .find((line) => line.startsWith('http_request_duration_seconds_count{') && line.includes('route="/probe"'));
    expect(probeCount).toContain('service="kit-test"');
    expect(Number(probeCount?.split(' ').pop())).toBeGreaterThanOrEqual(1);
  });
});
