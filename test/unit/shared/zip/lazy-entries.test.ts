import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import { listZip } from '../../../../shared/zip/read-zip';
import { readInputs } from '../../../../shared/engine/read-inputs';
import { DamagedInputError, DEFAULT_LIMITS } from '../../../../shared/model/input';

const FIXTURES = fileURLToPath(new URL('../../../fixtures/', import.meta.url));
const LOG = new Uint8Array(readFileSync(`${FIXTURES}smtp/exchange-send-5.7.64-cert-sent.log`));
const PEM = new Uint8Array(readFileSync(`${FIXTURES}certs/leaf-only.pem`));

/** The zip with the declared (uncompressed) size of its first entry rewritten to `size`. */
function withDeclaredSize(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const dv = new DataView(out.buffer);
  const central = dv.getUint32(out.length - 22 + 16, true);
  dv.setUint32(central + 24, size, true);
  return out;
}

function joined(parts: Uint8Array[]): Uint8Array {
  return new Uint8Array(Buffer.concat(parts));
}

describe('zip entries inflated when read', () => {
  it('inflates an entry in pieces to exactly its bytes, deflated or stored, and stops when the reader has enough', () => {
    const zip = zipSync({ 'SEND.log': LOG, 'stored.pem': [PEM, { level: 0 }] });
    const listed = listZip(zip, DEFAULT_LIMITS);
    if (!listed.ok) throw new Error(listed.error.code);
    for (const [entry, body] of [[listed.value.entries[0], LOG], [listed.value.entries[1], PEM]] as const) {
      const parts: Uint8Array[] = [];
      entry?.pieces((piece) => {
        parts.push(piece.slice());
      });
      expect(joined(parts)).toEqual(body);
    }
    let visits = 0;
    listed.value.entries[0]?.pieces(() => {
      visits++;
      return false;
    });
    expect(visits).toBe(1);
  });

  it('stops inflating an entry whose header claims fewer bytes than it holds (DamagedInputError)', () => {
    const zip = withDeclaredSize(zipSync({ 'zeros.bin': new Uint8Array(5 * 1024 * 1024) }), 10);
    const listed = listZip(zip, DEFAULT_LIMITS);
    if (!listed.ok) throw new Error(listed.error.code);
    let seen = 0;
    expect(() =>
      listed.value.entries[0]?.pieces((piece) => {
        seen += piece.length;
      }),
    ).toThrow(DamagedInputError);
    expect(seen).toBeLessThanOrEqual(10);
  });

  it('reads a zip entry by entry: a damaged one is reported as damaged and the others are diagnosed', async () => {
    const good = zipSync({ 'server.pem': PEM, 'logs/SEND.log': LOG });
    const broken = withDeclaredSize(zipSync({ 'zeros.bin': new Uint8Array(64 * 1024) }), 10);
    const read = await readInputs(
      [
        { name: 'evidence.zip', bytes: good },
        { name: 'broken.zip', bytes: broken },
      ],
      { limits: DEFAULT_LIMITS },
    );
    expect(read.outcomes.map((o) => [o.file, o.kind, o.status, o.error?.code])).toEqual([
      ['evidence.zip', 'container', 'ok', undefined],
      ['evidence.zip/server.pem', 'certificates', 'ok', undefined],
      ['evidence.zip/logs/SEND.log', 'smtpLog', 'ok', undefined],
      ['broken.zip', 'container', 'ok', undefined],
      ['broken.zip/zeros.bin', null, 'rejected', 'input.damaged'],
    ]);
  });
});
