import type { Admin, Kafka, Producer } from 'kafkajs';
import { startBrokerUnderTest, type BrokerUnderTest } from './support/broker-under-test';
import { ConsumerHarness, isStableGroup } from './support/consumer-harness';
import { createKafka } from './support/kafka-client';
import { MemberProcessHandle } from './support/member-process-handle';
import { uniqueName } from './support/unique-name';
import { waitFor } from './support/wait-for';

jest.setTimeout(90_000);

const PARTITIONS = 4;
// Kafka's default group.min.session.timeout.ms, so the same test is valid against a real Kafka.
const SESSION_TIMEOUT_MS = 6_000;

describe('a group member that dies without leaving', () => {
  let broker: BrokerUnderTest;
  let kafka: Kafka;
  let admin: Admin;
  let producer: Producer;
  let doomed: MemberProcessHandle | undefined;
  let survivor: ConsumerHarness | undefined;

  beforeAll(async () => {
    broker = await startBrokerUnderTest();
    kafka = createKafka(broker.brokers, 'member-failure-spec');
    admin = kafka.admin();
    producer = kafka.producer();
    await Promise.all([admin.connect(), producer.connect()]);
  });

  afterAll(async () => {
    await doomed?.kill();
    await survivor?.stop();
    await producer?.disconnect();
    await admin?.disconnect();
    await broker?.close();
  });

  it('moves the dead member partitions to the survivor after the session timeout', async () => {
    const topic = uniqueName('member-failure');
    const groupId = uniqueName('member-failure');
    await admin.createTopics({ topics: [{ topic, numPartitions: PARTITIONS }], waitForLeaders: true });

    const member = MemberProcessHandle.spawn({ brokers: broker.brokers, topic, groupId, sessionTimeoutMs: SESSION_TIMEOUT_MS });
    doomed = member;
    await waitFor(`the member process owns every partition (stderr: ${member.stderr})`, () =>
      isStableGroup([member], topic, PARTITIONS),
    );

    survivor = await ConsumerHarness.start(kafka, {
      name: 'survivor',
      groupId,
      topics: [topic],
      fromBeginning: true,
      config: { sessionTimeout: SESSION_TIMEOUT_MS, heartbeatInterval: 500 },
    });
    const live = survivor;
    await waitFor('the member process and the survivor split the partitions', () =>
      isStableGroup([member, live], topic, PARTITIONS),
    );

    const killedAt = Date.now();
    await member.kill();
    await waitFor('the survivor owns every partition', () => isStableGroup([live], topic, PARTITIONS), {
      timeoutMs: SESSION_TIMEOUT_MS * 5,
    });
    const takeoverMs = Date.now() - killedAt;
    process.stdout.write(`member failure: survivor owned every partition ${takeoverMs} ms after SIGKILL\n`);

    const values = Array.from({ length: 8 }, (_, i) => `after-death-${i}`);
    await producer.send({ topic, messages: values.map((value, i) => ({ partition: i % PARTITIONS, value })) });
    await waitFor('the survivor reads records of every partition', () => live.records.length >= values.length);

    expect(live.records.map((r) => r.value).sort()).toEqual([...values].sort());
    expect(new Set(live.records.map((r) => r.partition)).size).toBe(PARTITIONS);
    // Ownership moves only once the broker gives up on the member, not at once or never.
    expect(takeoverMs).toBeLessThan(SESSION_TIMEOUT_MS * 5);
  });
});
