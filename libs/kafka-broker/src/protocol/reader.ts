/** Thrown when a request body does not decode; the connection answers by closing. */
export class MalformedRequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedRequestError';
  }
}

/** Sequential big-endian decoder over one request body, with bounds checks on every read. */
export class KafkaReader {
  constructor(
    private readonly buf: Buffer,
    public offset = 0,
  ) {}

  get remaining(): number {
    return this.buf.length - this.offset;
  }

  private need(n: number): number {
    if (n < 0 || this.offset + n > this.buf.length) {
      throw new MalformedRequestError(`read of ${n} bytes past end at ${this.offset}/${this.buf.length}`);
    }
    const at = this.offset;
    this.offset += n;
    return at;
  }

  int8(): number {
    return this.buf.readInt8(this.need(1));
  }

  bool(): boolean {
    return this.int8() !== 0;
  }

  int16(): number {
    return this.buf.readInt16BE(this.need(2));
  }

  int32(): number {
    return this.buf.readInt32BE(this.need(4));
  }

  uint32(): number {
    return this.buf.readUInt32BE(this.need(4));
  }

  /** int64 as a JS number: offsets and timestamps stay far below 2^53. */
  int64(): number {
    const at = this.need(8);
    return this.buf.readInt32BE(at) * 0x1_0000_0000 + this.buf.readUInt32BE(at + 4);
  }

  uvarint(): number {
    let result = 0;
    let shift = 0;
    for (;;) {
      const byte = this.buf.readUInt8(this.need(1));
      result += (byte & 0x7f) * 2 ** shift;
      if ((byte & 0x80) === 0) return result;
      shift += 7;
      if (shift > 49) throw new MalformedRequestError('varint too long');
    }
  }

  varint(): number {
    const raw = this.uvarint();
    return raw % 2 === 0 ? raw / 2 : -(raw + 1) / 2;
  }

  string(): string {
    const value = this.nullableString();
    if (value === null) throw new MalformedRequestError('null where a string is required');
    return value;
  }

  nullableString(): string | null {
    const len = this.int16();
    if (len < 0) return null;
    const at = this.need(len);
    return this.buf.toString('utf8', at, at + len);
  }

  compactString(): string {
    const value = this.compactNullableString();
    if (value === null) throw new MalformedRequestError('null where a string is required');
    return value;
  }

  compactNullableString(): string | null {
    const len = this.uvarint() - 1;
    if (len < 0) return null;
    const at = this.need(len);
    return this.buf.toString('utf8', at, at + len);
  }

  /** Returns a view (no copy) into the request frame. */
  nullableBytes(): Buffer | null {
    const len = this.int32();
    if (len < 0) return null;
    const at = this.need(len);
    return this.buf.subarray(at, at + len);
  }

  /** A view of the next n bytes. */
  take(n: number): Buffer {
    const at = this.need(n);
    return this.buf.subarray(at, at + n);
  }

  bytes(): Buffer {
    return this.nullableBytes() ?? Buffer.alloc(0);
  }

  array<T>(read: (r: KafkaReader) => T): T[] {
    return this.nullableArray(read) ?? [];
  }

  nullableArray<T>(read: (r: KafkaReader) => T): T[] | null {
    const count = this.int32();
    if (count < 0) return null;
    return this.items(count, read);
  }

  compactArray<T>(read: (r: KafkaReader) => T): T[] {
    const count = this.uvarint() - 1;
    if (count < 0) return [];
    return this.items(count, read);
  }

  /** Skips a tagged-field section of a flexible message. */
  taggedFields(): void {
    const count = this.uvarint();
    for (let i = 0; i < count; i++) {
      this.uvarint();
      this.need(this.uvarint());
    }
  }

  private items<T>(count: number, read: (r: KafkaReader) => T): T[] {
    // Every element takes at least one byte: a larger count is garbage, refuse before allocating.
    if (count > this.remaining) throw new MalformedRequestError(`array of ${count} exceeds frame`);
    const out: T[] = new Array(count);
    for (let i = 0; i < count; i++) out[i] = read(this);
    return out;
  }
}
