import type { BrokerDescription, GroupDescription, MemberDescription } from './broker-options';
import type { GroupCoordinator } from './groups/group-coordinator';
import type { TopicStore } from './log/topic-store';
import { KafkaReader } from './protocol/reader';

/** Decodes a consumer-protocol assignment (version, [topic, [partition]], user data). */
export function decodeConsumerAssignment(data: Buffer): MemberDescription['assignment'] {
  if (data.length === 0) return [];
  try {
    const r = new KafkaReader(data);
    r.int16();
    return r.array((t) => ({ topic: t.string(), partitions: t.array((p) => p.int32()) }));
  } catch {
    return [];
  }
}

export function describeBroker(
  base: { address: string; dataDir: string | null; connections: number },
  topics: TopicStore,
  groups: GroupCoordinator,
): BrokerDescription {
  const topicList = topics.list().map((t) => ({
    name: t.name,
    partitions: t.partitions.map((p) => ({
      partition: p.partition,
      logStartOffset: p.logStartOffset,
      highWatermark: p.highWatermark,
      sizeBytes: p.sizeBytes,
      segments: p.segments.length,
    })),
  }));
  const groupList = groups.groupIds().map((groupId): GroupDescription => {
    const group = groups.get(groupId);
    const offsets = [];
    for (const [topic, parts] of groups.offsets.forGroup(groupId)) {
      for (const [partition, committed] of parts) {
        const highWatermark = topics.partition(topic, partition)?.highWatermark ?? -1;
        offsets.push({ topic, partition, committedOffset: committed.offset, highWatermark, lag: Math.max(0, highWatermark - committed.offset) });
      }
    }
    offsets.sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
    return {
      groupId,
      state: group?.state ?? 'Empty',
      protocolType: group?.protocolType ?? null,
      protocol: group?.protocol ?? null,
      generationId: group?.generationId ?? 0,
      leaderId: group?.leaderId ?? null,
      members: group
        ? [...group.members.values()].map((m) => ({
            memberId: m.id,
            clientId: m.clientId,
            clientHost: m.clientHost,
            assignment: group.protocolType === 'consumer' ? decodeConsumerAssignment(m.assignment) : [],
          }))
        : [],
      offsets,
    };
  });
  return { ...base, topics: topicList, groups: groupList };
}
