import { startTestKafka, type TestKafka } from '../kafka/start-test-kafka';
import { startTestPostgres, type TestPostgres } from '../postgres/start-test-postgres';
import type { TestDatabase } from '../postgres/test-database';

/** Kafka, a PostgreSQL server and one fresh database on it: what a service's integration test runs on. */
export interface TestInfra {
  kafka: TestKafka;
  postgres: TestPostgres;
  database: TestDatabase;
  /** Something the test started on this infra (a service, a consumer, a connection), closed by `stop()`. */
  onStop(close: () => Promise<unknown> | unknown): void;
  /**
   * Closes what was registered with `onStop`, last first, then drops the database and releases
   * PostgreSQL and Kafka. Everything is closed even when one close fails; the first error is thrown.
   */
  stop(): Promise<void>;
}

async function closeAll(closers: Array<() => Promise<unknown> | unknown>): Promise<void> {
  let failure: { error: unknown } | undefined;
  for (const close of closers) {
    try {
      await close();
    } catch (error) {
      failure ??= { error };
    }
  }
  if (failure) throw failure.error;
}

/**
 * Starts Kafka and PostgreSQL side by side and creates a database named `<databasePrefix>_<random>`.
 * A failed start releases whatever did start.
 */
export async function startTestInfra(databasePrefix: string): Promise<TestInfra> {
  const [kafkaStarted, postgresStarted] = await Promise.allSettled([startTestKafka(), startTestPostgres()]);
  const kafka = kafkaStarted.status === 'fulfilled' ? kafkaStarted.value : undefined;
  const postgres = postgresStarted.status === 'fulfilled' ? postgresStarted.value : undefined;
  const release = () => closeAll([() => postgres?.stop(), () => kafka?.stop()]);
  if (!kafka || !postgres) {
    await release();
    throw kafkaStarted.status === 'rejected' ? kafkaStarted.reason : (postgresStarted as PromiseRejectedResult).reason;
  }
  let database: TestDatabase;
  try {
    database = await postgres.createDatabase(databasePrefix);
  } catch (error) {
    await release();
    throw error;
  }
  const registered: Array<() => Promise<unknown> | unknown> = [];
  return {
    kafka,
    postgres,
    database,
    onStop: (close) => void registered.unshift(close),
    stop: () => closeAll([...registered.splice(0), () => database.drop(), release]),
  };
}

/**
 * Starts the infra and runs `setUp` on it (start the service, its consumers, connections, each
 * registered with `onStop`). If `setUp` throws, everything started so far is stopped first.
 */
export async function setUpOnTestInfra<T>(databasePrefix: string, setUp: (infra: TestInfra) => Promise<T>): Promise<T> {
  const infra = await startTestInfra(databasePrefix);
  try {
    return await setUp(infra);
  } catch (error) {
    await infra.stop().catch(() => undefined); // the set-up's own error is the one worth reporting
    throw error;
  }
}
