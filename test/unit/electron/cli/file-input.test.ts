import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deferredFile } from '../../../../electron/cli/file-input';

describe('a file on disk as a deferred input', () => {
  const dir = mkdtempSync(join(tmpdir(), 'relay-doctor-file-'));
  const path = join(dir, 'SEND.log');
  const body = new Uint8Array(200_000).map((_, i) => (i % 97 === 0 ? 10 : 65 + (i % 26)));
  writeFileSync(path, body);

  it('serves the whole file in pieces, copied by the consumer, and loads it whole on demand', async () => {
    const input = deferredFile(path, 'SEND.log', body.length);
    const parts: Uint8Array[] = [];
    input.pieces?.((piece) => {
      parts.push(piece.slice());
    });
    expect(parts.length).toBe(4);
    expect(Buffer.concat(parts).equals(Buffer.from(body))).toBe(true);
    expect(Buffer.from(await input.load()).equals(Buffer.from(body))).toBe(true);
  });

  it('stops reading when the consumer has seen enough (a head for sniffing)', () => {
    let visits = 0;
    deferredFile(path, 'SEND.log', body.length).pieces?.(() => {
      visits++;
      return false;
    });
    expect(visits).toBe(1);
  });

  it('rejects load and throws from pieces when the file has gone', async () => {
    const gone = deferredFile(join(dir, 'gone.log'), 'gone.log', 10);
    await expect(gone.load()).rejects.toMatchObject({ code: 'ENOENT' });
    expect(() => gone.pieces?.(() => undefined)).toThrow(/ENOENT/);
  });
});
