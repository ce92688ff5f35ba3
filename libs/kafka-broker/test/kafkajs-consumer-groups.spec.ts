import type { Admin, Kafka, Producer } from 'kafkajs';
import { startBrokerUnderTest, type BrokerUnderTest } from './support/broker-under-test';
import { ConsumerHarness, isStableGroup } from './support/consumer-harness';
import { createKafka } from './support/kafka-client';
import { uniqueName } from './support/unique-name';
import { waitFor } from './support/wait-for';

jest.setTimeout(90_000);

const PARTITIONS = 6;

describe('kafkajs consumer groups against the broker', () => {
  let broker: BrokerUnderTest;
  let kafka: Kafka;
  let admin: Admin;
  let producer: Producer;
  const consumers: ConsumerHarness[] = [];

  async function startMember(name: string, groupId: string, topic: string, fromBeginning = true): Promise<ConsumerHarness> {
    const member = await ConsumerHarness.start(kafka, { name, groupId, topics: [topic], fromBeginning });
    consumers.push(member);
    return member;
  }

  async function createTopic(prefix: string): Promise<string> {
    const topic = uniqueName(prefix);
    await admin.createTopics({ topics: [{ topic, numPartitions: PARTITIONS }], waitForLeaders: true });
    return topic;
  }

  // One message per partition and then some, so every member of any split gets work.
  async function produceRound(topic: string, label: string, count: number): Promise<string[]> {
    const values = Array.from({ length: count }, (_, i) => `${label}-${i}`);
    await producer.send({ topic, messages: values.map((value, i) => ({ partition: i % PARTITIONS, value })) });
    return values;
  }

  async function committedTotal(groupId: string, topic: string): Promise<number> {
    const offsets = await admin.fetchOffsets({ groupId, topics: [topic] });
    return (offsets[0]?.partitions ?? []).reduce((sum, p) => sum + Math.max(0, Number(p.offset)), 0);
  }

  // A round is settled when every message was read and committed, so a following
  // rebalance cannot legitimately redeliver anything.
  async function settle(members: ConsumerHarness[], groupId: string, topic: string, total: number): Promise<void> {
    await waitFor(`${total} records read by the group`, () => members.reduce((n, m) => n + m.records.length, 0) >= total);
    await waitFor(`${total} offsets committed`, async () => (await committedTotal(groupId, topic)) === total);
  }

  function assertExactlyOnce(all: ConsumerHarness[], expected: string[]): void {
    const values = all.flatMap((member) => member.records.map((r) => r.value));
    expect([...values].sort()).toEqual([...expected].sort());
  }

  beforeAll(async () => {
    broker = await startBrokerUnderTest();
    kafka = createKafka(broker.brokers, 'groups-spec');
    admin = kafka.admin();
    producer = kafka.producer();
    await Promise.all([admin.connect(), producer.connect()]);
  });

  afterEach(async () => {
    await Promise.all(consumers.splice(0).map((consumer) => consumer.stop()));
  });

  afterAll(async () => {
    await producer?.disconnect();
    await admin?.disconnect();
    await broker?.close();
  });

  it('rebalances as members join (1, 2, 3) and leave, each message read exactly once', async () => {
    const topic = await createTopic('group-rebalance');
    const groupId = uniqueName('group-rebalance');
    const expected: string[] = [];

    const a = await startMember('a', groupId, topic);
    await waitFor('a owns every partition', () => isStableGroup([a], topic, PARTITIONS));
    expected.push(...(await produceRound(topic, 'one-member', 12)));
    await settle([a], groupId, topic, expected.length);
    expect(a.records).toHaveLength(12);

    const b = await startMember('b', groupId, topic);
    await waitFor('a and b split the partitions', () => isStableGroup([a, b], topic, PARTITIONS));
    const bBefore = b.records.length;
    expected.push(...(await produceRound(topic, 'two-members', 12)));
    await settle([a, b], groupId, topic, expected.length);
    expect(b.records.length).toBeGreaterThan(bBefore);
    assertExactlyOnce([a, b], expected);

    const c = await startMember('c', groupId, topic);
    await waitFor('a, b and c split the partitions', () => isStableGroup([a, b, c], topic, PARTITIONS));
    expected.push(...(await produceRound(topic, 'three-members', 12)));
    await settle([a, b, c], groupId, topic, expected.length);
    for (const member of [a, b, c]) {
      const owned = new Set(member.partitionsOf(topic));
      const latest = member.records.filter((r) => r.value?.startsWith('three-members'));
      expect(latest.length).toBeGreaterThan(0);
      expect(latest.every((r) => owned.has(r.partition))).toBe(true);
    }
    assertExactlyOnce([a, b, c], expected);

    await a.stop();
    await waitFor('b and c take over a partitions', () => isStableGroup([b, c], topic, PARTITIONS));
    expected.push(...(await produceRound(topic, 'after-leave', 12)));
    // a's records still count: the group as a whole must have read each message once.
    await settle([a, b, c], groupId, topic, expected.length);
    assertExactlyOnce([a, b, c], expected);
  });

  it('settles members started at the same moment into one generation that covers every partition', async () => {
    const topic = await createTopic('group-together');
    const groupId = uniqueName('group-together');

    const members = await Promise.all(['x', 'y', 'z'].map((name) => startMember(name, groupId, topic)));
    await waitFor('x, y and z split the partitions', () => isStableGroup(members, topic, PARTITIONS));
    const expected = await produceRound(topic, 'together', 18);
    await settle(members, groupId, topic, expected.length);

    assertExactlyOnce(members, expected);
    for (const member of members) expect(member.records.length).toBeGreaterThan(0);
  });

  it('a new consumer in the same group continues after the last committed offset', async () => {
    const topic = await createTopic('group-resume');
    const groupId = uniqueName('group-resume');

    const first = await startMember('first', groupId, topic);
    const early = await produceRound(topic, 'early', 10);
    await settle([first], groupId, topic, early.length);
    await first.stop();

    const late = await produceRound(topic, 'late', 7);
    // fromBeginning only applies without a committed offset; the commit must win.
    const second = await startMember('second', groupId, topic, true);
    await waitFor('the seven later records read', () => second.records.length >= late.length);
    await settle([first, second], groupId, topic, early.length + late.length);

    expect(second.records.map((r) => r.value).sort()).toEqual([...late].sort());
  });

  it('fromBeginning true reads history; false reads only what is produced after it starts', async () => {
    const topic = await createTopic('group-start');
    const history = await produceRound(topic, 'history', 6);

    const earliest = await startMember('earliest', uniqueName('earliest'), topic, true);
    const latest = await startMember('latest', uniqueName('latest'), topic, false);
    await waitFor('both consumers own every partition', () =>
      isStableGroup([earliest], topic, PARTITIONS) && isStableGroup([latest], topic, PARTITIONS),
    );
    // The latest position is fixed once the consumer has fetched; only then is "later" well defined.
    await waitFor('the latest consumer has fetched', () => latest.fetchRequests.length > 0);

    const fresh = await produceRound(topic, 'fresh', 6);
    await waitFor('earliest read history and fresh records', () => earliest.records.length === 12);
    await waitFor('latest read the fresh records', () => latest.records.length === 6);

    expect(earliest.records.map((r) => r.value).sort()).toEqual([...history, ...fresh].sort());
    expect(latest.records.map((r) => r.value).sort()).toEqual([...fresh].sort());
  });
});
