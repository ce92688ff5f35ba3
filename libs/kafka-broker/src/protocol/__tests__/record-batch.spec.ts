import { crc32c } from '../crc32c';
import { decodeRecordBatch, encodeRecordBatch } from '../records';
import { BATCH_ATTRIBUTES, BATCH_CRC, BATCH_HEADER_BYTES, scanBatches, writeBaseOffset } from '../record-batch';

describe('record batch v2', () => {
  const batch = () =>
    encodeRecordBatch(
      [
        { key: Buffer.from('k1'), value: Buffer.from('v1'), headers: [{ key: 'h', value: Buffer.from('x') }], timestamp: 1_700_000_000_000 },
        { key: null, value: Buffer.from('v2'), timestamp: 1_700_000_000_500 },
        { key: Buffer.from('k3'), value: null, timestamp: 1_700_000_000_200 },
      ],
      { producerId: 9, baseSequence: 4 },
    );

  it('has the documented header layout', () => {
    const b = batch();
    expect(b.readInt32BE(8)).toBe(b.length - 12);
    expect(b.readInt8(16)).toBe(2);
    expect(b.readUInt32BE(BATCH_CRC)).toBe(crc32c(b, BATCH_ATTRIBUTES));
    expect(b.readInt32BE(23)).toBe(2); // last offset delta
    expect(b.readInt32BE(BATCH_HEADER_BYTES - 4)).toBe(3);
  });

  it('scans header fields out of a blob of several batches', () => {
    const blob = Buffer.concat([batch(), batch()]);
    const scan = scanBatches(blob, { verifyCrc: true });
    expect(scan.error).toBeUndefined();
    expect(scan.validBytes).toBe(blob.length);
    expect(scan.batches).toHaveLength(2);
    expect(scan.batches[0]).toMatchObject({ lastOffsetDelta: 2, recordCount: 3, maxTimestamp: 1_700_000_000_500, producerId: 9, baseSequence: 4 });
  });

  it('reports a truncated tail and keeps the whole batches before it', () => {
    const one = batch();
    const blob = Buffer.concat([one, one.subarray(0, one.length - 3)]);
    const scan = scanBatches(blob, { verifyCrc: true });
    expect(scan.error).toBe('truncated');
    expect(scan.batches).toHaveLength(1);
    expect(scan.validBytes).toBe(one.length);
  });

  it('detects a flipped bit through the CRC, but not in the base offset the broker rewrites', () => {
    const corrupted = batch();
    corrupted[corrupted.length - 2] ^= 0x01;
    expect(scanBatches(corrupted, { verifyCrc: true }).error).toBe('crc');

    const rebased = batch();
    writeBaseOffset(rebased, 123_456_789_012);
    const scan = scanBatches(rebased, { verifyCrc: true });
    expect(scan.error).toBeUndefined();
    expect(scan.batches[0].baseOffset).toBe(123_456_789_012);
  });

  it('rejects other magic bytes', () => {
    const old = batch();
    old.writeInt8(1, 16);
    expect(scanBatches(old, { verifyCrc: false }).error).toBe('magic');
  });

  it('preserves keys, values, headers and timestamps', () => {
    const b = batch();
    writeBaseOffset(b, 40);
    const records = decodeRecordBatch(b);
    expect(records.map((r) => r.offset)).toEqual([40, 41, 42]);
    expect(records[0].key?.toString()).toBe('k1');
    expect(records[0].headers[0]).toEqual({ key: 'h', value: Buffer.from('x') });
    expect(records[1].key).toBeNull();
    expect(records[1].timestamp).toBe(1_700_000_000_500);
    expect(records[2].value).toBeNull();
  });
});
