import { crc32c } from '../crc32c';

describe('crc32c', () => {
  // Known answers from RFC 3720 (iSCSI) appendix B.4 and the common check value.
  it('matches the standard check value for "123456789"', () => {
    expect(crc32c(Buffer.from('123456789'))).toBe(0xe3069283);
  });

  it('matches the RFC 3720 vectors', () => {
    expect(crc32c(Buffer.alloc(32, 0))).toBe(0x8a9136aa);
    expect(crc32c(Buffer.alloc(32, 0xff))).toBe(0x62a8ab43);
    expect(crc32c(Buffer.from(Array.from({ length: 32 }, (_, i) => i)))).toBe(0x46dd794e);
    expect(crc32c(Buffer.from(Array.from({ length: 32 }, (_, i) => 31 - i)))).toBe(0x113fdb5c);
  });

  it('gives the same answer for a sub-range as for a copy of it', () => {
    const data = Buffer.from('xx123456789yy');
    expect(crc32c(data, 2, 11)).toBe(0xe3069283);
  });

  it('handles every tail length of the 8-byte unrolled loop', () => {
    const data = Buffer.from('The quick brown fox jumps over the lazy dog');
    for (let end = 0; end <= data.length; end++) {
      expect(crc32c(data, 0, end)).toBe(bytewise(data.subarray(0, end)));
    }
  });
});

function bytewise(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0x82f63b78 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
