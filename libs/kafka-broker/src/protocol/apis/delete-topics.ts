import { ApiKey } from '../api-keys';
import { ErrorCode } from '../error-codes';
import type { ApiHandler } from './api-handler';

/** DeleteTopics 0-1: removes the logs (and files) and the topic's committed offsets. */
export const deleteTopicsHandler: ApiHandler = {
  key: ApiKey.DeleteTopics,
  name: 'DeleteTopics',
  minVersion: 0,
  maxVersion: 1,
  async handle(r, { header, broker }) {
    const names = r.array((x) => x.string());
    r.int32(); // timeout
    const results = await Promise.all(
      names.map(async (name) => {
        const deleted = await broker.topics.delete(name);
        if (deleted) {
          await broker.groups.offsets.deleteTopic(name);
          broker.logger.info('topic deleted', { topic: name });
        }
        return { name, error: deleted ? ErrorCode.NONE : ErrorCode.UNKNOWN_TOPIC_OR_PARTITION };
      }),
    );
    return (w) => {
      if (header.apiVersion >= 1) w.int32(0);
      w.array(results, (w2, t) => w2.string(t.name).int16(t.error));
    };
  },
};
