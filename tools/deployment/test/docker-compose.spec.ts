import { parse } from 'yaml';
import {
  ComposeFile,
  ComposeService,
  loadResolvedComposeFile,
  readComposeSource,
  validateComposeFile,
} from '../src/compose-config';
import { SERVICES, expectedTopics } from '../src/deployment-expectations';
import { parseTopicList } from '../src/topic-list';

const INFRASTRUCTURE = ['kafka', 'kafka-topics', 'postgres', 'mailpit'];

function healthcheckCommand(service: ComposeService): string {
  const test = service.healthcheck?.test;
  return Array.isArray(test) ? test.join(' ') : (test ?? '');
}

describe('docker-compose.yml', () => {
  let compose: ComposeFile;

  beforeAll(() => {
    compose = loadResolvedComposeFile();
  });

  it('passes `docker-compose config -q`', () => {
    const result = validateComposeFile();
    expect(result.output).toBe('');
    expect(result.ok).toBe(true);
  });

  it('has no top-level name key (docker-compose 1.29 rejects it)', () => {
    const source = parse(readComposeSource()) as Record<string, unknown>;
    expect(source).not.toHaveProperty('name');
  });

  it('pins every image to a version tag', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      if (!service.image) continue;
      expect({ name, image: service.image }).toEqual({ name, image: expect.stringMatching(/:[^:/]+$/) });
      expect(service.image).not.toMatch(/:latest$/);
    }
  });

  it('runs Kafka in KRaft mode with a health check', () => {
    const kafka = compose.services['kafka'];
    expect(kafka.image).toMatch(/^apache\/kafka:\d+\.\d+\.\d+$/);
    expect(kafka.environment?.['KAFKA_PROCESS_ROLES']).toBe('broker,controller');
    expect(kafka.environment?.['KAFKA_CONTROLLER_QUORUM_VOTERS']).toBeTruthy();
    expect(Object.keys(kafka.environment ?? {}).some((key) => key.includes('ZOOKEEPER'))).toBe(false);
    expect(healthcheckCommand(kafka)).toContain('9092');
  });

  it('runs PostgreSQL 16 and mailpit with health checks', () => {
    expect(compose.services['postgres'].image).toMatch(/^postgres:16[.-]/);
    expect(healthcheckCommand(compose.services['postgres'])).toContain('pg_isready');
    expect(compose.services['mailpit'].image).toMatch(/^axllent\/mailpit:v\d/);
    expect(healthcheckCommand(compose.services['mailpit'])).not.toBe('');
  });

  it('creates every topic in a one-shot job that waits for a healthy Kafka', () => {
    const job = compose.services['kafka-topics'];
    expect(job.restart).toBe('no');
    expect(job.depends_on?.['kafka']).toEqual({ condition: 'service_healthy' });
    const topics = parseTopicList(job.environment?.['TOPICS'] ?? '');
    expect(topics.map((topic) => topic.name).sort()).toEqual(expectedTopics().sort());
    const script = Array.isArray(job.command) ? job.command.join('\n') : (job.command ?? '');
    // The script must iterate the list and create each topic with its partition count.
    expect(script).toMatch(/for spec in \$+TOPICS/);
    expect(script).toMatch(/kafka-topics\.sh[^\n]*--create/);
    expect(script).toContain('--partitions');
  });

  describe.each(SERVICES)('service $name', (expected) => {
    let service: ComposeService;
    beforeAll(() => {
      service = compose.services[expected.name];
    });

    it('is built from the one Dockerfile with its build args', () => {
      expect(service).toBeDefined();
      expect(service.build?.dockerfile).toBe('Dockerfile');
      expect(service.build?.args).toEqual({ SERVICE: expected.name, HTTP_PORT: String(expected.httpPort) });
    });

    it('sets the runtime environment from the service conventions', () => {
      const env = service.environment ?? {};
      expect(env['HTTP_PORT']).toBe(String(expected.httpPort));
      expect(env['HTTP_HOST']).toBe('0.0.0.0');
      expect(env['KAFKA_BROKERS']).toBe('kafka:9092');
      expect(env['KAFKA_CLIENT_ID']).toBe(expected.name);
      expect(env['SHUTDOWN_TIMEOUT_MS']).toMatch(/^\d+$/);
      if (expected.databaseSchema) {
        expect(env['DATABASE_URL']).toMatch(/^postgres:\/\/[^@]+@postgres:5432\/\w+$/);
        expect(env['DATABASE_SCHEMA']).toBe(expected.databaseSchema);
      } else {
        expect(env).not.toHaveProperty('DATABASE_URL');
      }
      if (expected.extraSecrets.includes('SMTP_URL')) expect(env['SMTP_URL']).toBe('smtp://mailpit:1025');
    });

    it('has a health check on its own port', () => {
      expect(service.healthcheck?.disable).not.toBe(true);
      expect(healthcheckCommand(service)).toMatch(/\/health(\/ready)?'/);
      expect(healthcheckCommand(service)).toContain('process.env.HTTP_PORT');
    });

    it('waits for healthy dependencies and the topic job', () => {
      const dependsOn = service.depends_on ?? {};
      expect(dependsOn['kafka']).toEqual({ condition: 'service_healthy' });
      expect(dependsOn['kafka-topics']).toEqual({ condition: 'service_completed_successfully' });
      if (expected.databaseSchema) expect(dependsOn['postgres']).toEqual({ condition: 'service_healthy' });
      if (expected.extraSecrets.includes('SMTP_URL')) expect(dependsOn['mailpit']).toEqual({ condition: 'service_healthy' });
      for (const [dependency, { condition }] of Object.entries(dependsOn)) {
        expect(['service_healthy', 'service_completed_successfully']).toContain(condition);
        // service_healthy on a service without a health check would wait forever.
        if (condition === 'service_healthy') expect(compose.services[dependency].healthcheck).toBeDefined();
      }
    });

    it('gets more stop time than its shutdown budget', () => {
      const graceSeconds = Number(/^(\d+)s$/.exec(service.stop_grace_period ?? '')?.[1]);
      expect(graceSeconds * 1000).toBeGreaterThan(Number(service.environment?.['SHUTDOWN_TIMEOUT_MS']));
    });
  });

  it('publishes only the gateway among the services, on port 3000', () => {
    const published = (name: string) =>
      (compose.services[name].ports ?? []).map((port) => (typeof port === 'string' ? port : `${port.published}:${port.target}`));
    expect(published('gateway')).toEqual([expect.stringMatching(/(^|:)3000:3000$/)]);
    for (const service of SERVICES.filter((candidate) => candidate.name !== 'gateway')) {
      expect(published(service.name)).toEqual([]);
    }
  });

  it('declares nothing beyond the services and the infrastructure', () => {
    expect(Object.keys(compose.services).sort()).toEqual(
      [...SERVICES.map((service) => service.name), ...INFRASTRUCTURE].sort(),
    );
  });
});
