import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeRecordBatch } from '../../protocol/records';
import { scanBatches } from '../../protocol/record-batch';
import { isValidTopicName, TopicStore } from '../topic-store';

const config = { segmentBytes: 1 << 20, retentionBytes: -1, retentionMs: -1, syncEachWrite: false };
const quiet = { warn: () => undefined };

describe('TopicStore', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'topic-store-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('persists topics, added partitions and data; deleted topics stay deleted', async () => {
    const store = new TopicStore(dir, config, quiet);
    expect(store.create('orders', 2)).toBe(true);
    expect(store.create('orders', 5)).toBe(false);
    expect(store.create('doomed', 1)).toBe(true);
    store.addPartitions('orders', 3);
    const batch = scanBatches(encodeRecordBatch([{ key: null, value: Buffer.from('v') }]), { verifyCrc: true }).batches;
    await store.partition('orders', 2)?.append(batch).durable;
    expect(await store.delete('doomed')).toBe(true);
    expect(await store.delete('doomed')).toBe(false);
    // A topic of the same name can come back at once.
    expect(store.create('doomed', 1)).toBe(true);
    expect(await store.delete('doomed')).toBe(true);
    await store.close();

    const reopened = new TopicStore(dir, config, quiet);
    expect(reopened.list().map((t) => [t.name, t.partitions.length])).toEqual([['orders', 3]]);
    expect(reopened.partition('orders', 2)?.highWatermark).toBe(1);
    await reopened.close();
  });

  it('accepts Kafka topic names only', () => {
    expect(isValidTopicName('cart.submit-cart.reply')).toBe(true);
    expect(isValidTopicName('CartUpdated.dlq')).toBe(true);
    expect(isValidTopicName('')).toBe(false);
    expect(isValidTopicName('..')).toBe(false);
    expect(isValidTopicName('a/b')).toBe(false);
    expect(isValidTopicName('x'.repeat(250))).toBe(false);
  });
});
