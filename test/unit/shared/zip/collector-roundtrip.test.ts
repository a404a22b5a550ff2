import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { runAnalysis } from '../../../../shared/engine/run';
import { INTERMEDIATE, LEAF, ROOT } from '../fixpack/helpers';

const b64 = (s: string) => new Uint8Array(Buffer.from(s, 'base64'));

/** The layout collect-evidence.ps1 writes, with Windows PowerShell 5.1's backslash entry names. */
function collectorZip(): Uint8Array {
  return zipSync({
    'manifest.json': strToU8('{"tool":"relay-doctor collect-evidence","computer":"RELAY01","days":3,"exchange":true}'),
    [`certificates\\${LEAF.sha1}.cer`]: b64(LEAF.derBase64),
    [`certificates\\${INTERMEDIATE.sha1}.cer`]: b64(INTERMEDIATE.derBase64),
    // Out-File -Encoding UTF8 on Windows PowerShell 5.1 writes a BOM.
    'settings\\Get-SendConnector.txt': strToU8('\uFEFF\r\nName               : Outbound to Office 365\r\nEnabled            : True\r\nSmartHosts         : {contoso-com.mail.protection.outlook.com}\r\nTlsCertificateName : <I>CN=Relay Doctor Test Issuing CA 1<S>CN=relay.contoso.com\r\n\r\n'),
  });
}

describe('collector zip through the engine', () => {
  it('reads the certificates inside the zip as evidence and reports every entry by its path', async () => {
    const run = await runAnalysis([{ name: 'relay-doctor-evidence-RELAY01.zip', bytes: collectorZip() }], {
      locale: 'en',
      now: new Date('2026-11-28T12:00:00Z'),
      trustAnchors: [{ derBase64: ROOT.derBase64, store: 'user' }],
    });
    const byFile = new Map(run.report.inputs.map((i) => [i.file, i]));
    expect(byFile.get('relay-doctor-evidence-RELAY01.zip')).toMatchObject({ kind: null, status: 'ok', items: 4 });
    expect(byFile.get(`relay-doctor-evidence-RELAY01.zip/certificates/${LEAF.sha1}.cer`)).toMatchObject({ kind: 'certificates', status: 'ok' });
    const sha1s = run.evidence.flatMap((e) => (e.kind === 'certificates' ? e.certificates.map((c) => c.sha1) : []));
    expect(sha1s).toEqual(expect.arrayContaining([LEAF.sha1, INTERMEDIATE.sha1]));
    expect(run.report.chains.some((c) => c.leaf === LEAF.sha1)).toBe(true);
    const sendConnectors = run.evidence.flatMap((e) => (e.kind === 'settings' ? e.sendConnectors.map((c) => c.name) : []));
    expect(sendConnectors).toEqual(['Outbound to Office 365']);
    // The collector's manifest names the server the zip was collected on.
    const computers = run.evidence.flatMap((e) => (e.kind === 'settings' ? (e.manifests ?? []).map((m) => m.computer) : []));
    expect(computers).toEqual(['RELAY01']);
  });
});
