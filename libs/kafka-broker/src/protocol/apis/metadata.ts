import { isValidTopicName } from '../../log/topic-store';
import { ApiKey } from '../api-keys';
import { ErrorCode } from '../error-codes';
import type { ApiHandler } from './api-handler';

interface TopicMetadata {
  error: number;
  name: string;
  partitions: number;
}

/** Metadata 1-4: one broker that leads everything; auto-creates topics when asked and allowed. */
export const metadataHandler: ApiHandler = {
  key: ApiKey.Metadata,
  name: 'Metadata',
  minVersion: 1,
  maxVersion: 4,
  handle(r, { header, broker }) {
    const version = header.apiVersion;
    const requested = r.nullableArray((x) => x.string());
    const allowAutoCreate = version >= 4 ? r.bool() : true;
    const topics: TopicMetadata[] = [];
    if (requested === null) {
      for (const t of broker.topics.list()) topics.push({ error: ErrorCode.NONE, name: t.name, partitions: t.partitions.length });
    } else {
      for (const name of requested) {
        let topic = broker.topics.get(name);
        if (!topic && allowAutoCreate && broker.settings.autoCreateTopics && isValidTopicName(name)) {
          broker.createTopic(name);
          topic = broker.topics.get(name);
        }
        if (topic) topics.push({ error: ErrorCode.NONE, name, partitions: topic.partitions.length });
        else {
          const error = isValidTopicName(name) ? ErrorCode.UNKNOWN_TOPIC_OR_PARTITION : ErrorCode.INVALID_TOPIC_EXCEPTION;
          topics.push({ error, name, partitions: 0 });
        }
      }
    }
    const nodeId = broker.nodeId;
    return (w) => {
      if (version >= 3) w.int32(0);
      w.array([nodeId], (w2) => {
        w2.int32(nodeId).string(broker.advertisedHost).int32(broker.advertisedPort).nullableString(null);
      });
      if (version >= 2) w.nullableString(broker.clusterId);
      w.int32(nodeId);
      w.array(topics, (w2, t) => {
        w2.int16(t.error).string(t.name).bool(false);
        w2.int32(t.partitions);
        for (let p = 0; p < t.partitions; p++) {
          w2.int16(ErrorCode.NONE).int32(p).int32(nodeId);
          w2.int32(1).int32(nodeId); // replicas
          w2.int32(1).int32(nodeId); // isr
        }
      });
    };
  },
};
