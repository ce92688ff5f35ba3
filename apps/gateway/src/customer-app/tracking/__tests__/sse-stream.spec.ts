import { EventEmitter } from 'node:events';
import { formatSseComment, formatSseMessage } from '../sse-frame';
import { type SseCloseReason, type SseSink, SseStream } from '../sse-stream';

/** A socket whose kernel buffer is "full" whenever `accepting` is false. */
class FakeSink extends EventEmitter implements SseSink {
  written: string[] = [];
  accepting = true;
  writableEnded = false;
  destroyed = false;
  write(chunk: string): boolean {
    this.written.push(chunk);
    return this.accepting;
  }
  end(): void {
    this.writableEnded = true;
  }
  destroy(): void {
    this.destroyed = true;
  }
}

describe('SseStream', () => {
  let closes: SseCloseReason[];
  let sink: FakeSink;
  let stream: SseStream;

  beforeEach(() => {
    jest.useFakeTimers();
    closes = [];
    sink = new FakeSink();
    stream = new SseStream(sink, { heartbeatMs: 1_000, maxBufferedFrames: 2, onClose: (reason) => closes.push(reason) });
  });

  afterEach(() => {
    stream.end('finished');
    jest.useRealTimers();
  });

  it('writes each message as one frame', () => {
    stream.send({ id: 'e1', event: 'InvoiceCreated', data: { orderId: '456' } });
    expect(sink.written).toEqual(['id: e1\nevent: InvoiceCreated\ndata: {"orderId":"456"}\n\n']);
  });

  it('sends a keep-alive comment every heartbeat interval and stops after closing', () => {
    jest.advanceTimersByTime(2_500);
    expect(sink.written).toEqual([formatSseComment('keep-alive'), formatSseComment('keep-alive')]);
    stream.end('finished');
    jest.advanceTimersByTime(5_000);
    expect(sink.written).toHaveLength(2);
    expect(sink.writableEnded).toBe(true);
  });

  it('holds frames while the socket is full and writes them in order on drain', () => {
    sink.accepting = false;
    stream.send({ id: 'a' });
    stream.send({ id: 'b' });
    stream.send({ id: 'c' });
    expect(sink.written).toEqual([formatSseMessage({ id: 'a' })]);
    expect(stream.bufferedFrames).toBe(2);
    sink.accepting = true;
    sink.emit('drain');
    expect(sink.written).toEqual(['a', 'b', 'c'].map((id) => formatSseMessage({ id })));
    expect(stream.isOpen).toBe(true);
  });

  it('drops a client whose queue overflows, once, and writes nothing more', () => {
    sink.accepting = false;
    for (const id of ['a', 'b', 'c', 'd', 'e']) stream.send({ id });
    expect(closes).toEqual(['too-slow']);
    expect(sink.destroyed).toBe(true);
    expect(stream.isOpen).toBe(false);
    sink.emit('drain');
    expect(sink.written).toHaveLength(1);
  });

  it('reports a client disconnect once and ignores later sends', () => {
    sink.emit('close');
    sink.emit('close');
    stream.send({ id: 'late' });
    expect(closes).toEqual(['client-disconnected']);
    expect(sink.written).toEqual([]);
  });
});

describe('formatSseMessage', () => {
  it('puts retry, id, event and single-line JSON data in that order', () => {
    expect(formatSseMessage({ retryMs: 3000, id: 'x', event: 'snapshot', data: { note: 'two\nlines' } })).toBe(
      'retry: 3000\nid: x\nevent: snapshot\ndata: {"note":"two\\nlines"}\n\n',
    );
  });

  it('cannot be broken by line breaks in ids or event names', () => {
    expect(formatSseMessage({ id: 'a\r\ndata: injected', event: 'x\ny' })).toBe('id: a data: injected\nevent: x y\n\n');
  });
});
