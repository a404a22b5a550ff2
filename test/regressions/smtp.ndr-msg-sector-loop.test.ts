import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../shared/model/input';
import { ndrReader } from '../../shared/smtp/readers';

const read = (name: string, bytes: Uint8Array) => ndrReader.read({ name, bytes }, { limits: DEFAULT_LIMITS });
const msg = new Uint8Array(readFileSync(new URL('../fixtures/ndr/exchange-5.7.64.msg', import.meta.url)));

/** The FAT entry of sector `s` (512-byte sectors; the first FAT sector is DIFAT[0] in the header at 0x4C). */
function fatEntryOffset(bytes: Uint8Array, s: number): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  const firstFat = view.getInt32(0x4c, true);
  return (firstFat + 1) * 512 + 4 * s;
}

// @kenjiuno/msgreader follows sector chains and directory links without cycle checks: fuzzed .msg files made it
// loop forever (issue 12). shared/smtp/ndr/msg-guard.ts caps those walks; such a file is now input.damaged.
describe('NDR reader on an Outlook .msg whose structure loops', () => {
  it('reports a directory sector chain that points at itself as damaged', async () => {
    const bytes = msg.slice();
    const view = new DataView(bytes.buffer);
    const dirStart = view.getInt32(0x30, true);
    view.setInt32(fatEntryOffset(bytes, dirStart), dirStart, true);
    const r = await read('loop.msg', bytes);
    expect(r.ok ? 'ok' : r.error.code).toBe('input.damaged');
  });

  it('reports a header that claims 2^31 FAT sectors as damaged', async () => {
    const bytes = msg.slice();
    new DataView(bytes.buffer).setInt32(0x2c, 0x7fffffff, true);
    const r = await read('huge.msg', bytes);
    expect(r.ok ? 'ok' : r.error.code).toBe('input.damaged');
  });

  it.each(['smtp.ndr-20b327ea3f4c.bin', 'smtp.ndr-ec8b497435f0.bin'])('answers the fuzzer crasher %s with a Result', async (file) => {
    const bytes = new Uint8Array(readFileSync(new URL(`../fuzz/fixed/${file}`, import.meta.url)));
    const r = await read('crasher.msg', bytes);
    expect(typeof r.ok).toBe('boolean');
  });

  it('still reads the intact fixture', async () => {
    const r = await read('exchange-5.7.64.msg', msg);
    expect(r.ok && r.value.items).toBe(1);
  });
});
