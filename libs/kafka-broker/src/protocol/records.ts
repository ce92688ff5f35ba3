import { crc32c } from './crc32c';
import { KafkaReader } from './reader';
import { KafkaWriter } from './writer';
import { BATCH_ATTRIBUTES, BATCH_CRC, BATCH_HEADER_BYTES, BATCH_LOG_OVERHEAD } from './record-batch';

// Encoding and decoding of the records inside an uncompressed batch. The broker itself never
// needs this (it stores batches as produced); tests, the fuzzer and admin views do.

export interface RecordHeader {
  key: string;
  value: Buffer | null;
}

export interface BatchRecord {
  offset?: number;
  timestamp?: number;
  key: Buffer | null;
  value: Buffer | null;
  headers?: RecordHeader[];
}

export function zigzagVarint(w: KafkaWriter, v: number): void {
  w.uvarint(v >= 0 ? v * 2 : -v * 2 - 1);
}

function varBytes(w: KafkaWriter, b: Buffer | null): void {
  if (b === null) {
    zigzagVarint(w, -1);
    return;
  }
  zigzagVarint(w, b.length);
  w.raw(b);
}

export interface EncodeBatchOptions {
  baseOffset?: number;
  baseTimestamp?: number;
  producerId?: number;
  producerEpoch?: number;
  baseSequence?: number;
}

export function encodeRecordBatch(records: readonly BatchRecord[], options: EncodeBatchOptions = {}): Buffer {
  const baseTimestamp = options.baseTimestamp ?? records[0]?.timestamp ?? Date.now();
  const body = new KafkaWriter();
  let maxTimestamp = baseTimestamp;
  records.forEach((record, i) => {
    const ts = record.timestamp ?? baseTimestamp;
    maxTimestamp = Math.max(maxTimestamp, ts);
    const r = new KafkaWriter();
    r.int8(0);
    zigzagVarint(r, ts - baseTimestamp);
    zigzagVarint(r, i);
    varBytes(r, record.key);
    varBytes(r, record.value);
    const headers = record.headers ?? [];
    zigzagVarint(r, headers.length);
    for (const h of headers) {
      varBytes(r, Buffer.from(h.key));
      varBytes(r, h.value);
    }
    const encoded = r.toBuffer();
    zigzagVarint(body, encoded.length);
    body.raw(encoded);
  });
  const recordBytes = body.toBuffer();
  const w = new KafkaWriter();
  w.int64(options.baseOffset ?? 0);
  w.int32(BATCH_HEADER_BYTES - BATCH_LOG_OVERHEAD + recordBytes.length);
  w.int32(0); // partition leader epoch
  w.int8(2);
  w.int32(0); // crc, patched below
  w.int16(0); // attributes: no compression, create time
  w.int32(Math.max(records.length - 1, 0));
  w.int64(baseTimestamp);
  w.int64(maxTimestamp);
  w.int64(options.producerId ?? -1);
  w.int16(options.producerEpoch ?? -1);
  w.int32(options.baseSequence ?? -1);
  w.int32(records.length);
  w.raw(recordBytes);
  const batch = w.toBuffer();
  batch.writeUInt32BE(crc32c(batch, BATCH_ATTRIBUTES), BATCH_CRC);
  return batch;
}

function readVarBytes(r: KafkaReader): Buffer | null {
  const len = r.varint();
  if (len < 0) return null;
  return Buffer.from(r.take(len));
}

/** Decodes the records of one uncompressed v2 batch. */
export function decodeRecordBatch(batch: Buffer): Required<BatchRecord>[] {
  const head = new KafkaReader(batch);
  const baseOffset = head.int64();
  head.offset = 27;
  const baseTimestamp = head.int64();
  if ((batch.readInt16BE(BATCH_ATTRIBUTES) & 0x07) !== 0) throw new Error('compressed batch');
  const count = batch.readInt32BE(BATCH_HEADER_BYTES - 4);
  const r = new KafkaReader(batch, BATCH_HEADER_BYTES);
  const out: Required<BatchRecord>[] = [];
  for (let i = 0; i < count; i++) {
    r.varint(); // record length
    r.int8();
    const timestampDelta = r.varint();
    const offsetDelta = r.varint();
    const key = readVarBytes(r);
    const value = readVarBytes(r);
    const headerCount = r.varint();
    const headers: RecordHeader[] = [];
    for (let h = 0; h < headerCount; h++) {
      const hk = readVarBytes(r);
      headers.push({ key: hk?.toString() ?? '', value: readVarBytes(r) });
    }
    out.push({ offset: baseOffset + offsetDelta, timestamp: baseTimestamp + timestampDelta, key, value, headers });
  }
  return out;
}
