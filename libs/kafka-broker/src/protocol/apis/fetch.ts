import { loadChunks, type FileRange } from '../../log/partition-log';
import { ApiKey } from '../api-keys';
import { ErrorCode } from '../error-codes';
import type { ApiHandler, RequestContext, ResponseBody } from './api-handler';

interface FetchPartition {
  partition: number;
  offset: number;
  maxBytes: number;
}

interface FetchTopic {
  topic: string;
  partitions: FetchPartition[];
}

interface PartitionData {
  partition: number;
  error: number;
  highWatermark: number;
  chunks: (Buffer | FileRange)[];
}

interface Evaluation {
  topics: { topic: string; partitions: PartitionData[] }[];
  bytes: number;
  hasError: boolean;
}

function evaluate(ctx: RequestContext, request: FetchTopic[], maxBytes: number): Evaluation {
  let bytes = 0;
  let hasError = false;
  const topics = request.map((t) => ({
    topic: t.topic,
    partitions: t.partitions.map((p): PartitionData => {
      const log = ctx.broker.topics.partition(t.topic, p.partition);
      if (!log) {
        hasError = true;
        return { partition: p.partition, error: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, highWatermark: -1, chunks: [] };
      }
      if (p.offset < log.logStartOffset || p.offset > log.highWatermark) {
        hasError = true;
        return { partition: p.partition, error: ErrorCode.OFFSET_OUT_OF_RANGE, highWatermark: log.highWatermark, chunks: [] };
      }
      const limit = Math.max(0, Math.min(p.maxBytes, maxBytes - bytes));
      const read = log.read(p.offset, limit, bytes === 0);
      bytes += read.bytes;
      return { partition: p.partition, error: ErrorCode.NONE, highWatermark: log.highWatermark, chunks: read.chunks };
    }),
  }));
  return { topics, bytes, hasError };
}

/**
 * Reads the parts of the answer that live only in segment files. A read that fails (the
 * segment was just deleted by retention) yields no records; the next fetch sees the new
 * log start offset.
 */
async function load(result: Evaluation): Promise<Evaluation> {
  const topics = await Promise.all(
    result.topics.map(async (t) => ({
      topic: t.topic,
      partitions: await Promise.all(
        t.partitions.map(async (p) => ({ ...p, chunks: await loadChunks(p.chunks).catch(() => []) })),
      ),
    })),
  );
  return { ...result, topics };
}

function onDisk(result: Evaluation): boolean {
  return result.topics.some((t) => t.partitions.some((p) => p.chunks.some((c) => !Buffer.isBuffer(c))));
}

function respond(result: Evaluation): ResponseBody | Promise<ResponseBody> {
  return onDisk(result) ? load(result).then(encode) : encode(result);
}

function encode(result: Evaluation): ResponseBody {
  return (w) => {
    w.int32(0);
    w.array(result.topics, (w2, t) => {
      w2.string(t.topic);
      w2.array(t.partitions, (w3, p) => {
        w3.int32(p.partition).int16(p.error).int64(p.highWatermark);
        w3.int64(p.highWatermark); // last stable offset: no open transactions here
        w3.int32(0); // aborted transactions
        // respond() loaded every file range before encoding.
        w3.bytesFromChunks(p.chunks as Buffer[]);
      });
    });
  };
}

/** Fetch v4 as a long poll: answers once min_bytes are there, on any error, or at max_wait. */
export const fetchHandler: ApiHandler = {
  key: ApiKey.Fetch,
  name: 'Fetch',
  minVersion: 4,
  maxVersion: 4,
  handle(r, ctx) {
    r.int32(); // replica id
    const maxWaitMs = r.int32();
    const minBytes = r.int32();
    const maxBytes = r.int32();
    r.int8(); // isolation level: every record here is committed
    const request: FetchTopic[] = r.array((t) => ({
      topic: t.string(),
      partitions: t.array((p) => ({ partition: p.int32(), offset: p.int64(), maxBytes: p.int32() })),
    }));
    const first = evaluate(ctx, request, maxBytes);
    if (first.hasError || first.bytes >= minBytes || maxWaitMs <= 0) {
      return respond(first);
    }
    return new Promise<ResponseBody>((resolve) => {
      const unsubscribers: (() => void)[] = [];
      let done = false;
      const finish = (result: Evaluation) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        for (const u of unsubscribers) u();
        resolve(respond(result));
      };
      const timer = setTimeout(() => finish(evaluate(ctx, request, maxBytes)), maxWaitMs);
      const onAppend = () => {
        const next = evaluate(ctx, request, maxBytes);
        if (next.hasError || next.bytes >= Math.max(minBytes, 1)) finish(next);
      };
      for (const t of request) {
        for (const p of t.partitions) {
          const log = ctx.broker.topics.partition(t.topic, p.partition);
          if (log) unsubscribers.push(log.onAppend(onAppend));
        }
      }
      unsubscribers.push(ctx.onClose(() => finish(first)));
    });
  },
};
