import { isValidTopicName } from '../../log/topic-store';
import { ApiKey } from '../api-keys';
import { ErrorCode } from '../error-codes';
import type { ApiHandler } from './api-handler';

const MAX_PARTITIONS = 10_000;

/** CreateTopics 0-1. One broker: replication factor must be -1 (default) or 1. */
export const createTopicsHandler: ApiHandler = {
  key: ApiKey.CreateTopics,
  name: 'CreateTopics',
  minVersion: 0,
  maxVersion: 1,
  handle(r, { header, broker }) {
    const topics = r.array((t) => {
      const name = t.string();
      const partitions = t.int32();
      const replicationFactor = t.int16();
      const assignments = t.array((a) => ({ index: a.int32(), brokers: a.array((b) => b.int32()) }));
      t.array((c) => ({ name: c.string(), value: c.nullableString() }));
      return { name, partitions, replicationFactor, assignments };
    });
    r.int32(); // timeout
    const validateOnly = header.apiVersion >= 1 ? r.bool() : false;
    const seen = new Set<string>();
    const results = topics.map((t) => {
      const fail = (error: number, message: string) => ({ name: t.name, error, message });
      if (seen.has(t.name)) return fail(ErrorCode.INVALID_REQUEST, 'topic named twice in one request');
      seen.add(t.name);
      if (!isValidTopicName(t.name)) return fail(ErrorCode.INVALID_TOPIC_EXCEPTION, 'illegal topic name');
      const partitions = t.assignments.length > 0 ? t.assignments.length : t.partitions === -1 ? broker.settings.defaultPartitions : t.partitions;
      if (partitions < 1 || partitions > MAX_PARTITIONS) return fail(ErrorCode.INVALID_PARTITIONS, `invalid partition count ${partitions}`);
      if (t.replicationFactor !== -1 && t.replicationFactor !== 1 && t.assignments.length === 0) {
        return fail(ErrorCode.INVALID_REPLICATION_FACTOR, `replication factor ${t.replicationFactor} exceeds the 1 available broker`);
      }
      if (broker.topics.get(t.name)) return fail(ErrorCode.TOPIC_ALREADY_EXISTS, `topic '${t.name}' already exists`);
      if (!validateOnly) broker.createTopic(t.name, partitions);
      return { name: t.name, error: ErrorCode.NONE, message: null };
    });
    return (w) => {
      w.array(results, (w2, t) => {
        w2.string(t.name).int16(t.error);
        if (header.apiVersion >= 1) w2.nullableString(t.message);
      });
    };
  },
};
