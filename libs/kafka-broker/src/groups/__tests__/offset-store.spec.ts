import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OffsetStore } from '../offset-store';

describe('OffsetStore', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'offset-store-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the last commit per partition across a reopen, ignoring a torn last line', async () => {
    const store = new OffsetStore(dir, false);
    await store.commit('g', [{ topic: 't', partition: 0, offset: 5, metadata: null }]);
    await store.commit('g', [
      { topic: 't', partition: 0, offset: 9, metadata: 'm' },
      { topic: 't', partition: 1, offset: 2, metadata: null },
    ]);
    await store.close();
    appendFileSync(join(dir, 'committed-offsets.jsonl'), '{"g":"g","t":"t","p":1,"o":');
    const reopened = new OffsetStore(dir, false);
    expect(reopened.get('g', 't', 0)).toEqual({ offset: 9, metadata: 'm' });
    expect(reopened.get('g', 't', 1)).toEqual({ offset: 2, metadata: null });
    await reopened.close();
  });

  it('forgets a deleted topic durably', async () => {
    const store = new OffsetStore(dir, true);
    await store.commit('g', [{ topic: 'gone', partition: 0, offset: 3, metadata: null }]);
    await store.deleteTopic('gone');
    expect(store.get('g', 'gone', 0)).toBeUndefined();
    await store.close();
    const reopened = new OffsetStore(dir, true);
    expect(reopened.get('g', 'gone', 0)).toBeUndefined();
    await reopened.close();
  });

  it('keeps everything in memory without a directory', async () => {
    const store = new OffsetStore(null, false);
    await store.commit('g', [{ topic: 't', partition: 0, offset: 1, metadata: null }]);
    expect(store.forGroup('g').get('t')?.get(0)?.offset).toBe(1);
    expect(store.groups()).toEqual(['g']);
  });
});
