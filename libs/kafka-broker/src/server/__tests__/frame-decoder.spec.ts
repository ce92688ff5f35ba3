import { FrameDecoder, FrameError } from '../frame-decoder';

function frame(body: string): Buffer {
  const b = Buffer.from(body);
  const size = Buffer.alloc(4);
  size.writeInt32BE(b.length);
  return Buffer.concat([size, b]);
}

describe('FrameDecoder', () => {
  it('splits several frames merged into one chunk', () => {
    const d = new FrameDecoder(1000);
    expect(d.push(Buffer.concat([frame('one'), frame('two'), frame('')])).map(String)).toEqual(['one', 'two', '']);
  });

  it('reassembles a frame split at every possible byte, including inside the size prefix', () => {
    const stream = Buffer.concat([frame('hello'), frame('world!')]);
    for (let cut = 1; cut < stream.length; cut++) {
      const d = new FrameDecoder(1000);
      const out = [...d.push(stream.subarray(0, cut)), ...d.push(stream.subarray(cut))];
      expect(out.map(String)).toEqual(['hello', 'world!']);
    }
  });

  it('handles one byte at a time', () => {
    const d = new FrameDecoder(1000);
    const out: string[] = [];
    for (const byte of Buffer.concat([frame('abc'), frame('de')])) out.push(...d.push(Buffer.from([byte])).map(String));
    expect(out).toEqual(['abc', 'de']);
  });

  it('rejects negative and oversized frame sizes', () => {
    const negative = Buffer.alloc(4);
    negative.writeInt32BE(-1);
    expect(() => new FrameDecoder(1000).push(negative)).toThrow(FrameError);
    const big = Buffer.alloc(4);
    big.writeInt32BE(1001);
    expect(() => new FrameDecoder(1000).push(big)).toThrow(FrameError);
  });
});
