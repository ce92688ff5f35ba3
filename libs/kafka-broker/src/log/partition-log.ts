import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeBaseOffset, type BatchHeader } from '../protocol/record-batch';
import { AppendFile, DiskQueue } from './disk-queue';
import type { LogConfig } from './log-config';
import { Segment } from './segment';

/** Bytes of an evicted segment still to be read from its file. */
export interface FileRange {
  file: AppendFile;
  position: number;
  length: number;
}

export interface ReadResult {
  chunks: (Buffer | FileRange)[];
  bytes: number;
}

/** Replaces file ranges with their bytes (one read per contiguous range). */
export async function loadChunks(chunks: readonly (Buffer | FileRange)[]): Promise<Buffer[]> {
  return Promise.all(chunks.map((c) => (Buffer.isBuffer(c) ? c : c.file.readAt(c.position, c.length))));
}

/**
 * One partition: an ordered list of segments. Offsets are assigned at append; the high
 * watermark (what fetchers see) moves only once the write reached the file, so a consumer
 * never reads what a crash could lose from the log.
 */
export class PartitionLog {
  readonly segments: Segment[] = [];
  logStartOffset = 0;
  /** Next offset to assign (log end offset). */
  nextOffset = 0;
  highWatermark = 0;
  private readonly listeners = new Set<() => void>();
  private readonly disk: DiskQueue | null;

  constructor(
    readonly topic: string,
    readonly partition: number,
    private readonly config: LogConfig,
    readonly dir: string | null,
    recovered: Segment[] = [],
  ) {
    this.disk = dir ? new DiskQueue(config.syncEachWrite) : null;
    if (dir) mkdirSync(dir, { recursive: true });
    if (recovered.length > 0) {
      this.segments.push(...recovered);
      this.logStartOffset = recovered[0].baseOffset;
      const last = recovered[recovered.length - 1];
      const lastBatch = last.batches[last.batches.length - 1];
      this.nextOffset = lastBatch ? lastBatch.lastOffset + 1 : last.baseOffset;
      this.highWatermark = this.nextOffset;
    } else {
      this.segments.push(this.newSegment(0));
    }
  }

  /** Starts a segment; on disk its (possibly empty) file records the base offset at once. */
  private newSegment(baseOffset: number): Segment {
    const previous = this.segments[this.segments.length - 1];
    const segment = new Segment(baseOffset, this.dir ? new AppendFile(join(this.dir, Segment.fileName(baseOffset))) : null);
    if (this.disk && segment.file) {
      const file = segment.file;
      // A failure here (say, the topic was deleted meanwhile) resurfaces on the next write.
      this.disk
        .task(async () => {
          await file.touch();
          await previous?.file?.close();
          // Written and closed: serve it from the file from now on, keeping memory flat.
          previous?.evict();
        })
        .catch(() => undefined);
    }
    return segment;
  }

  get activeSegment(): Segment {
    return this.segments[this.segments.length - 1];
  }

  get sizeBytes(): number {
    let total = 0;
    for (const s of this.segments) total += s.sizeBytes;
    return total;
  }

  /** Appends validated batches; resolves once they are durable per the log's policy. */
  append(batches: readonly BatchHeader[]): { baseOffset: number; durable: Promise<void> } {
    const baseOffset = this.nextOffset;
    let lastWrite: Promise<void> | null = null;
    for (const batch of batches) {
      let active = this.activeSegment;
      if (!active.isEmpty && active.sizeBytes + batch.data.length > this.config.segmentBytes) {
        active = this.newSegment(this.nextOffset);
        this.segments.push(active);
      }
      writeBaseOffset(batch.data, this.nextOffset);
      const lastOffset = this.nextOffset + batch.lastOffsetDelta;
      active.add({ baseOffset: this.nextOffset, lastOffset, maxTimestamp: batch.maxTimestamp, data: batch.data });
      this.nextOffset = lastOffset + 1;
      if (this.disk && active.file) lastWrite = this.disk.write(active.file, batch.data);
    }
    const end = this.nextOffset;
    if (!lastWrite) {
      this.advanceHighWatermark(end);
      return { baseOffset, durable: Promise.resolve() };
    }
    const durable = lastWrite.then(() => this.advanceHighWatermark(end));
    return { baseOffset, durable };
  }

  private advanceHighWatermark(end: number): void {
    if (end <= this.highWatermark) return;
    this.highWatermark = end;
    for (const listener of [...this.listeners]) listener();
  }

  /** Called whenever the high watermark moves (fetch long polls wait on this). */
  onAppend(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Whole batches from the one holding `offset`, up to maxBytes; the first batch is returned
   * even when larger, so a consumer can always make progress.
   */
  read(offset: number, maxBytes: number, allowOversizedFirst: boolean): ReadResult {
    const chunks: (Buffer | FileRange)[] = [];
    let bytes = 0;
    if (offset >= this.highWatermark) return { chunks, bytes };
    let segIndex = this.segmentIndexFor(offset);
    let batchIndex = this.segments[segIndex].indexOf(offset);
    while (segIndex < this.segments.length) {
      const segment = this.segments[segIndex];
      let range: FileRange | null = null;
      for (; batchIndex < segment.batches.length; batchIndex++) {
        const batch = segment.batches[batchIndex];
        if (batch.baseOffset >= this.highWatermark) return { chunks, bytes };
        if (bytes + batch.size > maxBytes && !(chunks.length === 0 && allowOversizedFirst)) {
          return { chunks, bytes };
        }
        if (batch.data) {
          chunks.push(batch.data);
          range = null;
        } else if (range && range.position + range.length === batch.position) {
          range.length += batch.size;
        } else if (segment.file) {
          range = { file: segment.file, position: batch.position, length: batch.size };
          chunks.push(range);
        }
        bytes += batch.size;
      }
      segIndex++;
      batchIndex = 0;
    }
    return { chunks, bytes };
  }

  private segmentIndexFor(offset: number): number {
    let lo = 0;
    let hi = this.segments.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.segments[mid].baseOffset <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** First offset of the first batch with a timestamp at or after `timestamp`, or null. */
  offsetForTimestamp(timestamp: number): number | null {
    for (const segment of this.segments) {
      if (segment.maxTimestamp < timestamp) continue;
      for (const batch of segment.batches) {
        if (batch.maxTimestamp >= timestamp && batch.baseOffset < this.highWatermark) {
          return Math.max(batch.baseOffset, this.logStartOffset);
        }
      }
    }
    return null;
  }

  /** Deletes whole old segments beyond the size or age limit; never the last one. */
  enforceRetention(now: number): number {
    const { retentionBytes, retentionMs } = this.config;
    let size = this.sizeBytes;
    // An expired active segment is rolled first so it can go too, as Kafka does.
    const active = this.activeSegment;
    if (retentionMs >= 0 && !active.isEmpty && active.maxTimestamp < now - retentionMs && this.highWatermark === this.nextOffset) {
      this.segments.push(this.newSegment(this.nextOffset));
    }
    const doomed: Segment[] = [];
    while (this.segments.length > 1) {
      const oldest = this.segments[0];
      const tooBig = retentionBytes >= 0 && size - oldest.sizeBytes >= retentionBytes;
      const tooOld = retentionMs >= 0 && !oldest.isEmpty && oldest.maxTimestamp < now - retentionMs;
      if (!tooBig && !tooOld) break;
      this.segments.shift();
      size -= oldest.sizeBytes;
      doomed.push(oldest);
    }
    if (doomed.length === 0) return 0;
    this.logStartOffset = this.segments[0].baseOffset;
    if (this.disk) {
      for (const segment of doomed) {
        this.disk.task(() => segment.file?.remove() ?? Promise.resolve()).catch(() => undefined);
      }
    }
    return doomed.length;
  }

  async sync(): Promise<void> {
    if (!this.disk) return;
    await this.disk.task(() => this.activeSegment.file?.sync() ?? Promise.resolve());
  }

  async close(): Promise<void> {
    this.listeners.clear();
    if (!this.disk) return;
    await this.disk.task(async () => {
      for (const segment of this.segments) await segment.file?.closeAll();
    });
  }
}
