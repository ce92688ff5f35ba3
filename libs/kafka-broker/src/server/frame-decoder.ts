export class FrameError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FrameError';
  }
}

/**
 * Cuts a TCP byte stream into size-prefixed Kafka frames. A frame that arrives whole in one
 * chunk is returned as a view; one split over chunks is assembled once, when complete.
 */
export class FrameDecoder {
  private chunks: Buffer[] = [];
  private buffered = 0;

  constructor(private readonly maxFrameBytes: number) {}

  push(chunk: Buffer): Buffer[] {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    const frames: Buffer[] = [];
    while (this.buffered >= 4) {
      if (this.chunks[0].length < 4) this.merge();
      const head = this.chunks[0];
      const size = head.readInt32BE(0);
      if (size < 0 || size > this.maxFrameBytes) {
        throw new FrameError(`frame size ${size} outside 0..${this.maxFrameBytes}`);
      }
      if (this.buffered < size + 4) break;
      if (head.length < size + 4) this.merge();
      const first = this.chunks[0];
      frames.push(first.subarray(4, 4 + size));
      if (first.length === size + 4) this.chunks.shift();
      else this.chunks[0] = first.subarray(4 + size);
      this.buffered -= size + 4;
    }
    return frames;
  }

  private merge(): void {
    this.chunks = [Buffer.concat(this.chunks, this.buffered)];
  }
}
