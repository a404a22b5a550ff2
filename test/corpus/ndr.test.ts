import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ndrReader } from '../../shared/smtp/ndr/reader';
import type { NdrEvidence } from '../../shared/smtp/types';
import { DEFAULT_LIMITS } from '../../shared/model/input';

const DIR = fileURLToPath(new URL('../../../shared/corpus/sisimai-set-of-emails/', import.meta.url));
const present = existsSync(`${DIR}INDEX.tsv`);
if (!present) console.warn(`[corpus] SKIPPED test/corpus/ndr.test.ts: ${DIR}INDEX.tsv is missing (../shared/corpus not present)`);

/**
 * INDEX.tsv was made by grepping every `Status:` line and the first `Diagnostic-Code:` line of the raw
 * files, so two kinds of listed values are not delivery statuses at all. They are checked in their own way:
 * - `RO` (lhost-exchange2003-02, lhost-ezweb-01) is the mbox "read" flag in the top-level header, not a DSN
 *   Status; the reader must not report it.
 * - `5.=` (lhost-amazonworkmail-03) is the raw line cut by a quoted-printable soft break; decoded, the status
 *   still has to start with `5.`.
 * A trailing `=` on a Diagnostic-Code line is the same soft break and is dropped before comparing.
 */
const NOT_A_STATUS = new Set(['RO']);
const QP_CUT = /^([245])\.=$/;

interface Row {
  file: string;
  codes: string[];
  diagnostic: string;
}

function rows(): Row[] {
  return readFileSync(`${DIR}INDEX.tsv`, 'utf8')
    .split('\n')
    .slice(1)
    .filter((l) => l.trim())
    .map((l) => {
      const [file = '', codes = '', diagnostic = ''] = l.split('\t');
      return { file, codes: codes.split(/\s+/).filter(Boolean), diagnostic };
    });
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

describe.skipIf(!present)('sisimai set-of-emails: every NDR gives the status codes and diagnostic INDEX.tsv lists', () => {
  const tally = { files: 0, statusOk: 0, diagnosticOk: 0 };
  afterAll(() => {
    console.log(
      `[corpus] sisimai: ${tally.files} files, status codes agree on ${tally.statusOk}, diagnostic text on ${tally.diagnosticOk}`,
    );
  });

  for (const row of present ? rows() : []) {
    it(`${row.file}`, async () => {
      const input = { name: row.file, bytes: new Uint8Array(readFileSync(`${DIR}maildir-bsd/${row.file}`)) };
      expect(ndrReader.sniff(input)).toBeGreaterThan(1);
      const r = await ndrReader.read(input, { limits: DEFAULT_LIMITS });
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      const message = (r.value.evidence[0] as NdrEvidence).messages[0];
      const got = message?.statusCodes ?? [];
      tally.files++;

      for (const code of row.codes) {
        if (NOT_A_STATUS.has(code)) expect(got).not.toContain(code);
        else if (QP_CUT.test(code)) expect(got.some((g) => g.startsWith(code.slice(0, 2)))).toBe(true);
        else expect(got).toContain(code);
      }
      tally.statusOk++;

      const want = norm(row.diagnostic.replace(/^Diagnostic-Code:\s*/i, '').replace(/=$/, ''));
      if (want) {
        const diagnostics = (message?.recipients ?? []).map((x) => norm(x.diagnosticCode ?? ''));
        expect(diagnostics.some((d) => d.includes(want)), `${want} in ${diagnostics.join(' | ')}`).toBe(true);
      }
      tally.diagnosticOk++;
    });
  }
});
