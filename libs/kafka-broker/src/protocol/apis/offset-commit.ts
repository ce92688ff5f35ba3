import { ApiKey } from '../api-keys';
import { ErrorCode } from '../error-codes';
import type { ApiHandler } from './api-handler';

/** OffsetCommit v2: generation-checked, stored (and with a data directory, written) before the answer. */
export const offsetCommitHandler: ApiHandler = {
  key: ApiKey.OffsetCommit,
  name: 'OffsetCommit',
  minVersion: 2,
  maxVersion: 2,
  async handle(r, { broker }) {
    const groupId = r.string();
    const generationId = r.int32();
    const memberId = r.string();
    r.int64(); // retention time
    const topics = r.array((t) => ({
      name: t.string(),
      partitions: t.array((p) => ({ index: p.int32(), offset: p.int64(), metadata: p.nullableString() })),
    }));
    const known = (topic: string, partition: number) => broker.topics.partition(topic, partition) !== undefined;
    const entries = topics.flatMap((t) =>
      t.partitions.filter((p) => known(t.name, p.index)).map((p) => ({ topic: t.name, partition: p.index, offset: p.offset, metadata: p.metadata })),
    );
    const error = await broker.groups.commit(groupId, memberId, generationId, entries);
    return (w) => {
      w.array(topics, (w2, t) => {
        w2.string(t.name);
        w2.array(t.partitions, (w3, p) => {
          w3.int32(p.index).int16(known(t.name, p.index) ? error : ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
        });
      });
    };
  },
};
