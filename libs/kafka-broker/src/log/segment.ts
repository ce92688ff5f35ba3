import type { AppendFile } from './disk-queue';

export interface StoredBatch {
  baseOffset: number;
  lastOffset: number;
  maxTimestamp: number;
  /** Byte position in the segment file. */
  position: number;
  size: number;
  /** The batch bytes while resident; null once evicted to the file only. */
  data: Buffer | null;
}

/** A run of batches starting at baseOffset; on disk it is one file named by that offset. */
export class Segment {
  readonly batches: StoredBatch[] = [];
  sizeBytes = 0;
  maxTimestamp = -1;

  constructor(
    readonly baseOffset: number,
    readonly file: AppendFile | null,
  ) {}

  static fileName(baseOffset: number): string {
    return `${String(baseOffset).padStart(20, '0')}.log`;
  }

  add(batch: { baseOffset: number; lastOffset: number; maxTimestamp: number; data: Buffer }): void {
    this.batches.push({ ...batch, position: this.sizeBytes, size: batch.data.length });
    this.sizeBytes += batch.data.length;
    if (batch.maxTimestamp > this.maxTimestamp) this.maxTimestamp = batch.maxTimestamp;
  }

  /** Drops batch bytes from memory; later reads go to the file. Only for file-backed segments. */
  evict(): void {
    if (!this.file) return;
    for (const b of this.batches) b.data = null;
  }

  get isEmpty(): boolean {
    return this.batches.length === 0;
  }

  /** Index of the first batch whose last offset is >= offset (batches.length if none). */
  indexOf(offset: number): number {
    let lo = 0;
    let hi = this.batches.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.batches[mid].lastOffset < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
