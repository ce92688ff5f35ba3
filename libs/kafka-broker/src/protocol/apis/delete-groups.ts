import { ApiKey } from '../api-keys';
import type { ApiHandler } from './api-handler';

/** DeleteGroups 0-1: removes empty groups and their committed offsets (test clean-up, tools). */
export const deleteGroupsHandler: ApiHandler = {
  key: ApiKey.DeleteGroups,
  name: 'DeleteGroups',
  minVersion: 0,
  maxVersion: 1,
  async handle(r, { broker }) {
    const ids = r.array((x) => x.string());
    const results = await Promise.all(ids.map(async (id) => ({ id, error: await broker.groups.deleteGroup(id) })));
    return (w) => {
      w.int32(0);
      w.array(results, (w2, g) => w2.string(g.id).int16(g.error));
    };
  },
};
