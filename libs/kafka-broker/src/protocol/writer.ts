const SCRATCH_BYTES = 512;
/** Byte strings at least this long are referenced, not copied. */
const REFERENCE_THRESHOLD = 1024;

/**
 * Big-endian encoder producing a list of chunks: large byte fields (record batches) are kept
 * as references to the stored Buffers, so a fetch response never copies the log.
 */
export class KafkaWriter {
  private readonly chunks: Buffer[] = [];
  private scratch = Buffer.allocUnsafe(SCRATCH_BYTES);
  private start = 0;
  private pos = 0;
  private flushedBytes = 0;

  get length(): number {
    return this.flushedBytes + (this.pos - this.start);
  }

  private ensure(n: number): void {
    if (this.pos + n <= this.scratch.length) return;
    this.flushScratch();
    this.scratch = Buffer.allocUnsafe(Math.max(SCRATCH_BYTES * 4, n));
    this.start = 0;
    this.pos = 0;
  }

  private flushScratch(): void {
    if (this.pos > this.start) {
      this.chunks.push(this.scratch.subarray(this.start, this.pos));
      this.flushedBytes += this.pos - this.start;
      this.start = this.pos;
    }
  }

  int8(v: number): this {
    this.ensure(1);
    this.scratch.writeInt8(v, this.pos);
    this.pos += 1;
    return this;
  }

  bool(v: boolean): this {
    return this.int8(v ? 1 : 0);
  }

  int16(v: number): this {
    this.ensure(2);
    this.scratch.writeInt16BE(v, this.pos);
    this.pos += 2;
    return this;
  }

  int32(v: number): this {
    this.ensure(4);
    this.scratch.writeInt32BE(v, this.pos);
    this.pos += 4;
    return this;
  }

  int64(v: number): this {
    this.ensure(8);
    const high = Math.floor(v / 0x1_0000_0000);
    this.scratch.writeInt32BE(high, this.pos);
    this.scratch.writeUInt32BE(v - high * 0x1_0000_0000, this.pos + 4);
    this.pos += 8;
    return this;
  }

  uvarint(v: number): this {
    this.ensure(10);
    let rest = v;
    while (rest >= 0x80) {
      this.scratch[this.pos++] = (rest % 0x80) | 0x80;
      rest = Math.floor(rest / 0x80);
    }
    this.scratch[this.pos++] = rest;
    return this;
  }

  string(v: string): this {
    return this.nullableString(v);
  }

  nullableString(v: string | null): this {
    if (v === null) return this.int16(-1);
    const len = Buffer.byteLength(v);
    this.int16(len);
    this.ensure(len);
    this.pos += this.scratch.write(v, this.pos, 'utf8');
    return this;
  }

  compactString(v: string): this {
    return this.compactNullableString(v);
  }

  compactNullableString(v: string | null): this {
    if (v === null) return this.uvarint(0);
    const len = Buffer.byteLength(v);
    this.uvarint(len + 1);
    this.ensure(len);
    this.pos += this.scratch.write(v, this.pos, 'utf8');
    return this;
  }

  nullableBytes(v: Buffer | null): this {
    if (v === null) return this.int32(-1);
    this.int32(v.length);
    return this.raw(v);
  }

  /** int32 length then the given chunks, in order, without copying large ones. */
  bytesFromChunks(parts: readonly Buffer[]): this {
    let total = 0;
    for (const p of parts) total += p.length;
    this.int32(total);
    for (const p of parts) this.raw(p);
    return this;
  }

  raw(v: Buffer): this {
    if (v.length >= REFERENCE_THRESHOLD) {
      this.flushScratch();
      this.chunks.push(v);
      this.flushedBytes += v.length;
      return this;
    }
    this.ensure(v.length);
    v.copy(this.scratch, this.pos);
    this.pos += v.length;
    return this;
  }

  array<T>(items: readonly T[], write: (w: this, item: T) => void): this {
    this.int32(items.length);
    for (const item of items) write(this, item);
    return this;
  }

  compactArray<T>(items: readonly T[], write: (w: this, item: T) => void): this {
    this.uvarint(items.length + 1);
    for (const item of items) write(this, item);
    return this;
  }

  emptyTaggedFields(): this {
    return this.uvarint(0);
  }

  /** The encoded chunks, preceded by the int32 frame size. */
  toFrame(): Buffer[] {
    this.flushScratch();
    const size = Buffer.allocUnsafe(4);
    size.writeInt32BE(this.flushedBytes, 0);
    return [size, ...this.chunks];
  }

  toBuffer(): Buffer {
    this.flushScratch();
    return Buffer.concat(this.chunks, this.flushedBytes);
  }
}
