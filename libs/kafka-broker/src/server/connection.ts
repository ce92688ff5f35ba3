import type { Socket } from 'node:net';
import type { BrokerState } from '../broker-state';
import { ApiKey } from '../protocol/api-keys';
import type { ApiHandler, ResponseBody } from '../protocol/apis/api-handler';
import { KafkaReader } from '../protocol/reader';
import { readRequestHeader, type RequestHeader } from '../protocol/request-header';
import { KafkaWriter } from '../protocol/writer';
import { FrameDecoder } from './frame-decoder';

interface Slot {
  done: boolean;
  frame: Buffer[] | null;
}

/**
 * One client connection. Requests are handled concurrently (a Fetch may park for seconds)
 * but answered strictly in arrival order, as Kafka clients expect of a pipelined connection.
 */
export class Connection {
  private readonly decoder: FrameDecoder;
  private readonly slots: Slot[] = [];
  private readonly cleanups = new Set<() => void>();
  private closed = false;
  readonly remote: string;

  constructor(
    private readonly socket: Socket,
    private readonly broker: BrokerState,
    private readonly handlers: ReadonlyMap<number, ApiHandler>,
    maxFrameBytes: number,
  ) {
    this.decoder = new FrameDecoder(maxFrameBytes);
    this.remote = `${socket.remoteAddress}:${socket.remotePort}`;
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', () => this.destroy());
    socket.on('close', () => this.destroy());
  }

  private onData(chunk: Buffer): void {
    if (this.closed) return;
    let frames: Buffer[];
    try {
      frames = this.decoder.push(chunk);
    } catch (err) {
      this.fail('invalid frame', err);
      return;
    }
    for (const frame of frames) {
      if (this.closed) return;
      this.handleFrame(frame);
    }
  }

  private handleFrame(frame: Buffer): void {
    const reader = new KafkaReader(frame);
    let header: RequestHeader;
    try {
      header = readRequestHeader(reader);
    } catch (err) {
      this.fail('malformed request header', err);
      return;
    }
    const handler = this.handlers.get(header.apiKey);
    if (!handler) {
      this.fail('unknown api key', undefined, { apiKey: header.apiKey, apiVersion: header.apiVersion });
      return;
    }
    // An unsupported ApiVersions version gets an answer (error 35); any other is fatal.
    const versionOk = header.apiVersion >= handler.minVersion && header.apiVersion <= handler.maxVersion;
    if (!versionOk && header.apiKey !== ApiKey.ApiVersions) {
      this.fail('unsupported api version', undefined, { api: handler.name, apiVersion: header.apiVersion });
      return;
    }
    const slot: Slot = { done: false, frame: null };
    this.slots.push(slot);
    let result: ResponseBody | null | Promise<ResponseBody | null>;
    try {
      result = handler.handle(reader, {
        header,
        broker: this.broker,
        clientHost: this.socket.remoteAddress ?? '',
        onClose: (cleanup) => {
          this.cleanups.add(cleanup);
          return () => this.cleanups.delete(cleanup);
        },
      });
    } catch (err) {
      this.fail(`malformed ${handler.name} request`, err, { apiVersion: header.apiVersion });
      return;
    }
    if (result instanceof Promise) {
      result.then(
        (body) => this.complete(slot, header, body),
        (err: unknown) => this.fail(`${handler.name} failed`, err, { apiVersion: header.apiVersion }),
      );
    } else {
      this.complete(slot, header, result);
    }
  }

  private complete(slot: Slot, header: RequestHeader, body: ResponseBody | null): void {
    if (this.closed) return;
    if (body) {
      try {
        const w = new KafkaWriter();
        w.int32(header.correlationId);
        body(w);
        slot.frame = w.toFrame();
      } catch (err) {
        this.fail('response encoding failed', err, { apiKey: header.apiKey });
        return;
      }
    }
    slot.done = true;
    this.flush();
  }

  private flush(): void {
    if (!this.slots[0]?.done) return;
    this.socket.cork();
    while (this.slots[0]?.done) {
      const slot = this.slots.shift() as Slot;
      if (slot.frame) for (const chunk of slot.frame) this.socket.write(chunk);
    }
    this.socket.uncork();
  }

  private fail(reason: string, err?: unknown, ctx?: object): void {
    this.broker.logger.warn(`closing connection: ${reason}`, {
      remote: this.remote,
      ...ctx,
      ...(err ? { error: err instanceof Error ? err.message : String(err) } : {}),
    });
    this.destroy();
  }

  destroy(): void {
    if (this.closed) return;
    this.closed = true;
    this.socket.destroy();
    for (const cleanup of [...this.cleanups]) cleanup();
    this.cleanups.clear();
    this.slots.length = 0;
  }
}
