// Writes fix packs from the real generator (shared/fixpack) into a folder for the Pester suite: one pack per
// cause, language and relay kind (Exchange or IIS SMTP evidence) for the parser and Windows PowerShell 5.1
// checks, plus named packs the simulated-Windows tests run. Run through jiti by test/ps/run.mjs.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildFixPack, fileBytes } from '../../shared/fixpack/build-fixpack';
import type { FixPackInput } from '../../shared/fixpack/types';
import { LOCALES, type Locale } from '../../shared/i18n/locales';
import type { Evidence } from '../../shared/model/evidence';
import type { FindingReport, Report } from '../../shared/model/report';
import { CAUSE_CASES, INTERMEDIATE, LEAF, ROOT, cause, fixturePath, pfxEvidence, report } from '../unit/shared/fixpack/helpers';
import { buildSwitchOverPack, type SwitchOverInput } from '../../shared/switchover';
import { iisLog as switchIisLog, pfxEvidence as switchPfx, preflightReport, sendConnectorSettings, switchOverInput } from '../unit/shared/switchover/helpers';

/** A connector name as hostile as cmdlet output can make it: quotes, smart quotes, $( ), backticks, $env. */
export const HOSTILE = 'Relay $(Start-Process calc.exe)"; Remove-Item -Recurse C:\\Data; " O\u2019Brien\u2018s \u201Crelay\u201D `$(Remove-Item C:\\Data) $env:USERNAME \'; exit; \'';

const SEND_CONNECTOR = 'Outbound to Office 365';

function exchangeSettings(): Evidence {
  return {
    kind: 'settings',
    id: 'Get-SendConnector.txt',
    source: 'Get-SendConnector.txt',
    format: 'list',
    inboundConnectors: [],
    sendConnectors: [{ ref: 'Get-SendConnector.txt#L1', name: SEND_CONNECTOR, smartHosts: ['contoso-com.mail.protection.outlook.com'] }],
    exchangeCertificates: [],
    acceptedDomains: [],
  } as Evidence;
}

function iisLog(): Evidence {
  return { kind: 'smtpLog', id: 'ex240514.log', source: 'ex240514.log', format: 'iis', sessions: [] } as Evidence;
}

function ndr(): Evidence {
  return {
    kind: 'ndr',
    id: 'ndr.eml',
    source: 'ndr.eml',
    format: 'eml',
    messages: [{ index: 0, reportingMta: 'EX01.contoso.com', recipients: [{ recipient: 'first@fabrikam.example', status: '5.7.64' }], replies: ['550 5.7.64 TenantAttribution; Relay Access Denied'], statusCodes: ['5.7.64'] }],
  } as Evidence;
}

const legacyTlsFinding: FindingReport = {
  id: 'smtp.legacyTls',
  severity: 'high',
  confidence: 'certain',
  params: {},
  evidence: ['SEND20240516-1.log#L12'],
  title: 'TLS 1.0/1.1',
  detail: 'SocketError',
};

interface PackCase {
  readonly name: string;
  readonly input: FixPackInput;
  /** What the simulation needs to know about the pack. */
  readonly meta: Record<string, unknown>;
}

function named(locale: Locale): PackCase[] {
  const withFindings = (r: Report, findings: FindingReport[]): Report => ({ ...r, findings });
  return [
    {
      name: `c1-${locale}`,
      input: { report: report([cause('cause.intermediatesNotSent', ['remediation.importIntermediates'], { thumbprint: LEAF.sha1 })]), evidence: [pfxEvidence(), exchangeSettings()], locale },
      meta: { kind: 'import' },
    },
    {
      // The evidence lacks the intermediate's DER: the import cannot be scripted and must be said so.
      name: `c1-noder-${locale}`,
      input: {
        report: report([cause('cause.intermediatesNotSent', ['remediation.importIntermediates'], { thumbprint: LEAF.sha1 })], [
          { leaf: LEAF.sha1, path: [LEAF.sha1], status: 'incomplete', trustStore: 'mozilla', missingIssuer: INTERMEDIATE.subject },
        ]),
        evidence: [{ ...pfxEvidence(), certificates: [LEAF], privateKeyFor: undefined } as Evidence, exchangeSettings()],
        locale,
      },
      meta: { kind: 'importWithoutDer' },
    },
    {
      name: `send-${locale}`,
      input: {
        report: report([cause('cause.wrongCertificatePresented', ['remediation.fixSendConnectorCertificate'], { sendConnector: SEND_CONNECTOR, thumbprint: LEAF.sha1 })]),
        evidence: [pfxEvidence(), exchangeSettings()],
        locale,
      },
      meta: { kind: 'sendConnector', sendConnector: SEND_CONNECTOR },
    },
    {
      name: `exo-name-${locale}`,
      input: {
        report: report([cause('cause.certificateNameMismatch', ['remediation.fixConnectorName'], { inboundConnector: HOSTILE, expectedName: 'relay.contoso.com' })]),
        evidence: [pfxEvidence()],
        locale,
      },
      meta: { kind: 'exoName', inboundConnector: HOSTILE, expectedName: 'relay.contoso.com' },
    },
    {
      name: `exo-ips-${locale}`,
      input: {
        report: report([cause('cause.senderIpChanged', ['remediation.updateSenderIp'], { inboundConnector: 'On-prem relay', senderIp: '198.51.100.25', listedIps: ['203.0.113.7'] })]),
        evidence: [pfxEvidence()],
        locale,
      },
      meta: { kind: 'exoIps', inboundConnector: 'On-prem relay', ips: ['203.0.113.7', '198.51.100.25'] },
    },
    {
      name: `notls-iis-${locale}`,
      input: { report: report([cause('cause.noTls', ['remediation.enableTls'])]), evidence: [pfxEvidence(), iisLog()], locale },
      meta: { kind: 'startTlsIis' },
    },
    {
      name: `notls-exchange-${locale}`,
      input: { report: report([cause('cause.noTls', ['remediation.enableTls'], { sendConnector: SEND_CONNECTOR })]), evidence: [pfxEvidence(), exchangeSettings()], locale },
      meta: { kind: 'startTlsExchange', sendConnector: SEND_CONNECTOR },
    },
    {
      name: `legacytls-${locale}`,
      input: {
        report: withFindings(report([cause('cause.noTls', ['remediation.enableTls'], { sendConnector: SEND_CONNECTOR })]), [legacyTlsFinding]),
        evidence: [pfxEvidence(), exchangeSettings()],
        locale,
      },
      meta: { kind: 'tls12', sendConnector: SEND_CONNECTOR },
    },
    {
      name: `ndr-${locale}`,
      input: { report: { ...report([]), chains: [], inputs: [{ file: 'ndr.eml', kind: 'ndr', status: 'ok', items: 1 }] }, evidence: [ndr()], locale },
      meta: { kind: 'ndr', server: 'EX01.contoso.com' },
    },
  ];
}

function matrix(): PackCase[] {
  const out: PackCase[] = [];
  for (const [i, c] of CAUSE_CASES.entries()) {
    for (const locale of LOCALES) {
      for (const relay of ['exchange', 'iis'] as const) {
        out.push({
          name: `matrix-${i}-${c.id.replace(/^cause\./, '')}-${relay}-${locale}`,
          input: { report: report([cause(c.id, c.remediation, c.params)]), evidence: [pfxEvidence(), relay === 'exchange' ? exchangeSettings() : iisLog()], locale },
          meta: { kind: 'matrix', cause: c.id, relay },
        });
      }
    }
  }
  return out;
}

/** A PFX file name as hostile as a file name can be and still be written into a script. */
export const HOSTILE_PFX = "new $(Start-Process calc.exe) O'Brien.pfx";

interface SwitchCase {
  readonly name: string;
  readonly input: SwitchOverInput;
  readonly meta: Record<string, unknown>;
}

/** Switch-over packs (shared/switchover) the SwitchOver suite runs, and every language of both relays for the parser. */
function switchCases(): SwitchCase[] {
  const out: SwitchCase[] = [];
  for (const locale of LOCALES) {
    out.push({ name: `switch-exchange-${locale}`, input: switchOverInput(locale), meta: { kind: 'switchExchange', sendConnector: 'Outbound to Office 365' } });
    out.push({ name: `switch-iis-${locale}`, input: switchOverInput(locale, [switchPfx(), switchIisLog()]), meta: { kind: 'switchIis' } });
  }
  out.push({
    name: 'switch-exchange-two-servers',
    input: switchOverInput('en', [switchPfx(), sendConnectorSettings('Outbound to Office 365', ['EX01', 'EX02'])]),
    meta: { kind: 'switchExchange', sendConnector: 'Outbound to Office 365', servers: ['EX01', 'EX02'] },
  });
  out.push({
    name: 'switch-exchange-hostile',
    input: switchOverInput('en', [{ ...switchPfx(), source: HOSTILE_PFX }, sendConnectorSettings(HOSTILE)], {
      preflight: { ...preflightReport(), certificate: { ...preflightReport().certificate, file: HOSTILE_PFX } },
    }),
    meta: { kind: 'switchExchange', sendConnector: HOSTILE, pfxFile: HOSTILE_PFX },
  });
  out.push({
    name: 'switch-exchange-willbreak',
    input: switchOverInput('en', undefined, { preflight: preflightReport({ verdict: 'willBreak', failed: ['preflight.eku'] }) }),
    meta: { kind: 'switchExchange', sendConnector: 'Outbound to Office 365' },
  });
  return out;
}

async function writeSwitchPacks(root: string, manifest: Record<string, unknown>[]): Promise<number> {
  const cases = switchCases();
  for (const c of cases) {
    const r = buildSwitchOverPack(c.input);
    if (!r.ok) throw new Error(`${c.name}: ${r.error.code}`);
    const dir = join(root, c.name);
    mkdirSync(dir, { recursive: true });
    for (const f of r.value.files) writeFileSync(join(dir, f.name), fileBytes(f));
    manifest.push({ name: c.name, dir, locale: c.input.locale, files: r.value.files.map((f) => f.name), leaf: LEAF.sha1, intermediate: INTERMEDIATE.sha1, root: ROOT.sha1, omitted: r.value.plan.omitted, pfxFile: 'server.pfx', ...c.meta });
  }
  return cases.length;
}

export async function generatePacks(root: string): Promise<number> {
  mkdirSync(join(root, 'certs'), { recursive: true });
  for (const [file, c] of [['leaf.cer', LEAF], ['intermediate.cer', INTERMEDIATE], ['root.cer', ROOT]] as const) {
    writeFileSync(join(root, 'certs', file), Buffer.from(c.derBase64, 'base64'));
  }
  const cases = [...LOCALES.flatMap(named), ...matrix()];
  const manifest: Record<string, unknown>[] = [];
  for (const c of cases) {
    const r = await buildFixPack(c.input);
    if (!r.ok) throw new Error(`${c.name}: ${r.error.code}`);
    const dir = join(root, c.name);
    mkdirSync(dir, { recursive: true });
    for (const f of r.value.files) writeFileSync(join(dir, f.name), fileBytes(f));
    manifest.push({
      name: c.name,
      dir,
      locale: c.input.locale,
      files: r.value.files.map((f) => f.name),
      leaf: LEAF.sha1,
      intermediate: INTERMEDIATE.sha1,
      root: ROOT.sha1,
      omitted: r.value.plan.omitted,
      ...c.meta,
    });
  }
  const switchCount = await writeSwitchPacks(root, manifest);
  // The PFX the switch-over scripts import (test/fixtures/fixpack/README.md: its password is Tajn3-Heslo!).
  writeFileSync(join(root, 'certs', 'server.pfx'), readFileSync(fixturePath('server.pfx')));
  writeFileSync(join(root, 'manifest.json'), JSON.stringify({ packs: manifest, certs: { leaf: LEAF.sha1, intermediate: INTERMEDIATE.sha1, root: ROOT.sha1 }, hostile: HOSTILE, hostilePfx: HOSTILE_PFX }, null, 2));
  return cases.length + switchCount;
}
