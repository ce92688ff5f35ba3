import { Kafka, logLevel, Message, Producer } from 'kafkajs';
import type { DataSource } from 'typeorm';
import type { PoolClient } from 'pg';
import { kafkaClientConfig } from '../kafka/kafka-options';
import { backoffDelayMs, BackoffOptions } from '../retry/backoff';
import { messagingSchema, outboxChannel } from './outbox-channel';
import { MessagingLogger, silentLogger } from '../logging/messaging-logger';

export interface OutboxRelayOptions {
  brokers: string[];
  clientId: string;
  /** Defaults to the DataSource's schema. */
  schema?: string;
  /** Rows per Kafka request (default 100). */
  batchSize?: number;
  /** Safety-net poll when no NOTIFY arrives (default 1000 ms). */
  pollIntervalMs?: number;
  /** Wait between failed publish rounds while Kafka is down (default 500 ms .. 30 s). */
  backoff?: BackoffOptions;
  /** Published rows older than this are deleted (default 7 days). */
  retentionMs?: number;
  cleanupIntervalMs?: number;
  logger?: MessagingLogger;
  kafkaLogLevel?: logLevel;
}

interface OutboxRow {
  id: string;
  topic: string;
  key: string | null;
  payload: object;
  headers: Record<string, string> | null;
}

const ERROR_TEXT_LIMIT = 2000;

/**
 * Publishes outbox rows to Kafka in commit order and marks them sent. One relay per schema is
 * active at a time (transaction advisory lock), so per-key order holds even with replicas.
 * Kafka down: rows stay, attempts/last_error grow, the relay retries with backoff.
 * A crash between send and mark re-sends that batch: delivery is at-least-once, and consumers
 * deduplicate on the event id (inbox).
 */
export class OutboxRelay {
  private readonly schema: string;
  private readonly table: string;
  private readonly producer: Producer;
  private readonly logger: MessagingLogger;
  private running = false;
  private stopping = false;
  private loop?: Promise<void>;
  private wakeUp?: () => void;
  private interrupt?: () => void;
  private pendingWake = false;
  private producerConnected = false;
  private listener?: PoolClient;
  private lastCleanup = Date.now();
  private failures = 0;
  /** Rows published since start (for metrics and tests). */
  published = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: OutboxRelayOptions,
  ) {
    this.schema = messagingSchema(dataSource, options.schema);
    this.table = `"${this.schema}".outbox`;
    this.logger = options.logger ?? silentLogger;
    const config = kafkaClientConfig({ clientId: options.clientId, brokers: options.brokers });
    // Fail fast inside kafkajs; our loop owns the long backoff while Kafka is down.
    config.retry = { initialRetryTime: 200, maxRetryTime: 2_000, retries: 2 };
    // Failures are reported once per round by our logger instead of kafkajs's per-retry noise.
    config.logLevel = options.kafkaLogLevel ?? logLevel.NOTHING;
    this.producer = new Kafka(config).producer({ allowAutoTopicCreation: true, idempotent: false });
    this.producer.on(this.producer.events.DISCONNECT, () => {
      this.producerConnected = false;
    });
  }

  /** Starts the background loop; returns at once (Kafka may still be down). */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.stopping = false;
    this.loop = this.run();
  }

  /** Finishes the batch in flight, then disconnects (also after a bare publishPending()). */
  async stop(): Promise<void> {
    this.running = false;
    this.stopping = true;
    this.interrupt?.();
    await this.loop;
    this.loop = undefined;
    await this.closeListener();
    await this.producer.disconnect().catch(() => undefined);
    this.producerConnected = false;
  }

  /** Publish now instead of at the next poll (NOTIFY does this after every outbox commit). */
  wake(): void {
    this.pendingWake = true;
    this.wakeUp?.();
  }

  /** Publishes every pending row; throws when Kafka fails. Returns the number published. */
  async publishPending(): Promise<number> {
    if (!this.producerConnected) {
      try {
        await this.producer.connect();
      } catch (error) {
        await this.recordFailure(null, error as Error);
        throw error;
      }
      this.producerConnected = true;
    }
    let total = 0;
    for (;;) {
      const count = await this.publishBatch();
      total += count;
      // stop() lets the batch in flight finish, then leaves the rest to the next relay.
      if (count < (this.options.batchSize ?? 100) || this.stopping) return total;
    }
  }

  /** Unpublished rows and the age of the oldest, for metrics and readiness. */
  async backlog(): Promise<{ pending: number; oldestAgeMs: number }> {
    const [row] = await this.dataSource.query(
      `SELECT count(*)::int AS pending, COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)) * 1000, 0)::float8 AS age
         FROM ${this.table} WHERE published_at IS NULL`,
    );
    return { pending: row.pending, oldestAgeMs: Math.round(row.age) };
  }

  /** Deletes published rows older than the retention. */
  async cleanup(retentionMs = this.options.retentionMs ?? 7 * 24 * 3600_000): Promise<number> {
    const result: [unknown[], number] = await this.dataSource.query(
      `DELETE FROM ${this.table} WHERE published_at IS NOT NULL AND published_at < now() - make_interval(secs => $1)`,
      [retentionMs / 1000],
    );
    return result[1] ?? 0;
  }

  private async run(): Promise<void> {
    while (this.running) {
      let delayMs = this.options.pollIntervalMs ?? 1000;
      let wakeable = true;
      this.pendingWake = false;
      try {
        await this.ensureListener();
        await this.publishPending();
        this.failures = 0;
        await this.cleanupWhenDue();
      } catch (error) {
        this.failures += 1;
        delayMs = backoffDelayMs(this.failures, { initialDelayMs: 500, maxDelayMs: 30_000, ...this.options.backoff });
        this.logger.warn('outbox publish failed; rows stay and are retried', {
          schema: this.schema,
          attempt: this.failures,
          retryInMs: delayMs,
          error: (error as Error).message,
        });
        // New commits must not cut the backoff short while Kafka is down.
        wakeable = false;
        this.pendingWake = false;
      }
      if (this.running && !this.pendingWake) await this.sleep(delayMs, wakeable);
    }
  }

  private async publishBatch(): Promise<number> {
    let failed: { ids: string[]; error: Error } | undefined;
    const count = await this.dataSource.transaction(async (manager) => {
      const [lock] = await manager.query('SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked', [`outbox:${this.schema}`]);
      if (!lock.locked) return 0; // another replica's relay is publishing this schema
      const rows: OutboxRow[] = await manager.query(
        `SELECT id, topic, key, payload, headers FROM ${this.table}
          WHERE published_at IS NULL ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [this.options.batchSize ?? 100],
      );
      if (rows.length === 0) return 0;
      try {
        await this.producer.sendBatch({ acks: -1, topicMessages: groupByTopic(rows) });
      } catch (error) {
        failed = { ids: rows.map((r) => r.id), error: error as Error };
        return 0;
      }
      await manager.query(`UPDATE ${this.table} SET published_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = ANY($1::uuid[])`, [
        rows.map((r) => r.id),
      ]);
      return rows.length;
    });
    if (failed) {
      await this.recordFailure(failed.ids, failed.error);
      throw failed.error;
    }
    this.published += count;
    return count;
  }

  /** Counts the failed attempt on the rows it concerned (the next batch when Kafka was unreachable). */
  private async recordFailure(ids: string[] | null, error: Error): Promise<void> {
    const message = String(error.message).slice(0, ERROR_TEXT_LIMIT);
    const sql = ids
      ? `UPDATE ${this.table} SET attempts = attempts + 1, last_error = $2 WHERE id = ANY($1::uuid[])`
      : `UPDATE ${this.table} SET attempts = attempts + 1, last_error = $2
          WHERE id IN (SELECT id FROM ${this.table} WHERE published_at IS NULL ORDER BY seq LIMIT $1)`;
    await this.dataSource.query(sql, [ids ?? this.options.batchSize ?? 100, message]).catch(() => undefined);
  }

  private async cleanupWhenDue(): Promise<void> {
    const interval = this.options.cleanupIntervalMs ?? 3600_000;
    if (Date.now() - this.lastCleanup < interval) return;
    this.lastCleanup = Date.now();
    const deleted = await this.cleanup();
    if (deleted > 0) this.logger.log('outbox cleanup', { schema: this.schema, deleted });
  }

  private async ensureListener(): Promise<void> {
    if (this.listener) return;
    const pool = (this.dataSource.driver as unknown as { master: { connect(): Promise<PoolClient> } }).master;
    const client = await pool.connect();
    client.on('notification', () => this.wake());
    client.on('error', (error) => {
      // Hand the broken client back for disposal; open a new LISTEN on the next round.
      if (this.listener !== client) return;
      this.listener = undefined;
      client.release(error);
    });
    await client.query(`LISTEN "${outboxChannel(this.schema)}"`);
    this.listener = client;
  }

  private async closeListener(): Promise<void> {
    const client = this.listener;
    this.listener = undefined;
    if (!client) return;
    try {
      await client.query(`UNLISTEN "${outboxChannel(this.schema)}"`);
      client.release();
    } catch (error) {
      client.release(error as Error);
    }
  }

  /** Waits `ms`; stop() always interrupts, wake() only when `wakeable`. */
  private sleep(ms: number, wakeable: boolean): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeUp = undefined;
        this.interrupt = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.interrupt = done;
      if (wakeable) this.wakeUp = done;
    });
  }
}

function groupByTopic(rows: OutboxRow[]): { topic: string; messages: Message[] }[] {
  const byTopic = new Map<string, Message[]>();
  for (const row of rows) {
    const messages = byTopic.get(row.topic) ?? [];
    messages.push({ key: row.key, value: JSON.stringify(row.payload), headers: row.headers ?? {} });
    byTopic.set(row.topic, messages);
  }
  return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
}
