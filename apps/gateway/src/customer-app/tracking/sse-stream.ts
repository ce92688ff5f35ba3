import { formatSseComment, formatSseMessage, type SseMessage } from './sse-frame';

/** The part of http.ServerResponse a stream writes to (a fake in unit tests). */
export interface SseSink {
  write(chunk: string): boolean;
  end(): void;
  destroy(): void;
  on(event: 'drain' | 'close', listener: () => void): unknown;
  readonly writableEnded: boolean;
  readonly destroyed: boolean;
}

export type SseCloseReason = 'client-disconnected' | 'shutdown' | 'too-slow' | 'finished';

export interface SseStreamOptions {
  heartbeatMs: number;
  /** Frames allowed to wait for the socket; one more drops the client. */
  maxBufferedFrames: number;
  onClose?: (reason: SseCloseReason) => void;
}

/**
 * One open event stream. Writes go straight to the socket while it keeps up; when the kernel
 * buffer is full they wait in a bounded queue until 'drain'. A client that lets the queue
 * overflow is disconnected instead of growing the gateway's memory without bound.
 */
export class SseStream {
  private readonly pending: string[] = [];
  private waitingForDrain = false;
  private closed = false;
  private readonly heartbeat: NodeJS.Timeout;

  constructor(
    private readonly sink: SseSink,
    private readonly options: SseStreamOptions,
  ) {
    sink.on('drain', () => this.flush());
    sink.on('close', () => this.finish('client-disconnected'));
    this.heartbeat = setInterval(() => this.enqueue(formatSseComment('keep-alive')), options.heartbeatMs);
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  get bufferedFrames(): number {
    return this.pending.length;
  }

  send(message: SseMessage): void {
    this.enqueue(formatSseMessage(message));
  }

  comment(text: string): void {
    this.enqueue(formatSseComment(text));
  }

  /** Ends the response politely (shutdown, or the server is done with the stream). */
  end(reason: Extract<SseCloseReason, 'shutdown' | 'finished'>): void {
    if (this.closed) return;
    this.finish(reason);
    if (!this.sink.writableEnded) this.sink.end();
  }

  private enqueue(frame: string): void {
    if (this.closed) return;
    if (this.waitingForDrain) {
      if (this.pending.length >= this.options.maxBufferedFrames) return this.drop();
      this.pending.push(frame);
      return;
    }
    this.waitingForDrain = !this.sink.write(frame);
  }

  private flush(): void {
    this.waitingForDrain = false;
    while (!this.closed && this.pending.length > 0 && !this.waitingForDrain) {
      this.waitingForDrain = !this.sink.write(this.pending.shift() as string);
    }
  }

  private drop(): void {
    this.finish('too-slow');
    this.sink.destroy();
  }

  private finish(reason: SseCloseReason): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.heartbeat);
    this.pending.length = 0;
    this.options.onClose?.(reason);
  }
}
