import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { crc32 as zlibCrc32 } from 'node:zlib';
import { decodeValue } from '../../../../shared/eventlog/evtx/values';
import { crc32 } from '../../../../shared/eventlog/evtx/crc32';
import { filetimeToIso } from '../../../../shared/eventlog/evtx/time-format';

const noNested = () => [];
const hex = (s: string) => Uint8Array.from(s.match(/../g)!.map((b) => parseInt(b, 16)));
const dec = (type: number, h: string) => {
  const b = hex(h);
  return decodeValue(type, b, 0, b.length, noNested);
};

describe('decodeValue', () => {
  it('renders each substitution type as Event Viewer does', () => {
    expect(dec(0x01, '4f004b000000')).toBe('OK');
    expect(dec(0x02, '414e534900')).toBe('ANSI');
    expect(dec(0x03, 'ff')).toBe('-1');
    expect(dec(0x04, 'ff')).toBe('255');
    expect(dec(0x05, 'feff')).toBe('-2');
    expect(dec(0x06, '0431')).toBe('12548');
    expect(dec(0x07, 'ffffffff')).toBe('-1');
    expect(dec(0x08, 'ffffffff')).toBe('4294967295');
    expect(dec(0x09, 'feffffffffffffff')).toBe('-2');
    expect(dec(0x0a, 'ffffffffffffffff')).toBe('18446744073709551615');
    expect(dec(0x0b, '0000c03f')).toBe('1.5');
    expect(dec(0x0c, '000000000000f83f')).toBe('1.5');
    expect(dec(0x0d, '01000000')).toBe('true');
    expect(dec(0x0d, '00000000')).toBe('false');
    expect(dec(0x0e, '00ff10')).toBe('00FF10');
    expect(dec(0x0f, 'a8a4bc5b09b2dc48a8c7b23d3e5216fb')).toBe('{5BBCA4A8-B209-48DC-A8C7-B23D3E5216FB}');
    expect(dec(0x10, '10000000')).toBe('0x00000010');
    expect(dec(0x10, '1000000000000000')).toBe('0x0000000000000010');
    expect(dec(0x11, '0080e4f46b58d901')).toBe(filetimeToIso(0xf4e48000, 0x01d9586b));
    expect(dec(0x12, 'e2070b0004001c000d0025000b00f401')).toBe('2018-11-28T13:37:11.500Z');
    expect(dec(0x13, '010100000000000512000000')).toBe('S-1-5-18');
    expect(dec(0x14, 'e7030000')).toBe('0x3e7');
    expect(dec(0x15, 'afd3190000000000')).toBe('0x19d3af');
    expect(dec(0x15, '0100000000000040')).toBe('0x4000000000000001');
  });

  it('renders arrays element by element', () => {
    expect(dec(0x81, '610000006200000000000000')).toBe('a, b');
    expect(dec(0x86, '01000200')).toBe('1, 2');
    expect(dec(0x88, '0100000002000000')).toBe('1, 2');
  });

  it('keeps what is there of an incomplete SID instead of failing the record', () => {
    // Three sub-authorities announced, one present (the HelloForBusiness sample's defect).
    expect(dec(0x13, '010300000000000515000000')).toBe('S-1-5-21');
    expect(dec(0x13, '0101')).toBe('0101');
  });

  it('returns null for the null type and for empty values, and hex for unknown types', () => {
    expect(dec(0x00, 'ff')).toBeNull();
    expect(decodeValue(0x08, new Uint8Array(0), 0, 0, noNested)).toBeNull();
    expect(dec(0x7e, 'abcd')).toBe('ABCD');
  });

  it('hands BinXML values to the nested parser with their byte range', () => {
    const b = new Uint8Array(10);
    expect(decodeValue(0x21, b, 3, 5, (s, e) => [{ name: `${s}-${e}`, attributes: {}, children: [] }])).toEqual([{ name: '3-8', attributes: {}, children: [] }]);
  });
});

describe('filetimeToIso', () => {
  it('keeps all seven digits of 100 ns ticks beyond 2^53', () => {
    const ticks = (BigInt(Date.UTC(2016, 11, 1, 3, 9, 55)) + 11_644_473_600_000n) * 10_000n + 4_561_806n;
    expect(ticks > 2n ** 53n).toBe(true);
    expect(filetimeToIso(Number(ticks & 0xffffffffn), Number(ticks >> 32n))).toBe('2016-12-01T03:09:55.4561806Z');
  });
});

describe('crc32', () => {
  it('equals zlib on any input and over split ranges', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.nat(300), (bytes, cut) => {
        const at = Math.min(cut, bytes.length);
        expect(crc32(bytes)).toBe(zlibCrc32(bytes));
        expect(crc32(bytes, at, bytes.length, crc32(bytes, 0, at))).toBe(zlibCrc32(bytes));
      }),
    );
  });

  it('equals zlib on views that start anywhere in their buffer (it reads aligned 32-bit words)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 8, maxLength: 3000 }), fc.nat(7), fc.nat(40), (bytes, shift, from) => {
        const buffer = new Uint8Array(bytes.length + shift);
        buffer.set(bytes, shift);
        const view = buffer.subarray(shift);
        const start = Math.min(from, bytes.length);
        expect(crc32(view, start)).toBe(zlibCrc32(bytes.subarray(start)));
      }),
    );
  });
});
