import type { PartitionLog } from '../../log/partition-log';
import { ApiKey } from '../api-keys';
import { ErrorCode } from '../error-codes';
import { scanBatches, type BatchHeader } from '../record-batch';
import type { KafkaReader } from '../reader';
import type { ApiHandler } from './api-handler';

const KAFKA_STORAGE_ERROR = 56;

interface PartitionResult {
  index: number;
  error: number;
  baseOffset: number;
}

interface ProducerSequence {
  lastSequence: number;
  baseOffset: number;
}

// Idempotent producers: the last sequence seen per producer and partition, so a retried
// batch is answered with its original offset instead of being stored twice.
const sequences = new WeakMap<PartitionLog, Map<number, ProducerSequence>>();

function duplicateOf(log: PartitionLog, batches: readonly BatchHeader[]): number | null {
  const first = batches[0];
  if (first.producerId < 0 || first.baseSequence < 0) return null;
  const seen = sequences.get(log)?.get(first.producerId);
  return seen && first.baseSequence <= seen.lastSequence ? seen.baseOffset : null;
}

function rememberSequence(log: PartitionLog, batches: readonly BatchHeader[], baseOffset: number): void {
  const last = batches[batches.length - 1];
  if (last.producerId < 0 || last.baseSequence < 0) return;
  let perProducer = sequences.get(log);
  if (!perProducer) sequences.set(log, (perProducer = new Map()));
  perProducer.set(last.producerId, { lastSequence: last.baseSequence + last.lastOffsetDelta, baseOffset });
}

/** Produce v3: validates each partition's batches (framing, size, CRC-32C) and appends them as produced. */
export const produceHandler: ApiHandler = {
  key: ApiKey.Produce,
  name: 'Produce',
  minVersion: 3,
  maxVersion: 3,
  async handle(r: KafkaReader, { broker }) {
    r.nullableString(); // transactional id
    const acks = r.int16();
    r.int32(); // timeout
    const request = r.array((t) => ({
      name: t.string(),
      partitions: t.array((p) => ({ index: p.int32(), records: p.nullableBytes() })),
    }));
    const durable: Promise<void>[] = [];
    const results = request.map((topic) => ({
      name: topic.name,
      partitions: topic.partitions.map((part): PartitionResult => {
        const result: PartitionResult = { index: part.index, error: ErrorCode.NONE, baseOffset: -1 };
        if (acks !== 0 && acks !== 1 && acks !== -1) return { ...result, error: ErrorCode.INVALID_REQUIRED_ACKS };
        const log = broker.topics.partition(topic.name, part.index);
        if (!log) return { ...result, error: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION };
        if (!part.records || part.records.length === 0) return { ...result, error: ErrorCode.CORRUPT_MESSAGE };
        const scan = scanBatches(part.records, { verifyCrc: true });
        if (scan.error || scan.batches.length === 0) {
          broker.logger.warn('rejected produced records', { topic: topic.name, partition: part.index, reason: scan.error });
          return { ...result, error: ErrorCode.CORRUPT_MESSAGE };
        }
        if (scan.batches.some((b) => b.data.length > broker.settings.maxMessageBytes)) {
          return { ...result, error: ErrorCode.MESSAGE_TOO_LARGE };
        }
        const duplicate = duplicateOf(log, scan.batches);
        if (duplicate !== null) return { ...result, baseOffset: duplicate };
        const appended = log.append(scan.batches);
        rememberSequence(log, scan.batches, appended.baseOffset);
        durable.push(
          appended.durable.catch((err: unknown) => {
            broker.logger.error('log write failed', { topic: topic.name, partition: part.index, error: String(err) });
            result.error = KAFKA_STORAGE_ERROR;
            result.baseOffset = -1;
          }),
        );
        result.baseOffset = appended.baseOffset;
        return result;
      }),
    }));
    if (acks === 0) return null;
    await Promise.all(durable);
    return (w) => {
      w.array(results, (w2, t) => {
        w2.string(t.name);
        w2.array(t.partitions, (w3, p) => w3.int32(p.index).int16(p.error).int64(p.baseOffset).int64(-1));
      });
      w.int32(0);
    };
  },
};
