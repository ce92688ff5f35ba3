// A consumer-group member in its own process, so a test can kill it with SIGKILL and the
// broker sees a member vanish without LeaveGroup. Reports assignments on stdout as JSON lines.
import { Kafka, logLevel } from 'kafkajs';

async function main(): Promise<void> {
  const brokers = (process.env['MEMBER_BROKERS'] ?? '').split(',');
  const topic = process.env['MEMBER_TOPIC'] ?? '';
  const groupId = process.env['MEMBER_GROUP'] ?? '';
  const sessionTimeout = Number(process.env['MEMBER_SESSION_TIMEOUT_MS'] ?? '6000');

  const kafka = new Kafka({ brokers, clientId: `member-${process.pid}`, logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId, sessionTimeout, heartbeatInterval: 500, maxWaitTimeInMs: 1000 });
  consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
    process.stdout.write(`${JSON.stringify({ event: 'assigned', partitions: payload.memberAssignment[topic] ?? [] })}\n`);
  });
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ partition, message }) => {
      process.stdout.write(`${JSON.stringify({ event: 'message', partition, value: message.value?.toString() })}\n`);
    },
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
