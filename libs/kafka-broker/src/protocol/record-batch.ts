import { crc32c } from './crc32c';

// Offsets of the fixed record batch v2 header fields.
export const BATCH_BASE_OFFSET = 0;
export const BATCH_LENGTH = 8;
export const BATCH_MAGIC = 16;
export const BATCH_CRC = 17;
export const BATCH_ATTRIBUTES = 21;
export const BATCH_LAST_OFFSET_DELTA = 23;
export const BATCH_BASE_TIMESTAMP = 27;
export const BATCH_MAX_TIMESTAMP = 35;
export const BATCH_PRODUCER_ID = 43;
export const BATCH_BASE_SEQUENCE = 53;
export const BATCH_RECORD_COUNT = 57;
export const BATCH_HEADER_BYTES = 61;
/** baseOffset + batchLength precede the part that batchLength counts. */
export const BATCH_LOG_OVERHEAD = 12;

export interface BatchHeader {
  /** The whole batch, a view into the source buffer. */
  data: Buffer;
  baseOffset: number;
  lastOffsetDelta: number;
  recordCount: number;
  maxTimestamp: number;
  producerId: number;
  baseSequence: number;
}

export type BatchScanError = 'truncated' | 'magic' | 'crc' | 'invalid';

export interface BatchScan {
  batches: BatchHeader[];
  /** Bytes of `source` covered by the valid batches. */
  validBytes: number;
  error?: BatchScanError;
}

function readInt64(buf: Buffer, at: number): number {
  return buf.readInt32BE(at) * 0x1_0000_0000 + buf.readUInt32BE(at + 4);
}

export function writeBaseOffset(batch: Buffer, baseOffset: number): void {
  const high = Math.floor(baseOffset / 0x1_0000_0000);
  batch.writeInt32BE(high, BATCH_BASE_OFFSET);
  batch.writeUInt32BE(baseOffset - high * 0x1_0000_0000, BATCH_BASE_OFFSET + 4);
}

/**
 * Splits a records blob into v2 batches, checking framing, magic and (optionally) CRC-32C.
 * Stops at the first bad batch: what came before is reported valid, which is exactly what
 * log recovery needs to truncate a torn tail.
 */
export function scanBatches(source: Buffer, options: { verifyCrc: boolean }): BatchScan {
  const batches: BatchHeader[] = [];
  let pos = 0;
  while (pos < source.length) {
    if (source.length - pos < BATCH_HEADER_BYTES) return { batches, validBytes: pos, error: 'truncated' };
    const batchLength = source.readInt32BE(pos + BATCH_LENGTH);
    const total = batchLength + BATCH_LOG_OVERHEAD;
    if (batchLength < BATCH_HEADER_BYTES - BATCH_LOG_OVERHEAD) return { batches, validBytes: pos, error: 'invalid' };
    if (pos + total > source.length) return { batches, validBytes: pos, error: 'truncated' };
    if (source.readInt8(pos + BATCH_MAGIC) !== 2) return { batches, validBytes: pos, error: 'magic' };
    if (options.verifyCrc) {
      const expected = source.readUInt32BE(pos + BATCH_CRC);
      if (crc32c(source, pos + BATCH_ATTRIBUTES, pos + total) !== expected) {
        return { batches, validBytes: pos, error: 'crc' };
      }
    }
    const lastOffsetDelta = source.readInt32BE(pos + BATCH_LAST_OFFSET_DELTA);
    const recordCount = source.readInt32BE(pos + BATCH_RECORD_COUNT);
    if (lastOffsetDelta < 0 || recordCount < 0) return { batches, validBytes: pos, error: 'invalid' };
    batches.push({
      data: source.subarray(pos, pos + total),
      baseOffset: readInt64(source, pos + BATCH_BASE_OFFSET),
      lastOffsetDelta,
      recordCount,
      maxTimestamp: readInt64(source, pos + BATCH_MAX_TIMESTAMP),
      producerId: readInt64(source, pos + BATCH_PRODUCER_ID),
      baseSequence: source.readInt32BE(pos + BATCH_BASE_SEQUENCE),
    });
    pos += total;
  }
  return { batches, validBytes: pos };
}
