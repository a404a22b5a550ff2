import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { readTrustFiles, untrustedRoots } from '../../../../shared/engine/user-trust';
import { runAnalysis } from '../../../../shared/engine/run';
import { chainPicture } from '../../../../shared/guide/chain-picture';
import { buildFixPack } from '../../../../shared/fixpack/build-fixpack';
import { main } from '../../../../electron/cli/index';
import { captureIo } from '../../../helpers/cli-io';

const certs = 'test/fixtures/certs';
const file = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(`${certs}/${name}`)) });
const ROOT = { sha1: 'AC910BA5C0B686F85526915CA063A7133ED853E7', subject: 'CN=Relay Doctor Test Root CA, O=Relay Doctor Test, C=CZ' };
const now = new Date('2026-06-01T00:00:00Z');

describe('readTrustFiles (the --trust reader, shared by the CLI and the app)', () => {
  it('makes every certificate of a trust file a root of its own, named by the file', async () => {
    const { roots, unreadable } = await readTrustFiles([file('root.pem')]);
    expect(unreadable).toEqual([]);
    expect(roots.map(({ sha1, subject, source }) => ({ sha1, subject, source }))).toEqual([{ ...ROOT, source: 'root.pem' }]);
  });

  it('names a file without a certificate instead of ignoring it, and reads the same root twice once', async () => {
    const { roots, unreadable } = await readTrustFiles([file('random.bin'), file('root.pem'), { ...file('root.pem'), name: 'copy.pem' }]);
    expect(unreadable).toEqual(['random.bin']);
    expect(roots).toHaveLength(1);
  });
});

describe('the admin\'s roots in the report', () => {
  it('judges the chain against them as the user store and lists them as theirs, never with their DER', async () => {
    const trust = await readTrustFiles([file('root.pem')]);
    const { report } = await runAnalysis([file('leaf-only.pem'), file('intermediate.pem')], { locale: 'en', now, trustAnchors: [], trustedRoots: trust.roots });
    expect(report.chains[0]).toMatchObject({ status: 'complete', trustStore: 'user' });
    expect(report.trustedRoots).toEqual([{ ...ROOT, source: 'root.pem' }]);
    expect(JSON.stringify(report)).not.toContain(trust.roots[0]?.derBase64.slice(0, 40));
  });

  it('writes no trustedRoots when the admin trusted nothing', async () => {
    const { report } = await runAnalysis([file('leaf-only.pem')], { locale: 'en', now, trustAnchors: [] });
    expect(report).not.toHaveProperty('trustedRoots');
  });

  it('offers the self-signed top of an untrusted chain, with the DER of that root alone', async () => {
    const { report, evidence } = await runAnalysis([file('chain-with-root.pem')], { locale: 'en', now, trustAnchors: [] });
    expect(report.chains[0]?.status).toBe('untrusted');
    const offered = untrustedRoots(evidence, report);
    expect(offered.map(({ sha1, source }) => ({ sha1, source }))).toEqual([{ sha1: ROOT.sha1, source: 'chain-with-root.pem' }]);
    const reread = await readTrustFiles([{ name: 'root.cer', bytes: Buffer.from(offered[0]?.derBase64 ?? '', 'base64') }]);
    expect(reread.roots.map((r) => r.sha1)).toEqual([ROOT.sha1]);
  });

  it('marks the root as theirs in the guide\'s chain picture (guide.md, .html and the PDF share it)', async () => {
    const trust = await readTrustFiles([file('root.pem')]);
    const { report, evidence } = await runAnalysis([file('leaf-only.pem'), file('intermediate.pem')], { locale: 'en', now, trustAnchors: [], trustedRoots: trust.roots });
    const records = new Map(evidence.flatMap((e) => (e.kind === 'certificates' ? e.certificates : [])).map((c) => [c.sha1, c]));
    const picture = chainPicture({ chain: report.chains[0]!, certificates: records, packFiles: new Map(), locale: 'en', reported: report.certificates });
    expect(picture.nodes.at(-1)).toMatchObject({ role: 'root', subject: ROOT.subject, note: expect.stringContaining('you trusted this root for this case') });
    expect(picture.nodes.slice(0, -1).every((n) => n.note === undefined)).toBe(true);
  });

  it('says so in the fix pack\'s guide.md and guide.html', async () => {
    const trust = await readTrustFiles([file('root.pem')]);
    const { report, evidence } = await runAnalysis([file('leaf-only.pem'), file('intermediate.pem')], { locale: 'en', now, trustAnchors: [], trustedRoots: trust.roots });
    const built = await buildFixPack({ report, evidence, locale: 'en' });
    if (!built.ok) throw new Error(built.error.code);
    for (const name of ['guide.md', 'guide.html']) {
      const guide = built.value.files.find((f) => f.name === name);
      expect(guide && 'text' in guide ? guide.text : '', name).toContain('you trusted this root for this case');
    }
  });

  it('relay-doctor analyze --trust writes the same trustedRoots, and refuses a trust file without a certificate', async () => {
    const io = captureIo();
    await main(['analyze', `${certs}/leaf-only.pem`, `${certs}/intermediate.pem`, '--json', '--at', now.toISOString(), '--trust', `${certs}/root.pem`], io);
    const report = JSON.parse(io.out());
    expect(report.trustedRoots).toEqual([{ ...ROOT, source: 'root.pem' }]);
    expect(report.chains[0]).toMatchObject({ status: 'complete', trustStore: 'user' });
    const bad = captureIo();
    expect(await main(['analyze', `${certs}/leaf-only.pem`, '--trust', `${certs}/random.bin`], bad)).toBe(2);
    expect(bad.err()).toContain('random.bin');
  });
});
