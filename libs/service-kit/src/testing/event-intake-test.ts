import { eventHeaders, type TypedEvent } from '@order-platform/contracts';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';

/** Test helper: publishes an event envelope the way the outbox relay does (key = orderId). */
export async function publishEventForTest(brokers: string[], event: TypedEvent): Promise<void> {
  const producer = new Kafka({ clientId: 'event-publisher-test', brokers, logLevel: logLevel.NOTHING }).producer();
  await producer.connect();
  try {
    await producer.send({
      topic: event.type,
      messages: [{ key: event.orderId, value: JSON.stringify(event), headers: eventHeaders(event) }],
    });
  } finally {
    await producer.disconnect();
  }
}

/** Test helper: the tables of `schema`, to check what a service's migrations created. */
export async function tablesOf(databaseUrl: string, schema: string): Promise<string[]> {
  const sql = new Client({ connectionString: databaseUrl });
  await sql.connect();
  try {
    const result = await sql.query<{ table_name: string }>(
      'SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name',
      [schema],
    );
    return result.rows.map((row) => row.table_name);
  } finally {
    await sql.end();
  }
}

/** Test helper: whether `consumer` has recorded `eventId` in its inbox. */
export async function inboxHas(databaseUrl: string, schema: string, consumer: string, eventId: string): Promise<boolean> {
  const sql = new Client({ connectionString: databaseUrl });
  await sql.connect();
  try {
    const result = await sql.query(`SELECT 1 FROM "${schema}".processed_events WHERE consumer_group = $1 AND event_id = $2`, [consumer, eventId]);
    return result.rowCount === 1;
  } finally {
    await sql.end();
  }
}
