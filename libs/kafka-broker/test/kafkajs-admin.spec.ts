import { AssignerProtocol, type Admin, type Kafka } from 'kafkajs';
import { startBrokerUnderTest, type BrokerUnderTest } from './support/broker-under-test';
import { ConsumerHarness, isStableGroup } from './support/consumer-harness';
import { createKafka } from './support/kafka-client';
import { uniqueName } from './support/unique-name';
import { waitFor } from './support/wait-for';

jest.setTimeout(60_000);

describe('kafkajs admin against the broker', () => {
  let broker: BrokerUnderTest;
  let kafka: Kafka;
  let admin: Admin;

  beforeAll(async () => {
    broker = await startBrokerUnderTest();
    kafka = createKafka(broker.brokers, 'admin-spec');
    admin = kafka.admin();
    await admin.connect();
  });

  afterAll(async () => {
    await admin?.disconnect();
    await broker?.close();
  });

  it('creates a topic with the requested partitions, lists it, and refuses a duplicate', async () => {
    const topic = uniqueName('admin-create');

    const created = await admin.createTopics({ topics: [{ topic, numPartitions: 4 }], waitForLeaders: true });
    expect(created).toBe(true);

    expect(await admin.listTopics()).toContain(topic);
    const metadata = await admin.fetchTopicMetadata({ topics: [topic] });
    expect(metadata.topics).toHaveLength(1);
    expect(metadata.topics[0]?.partitions.map((p) => p.partitionId).sort()).toEqual([0, 1, 2, 3]);
    for (const partition of metadata.topics[0]?.partitions ?? []) {
      expect(partition.leader).toBeGreaterThanOrEqual(0);
    }

    const again = await admin.createTopics({ topics: [{ topic, numPartitions: 4 }], waitForLeaders: true });
    expect(again).toBe(false);
  });

  it('never creates a topic from an admin metadata lookup', async () => {
    const missing = uniqueName('admin-missing');

    await expect(admin.fetchTopicMetadata({ topics: [missing] })).rejects.toThrow(/does not host this topic-partition/i);

    expect(await admin.listTopics()).not.toContain(missing);
  });

  it('deletes a topic so it is no longer listed', async () => {
    const keep = uniqueName('admin-keep');
    const doomed = uniqueName('admin-delete');
    await admin.createTopics({ topics: [{ topic: keep }, { topic: doomed }], waitForLeaders: true });

    await admin.deleteTopics({ topics: [doomed] });

    await waitFor(`${doomed} to disappear from listTopics`, async () => {
      const topics = await admin.listTopics();
      return !topics.includes(doomed);
    });
    expect(await admin.listTopics()).toContain(keep);
  });

  it('reports low and high watermarks per partition with fetchTopicOffsets', async () => {
    const topic = uniqueName('admin-offsets');
    await admin.createTopics({ topics: [{ topic, numPartitions: 2 }], waitForLeaders: true });

    const empty = await admin.fetchTopicOffsets(topic);
    expect(empty.sort((a, b) => a.partition - b.partition)).toEqual([
      expect.objectContaining({ partition: 0, low: '0', high: '0' }),
      expect.objectContaining({ partition: 1, low: '0', high: '0' }),
    ]);

    const producer = kafka.producer();
    await producer.connect();
    try {
      await producer.send({
        topic,
        messages: [
          { partition: 0, value: 'a' },
          { partition: 0, value: 'b' },
          { partition: 0, value: 'c' },
          { partition: 1, value: 'd' },
        ],
      });
    } finally {
      await producer.disconnect();
    }

    const filled = await admin.fetchTopicOffsets(topic);
    const byPartition = Object.fromEntries(filled.map((p) => [p.partition, p]));
    expect(byPartition[0]).toEqual(expect.objectContaining({ low: '0', high: '3' }));
    expect(byPartition[1]).toEqual(expect.objectContaining({ low: '0', high: '1' }));
  });

  it('reports a consumer group committed offsets with fetchOffsets', async () => {
    const topic = uniqueName('admin-group-offsets');
    const groupId = uniqueName('admin-group');
    await admin.createTopics({ topics: [{ topic, numPartitions: 2 }], waitForLeaders: true });

    const before = await admin.fetchOffsets({ groupId, topics: [topic] });
    expect(before[0]?.partitions.map((p) => p.offset)).toEqual(['-1', '-1']);

    const producer = kafka.producer();
    await producer.connect();
    await producer.send({
      topic,
      messages: [
        { partition: 0, value: '1' },
        { partition: 0, value: '2' },
        { partition: 1, value: '3' },
      ],
    });
    await producer.disconnect();

    const consumer = await ConsumerHarness.start(kafka, { name: 'only', groupId, topics: [topic], fromBeginning: true });
    try {
      await waitFor('three messages consumed', () => consumer.records.length === 3);
      await waitFor('offsets committed for both partitions', async () => {
        const offsets = await admin.fetchOffsets({ groupId, topics: [topic] });
        const byPartition = Object.fromEntries(offsets[0]?.partitions.map((p) => [p.partition, p.offset]) ?? []);
        return byPartition[0] === '2' && byPartition[1] === '1';
      });
    } finally {
      await consumer.stop();
    }

    // Committing explicitly through the admin API is what operators use to rewind a group.
    await admin.setOffsets({ groupId, topic, partitions: [{ partition: 0, offset: '1' }] });
    const rewound = await admin.fetchOffsets({ groupId, topics: [topic] });
    expect(rewound[0]?.partitions.find((p) => p.partition === 0)?.offset).toBe('1');
  });

  it('lists and describes a running consumer group with its members and assignments', async () => {
    const topic = uniqueName('admin-describe');
    const groupId = uniqueName('admin-describe');
    await admin.createTopics({ topics: [{ topic, numPartitions: 4 }], waitForLeaders: true });

    const members = [
      await ConsumerHarness.start(kafka, { name: 'a', groupId, topics: [topic], fromBeginning: true }),
      await ConsumerHarness.start(kafka, { name: 'b', groupId, topics: [topic], fromBeginning: true }),
    ];
    try {
      await waitFor('both members share the partitions', () => isStableGroup(members, topic, 4));

      const { groups } = await admin.listGroups();
      expect(groups).toContainEqual(expect.objectContaining({ groupId, protocolType: 'consumer' }));

      const described = await admin.describeGroups([groupId]);
      const group = described.groups.find((g) => g.groupId === groupId);
      expect(group).toEqual(expect.objectContaining({ state: 'Stable', protocolType: 'consumer' }));
      const assigned = (group?.members ?? []).map((member) => {
        const decoded = AssignerProtocol.MemberAssignment.decode(member.memberAssignment);
        return [...(decoded?.assignment[topic] ?? [])].sort((x, y) => x - y);
      });
      expect(assigned).toHaveLength(2);
      expect(assigned.flat().sort()).toEqual([0, 1, 2, 3]);
      expect(assigned.map((partitions) => partitions.join(',')).sort()).toEqual(
        members.map((member) => member.partitionsOf(topic).join(',')).sort(),
      );
    } finally {
      await Promise.all(members.map((member) => member.stop()));
    }
  });
});
