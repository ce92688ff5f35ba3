import { Kafka, logLevel } from 'kafkajs';
import { startBroker } from './broker';
import { parseCliArgs, usage } from './cli-args';
import { jsonLineLogger } from './logger';

// Runs the embedded broker as a process (`npm run broker`), or prints an admin view of a
// running broker (`npm run broker -- describe --brokers host:port`).

async function serve(options: Parameters<typeof startBroker>[0]): Promise<void> {
  const logger = jsonLineLogger();
  const broker = await startBroker({ ...options, logger });
  process.stdout.write(`Kafka-protocol broker listening on ${broker.address}\n`);
  const stop = (signal: string) => {
    logger.info('shutting down', { signal });
    broker.close().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error('shutdown failed', { error: String(err) });
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

async function describe(brokers: string): Promise<void> {
  const kafka = new Kafka({ brokers: brokers.split(','), clientId: 'kafka-broker-cli', logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).sort();
    for (const topic of topics) {
      const offsets = await admin.fetchTopicOffsets(topic);
      process.stdout.write(`topic ${topic}\n`);
      for (const o of offsets) process.stdout.write(`  partition ${o.partition}: start ${o.low} end ${o.high}\n`);
    }
    const { groups } = await admin.listGroups();
    const described = await admin.describeGroups(groups.map((g) => g.groupId));
    for (const group of described.groups) {
      process.stdout.write(`group ${group.groupId} state ${group.state} protocol ${group.protocol || '-'} members ${group.members.length}\n`);
      for (const topic of topics) {
        const committed = await admin.fetchOffsets({ groupId: group.groupId, topics: [topic] });
        for (const t of committed) {
          for (const p of t.partitions) {
            if (p.offset !== '-1') process.stdout.write(`  ${t.topic}[${p.partition}] committed ${p.offset}\n`);
          }
        }
      }
    }
  } finally {
    await admin.disconnect();
  }
}

async function main(): Promise<void> {
  const command = parseCliArgs(process.argv.slice(2));
  if (command.kind === 'help') process.stdout.write(`${usage}\n`);
  else if (command.kind === 'describe') await describe(command.brokers);
  else await serve(command.options);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n${usage}\n`);
  process.exit(1);
});
