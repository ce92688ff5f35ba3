import { zigzagVarint } from '../records';
import { KafkaReader, MalformedRequestError } from '../reader';
import { KafkaWriter } from '../writer';

describe('KafkaWriter and KafkaReader', () => {
  it('round-trips fixed-width integers, strings and bytes', () => {
    const w = new KafkaWriter();
    w.int8(-5).int16(-300).int32(-70000).int64(1_700_000_000_123).int64(-1);
    w.string('héllo').nullableString(null).nullableBytes(Buffer.from([1, 2, 3])).nullableBytes(null).bool(true);
    const r = new KafkaReader(w.toBuffer());
    expect([r.int8(), r.int16(), r.int32(), r.int64(), r.int64()]).toEqual([-5, -300, -70000, 1_700_000_000_123, -1]);
    expect(r.string()).toBe('héllo');
    expect(r.nullableString()).toBeNull();
    expect([...r.bytes()]).toEqual([1, 2, 3]);
    expect(r.nullableBytes()).toBeNull();
    expect(r.bool()).toBe(true);
    expect(r.remaining).toBe(0);
  });

  it('encodes unsigned varints as Kafka does', () => {
    const cases: [number, number[]][] = [
      [0, [0x00]],
      [1, [0x01]],
      [127, [0x7f]],
      [128, [0x80, 0x01]],
      [300, [0xac, 0x02]],
      [16384, [0x80, 0x80, 0x01]],
    ];
    for (const [value, bytes] of cases) {
      const encoded = new KafkaWriter().uvarint(value).toBuffer();
      expect([...encoded]).toEqual(bytes);
      expect(new KafkaReader(encoded).uvarint()).toBe(value);
    }
  });

  it('zigzag-encodes signed varints (0,-1,1,-2 -> 0,1,2,3)', () => {
    const values = [0, -1, 1, -2, 2, 63, -64, 64, 2_147_483_647, -2_147_483_648, 1_700_000_000_000];
    const w = new KafkaWriter();
    for (const v of values) zigzagVarint(w, v);
    const encoded = w.toBuffer();
    expect([...encoded.subarray(0, 4)]).toEqual([0, 1, 2, 3]);
    const r = new KafkaReader(encoded);
    expect(values.map(() => r.varint())).toEqual(values);
  });

  it('round-trips compact (flexible) strings and arrays', () => {
    const w = new KafkaWriter().compactString('abc').compactNullableString(null).compactArray([1, 2], (x, v) => x.int16(v)).emptyTaggedFields();
    const r = new KafkaReader(w.toBuffer());
    expect(r.compactString()).toBe('abc');
    expect(r.compactNullableString()).toBeNull();
    expect(r.compactArray((x) => x.int16())).toEqual([1, 2]);
    r.taggedFields();
    expect(r.remaining).toBe(0);
  });

  it('refuses reads past the end and absurd array counts', () => {
    expect(() => new KafkaReader(Buffer.from([0, 5, 97])).string()).toThrow(MalformedRequestError);
    expect(() => new KafkaReader(Buffer.from([0, 0, 0])).int32()).toThrow();
    expect(() => new KafkaReader(Buffer.from([0x7f, 0xff, 0xff, 0xff, 0])).array((r) => r.int8())).toThrow(MalformedRequestError);
  });

  it('references large byte fields instead of copying them and prefixes the frame size', () => {
    const big = Buffer.alloc(4096, 7);
    const frame = new KafkaWriter().int32(42).bytesFromChunks([big, big]).toFrame();
    expect(frame.filter((c) => c === big)).toHaveLength(2);
    const whole = Buffer.concat(frame);
    expect(whole.readInt32BE(0)).toBe(whole.length - 4);
    expect(whole.readInt32BE(8)).toBe(8192);
  });
});
