import { appendFileSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeRecordBatch } from '../../protocol/records';
import { scanBatches } from '../../protocol/record-batch';
import type { LogConfig } from '../log-config';
import { recoverSegments } from '../log-recovery';
import { loadChunks, PartitionLog } from '../partition-log';

const quiet = { warn: () => undefined };

function config(overrides: Partial<LogConfig> = {}): LogConfig {
  return { segmentBytes: 1 << 20, retentionBytes: -1, retentionMs: -1, syncEachWrite: false, ...overrides };
}

function batches(count: number, timestamp = Date.now()) {
  const blob = Buffer.concat(
    Array.from({ length: count }, (_, i) => encodeRecordBatch([{ key: null, value: Buffer.alloc(100, i) }, { key: null, value: Buffer.from('x') }], { baseTimestamp: timestamp })),
  );
  return scanBatches(blob, { verifyCrc: true }).batches;
}

describe('PartitionLog', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'partition-log-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('assigns consecutive offsets per batch and rewrites each batch base offset', async () => {
    const log = new PartitionLog('t', 0, config(), null);
    const first = log.append(batches(2));
    const second = log.append(batches(1));
    await Promise.all([first.durable, second.durable]);
    expect([first.baseOffset, second.baseOffset]).toEqual([0, 4]);
    expect(log.highWatermark).toBe(6);
    const read = log.read(5, 1 << 20, true);
    expect(read.chunks).toHaveLength(1);
    const [chunk] = await loadChunks(read.chunks);
    expect(scanBatches(chunk, { verifyCrc: true }).batches[0].baseOffset).toBe(4);
  });

  it('returns whole batches up to the byte limit, but always a first oversized one', () => {
    const log = new PartitionLog('t', 0, config(), null);
    log.append(batches(3));
    const one = log.read(0, 10, true);
    expect(one.chunks).toHaveLength(1);
    expect(log.read(0, 10, false).chunks).toHaveLength(0);
    expect(log.read(0, one.bytes * 2, true).chunks).toHaveLength(2);
    expect(log.read(6, 1 << 20, true).chunks).toHaveLength(0);
  });

  it('makes appended batches visible only once written to the segment file', async () => {
    const log = new PartitionLog('t', 0, config(), dir);
    const { durable } = log.append(batches(1));
    expect(log.highWatermark).toBe(0);
    await durable;
    expect(log.highWatermark).toBe(2);
    await log.close();
    expect(readdirSync(dir)).toEqual(['00000000000000000000.log']);
  });

  it('rolls segments and deletes the oldest beyond retention bytes, advancing the log start', async () => {
    const size = batches(1)[0].data.length;
    const log = new PartitionLog('t', 0, config({ segmentBytes: size * 2, retentionBytes: size * 3 }), dir);
    for (let i = 0; i < 6; i++) await log.append(batches(1)).durable;
    expect(log.segments).toHaveLength(3);
    log.enforceRetention(Date.now());
    await log.sync();
    expect(log.segments).toHaveLength(2);
    expect(log.logStartOffset).toBe(4);
    expect(log.read(4, 1 << 20, true).chunks.length).toBeGreaterThan(0);
    await log.close();
    expect(readdirSync(dir).sort()).toEqual(['00000000000000000004.log', '00000000000000000008.log']);
  });

  it('deletes segments older than retention ms, rolling an expired active segment first', async () => {
    const log = new PartitionLog('t', 0, config({ retentionMs: 1000 }), dir);
    await log.append(batches(2, Date.now() - 5000)).durable;
    log.enforceRetention(Date.now());
    expect(log.logStartOffset).toBe(4);
    expect(log.nextOffset).toBe(4);
    await log.close();
    // The empty active segment keeps the next offset across a restart.
    const again = new PartitionLog('t', 0, config(), dir, recoverSegments(dir, quiet));
    expect([again.logStartOffset, again.nextOffset]).toEqual([4, 4]);
    await again.close();
  });

  it('recovers segments and truncates a torn last batch', async () => {
    const log = new PartitionLog('t', 0, config(), dir);
    await log.append(batches(3)).durable;
    await log.close();
    const file = join(dir, '00000000000000000000.log');
    const whole = statSync(file).size;
    appendFileSync(file, batches(1)[0].data.subarray(0, 30));
    const recovered = new PartitionLog('t', 0, config(), dir, recoverSegments(dir, quiet));
    expect(recovered.highWatermark).toBe(6);
    expect(statSync(file).size).toBe(whole);
    const appended = recovered.append(batches(1));
    await appended.durable;
    expect(appended.baseOffset).toBe(6);
    await recovered.close();
  });

  it('serves rolled segments from their files, not memory, with the same bytes', async () => {
    const size = batches(1)[0].data.length;
    const log = new PartitionLog('t', 0, config({ segmentBytes: size * 2 }), dir);
    const written: Buffer[] = [];
    for (let i = 0; i < 5; i++) {
      const [batch] = batches(1);
      written.push(batch.data);
      await log.append([batch]).durable;
    }
    await log.sync();
    expect(log.segments).toHaveLength(3);
    expect(log.segments[0].batches.every((b) => b.data === null)).toBe(true);
    expect(log.activeSegment.batches[0].data).not.toBeNull();
    const read = log.read(0, 1 << 20, true);
    expect(read.chunks.filter((c) => !Buffer.isBuffer(c))).toHaveLength(2);
    expect(Buffer.concat(await loadChunks(read.chunks))).toEqual(Buffer.concat(written));
    await log.close();
  });

  it('finds the first batch at or after a timestamp', () => {
    const log = new PartitionLog('t', 0, config(), null);
    log.append(batches(1, 1000));
    log.append(batches(1, 2000));
    expect(log.offsetForTimestamp(1500)).toBe(2);
    expect(log.offsetForTimestamp(500)).toBe(0);
    expect(log.offsetForTimestamp(3000)).toBeNull();
  });
});
