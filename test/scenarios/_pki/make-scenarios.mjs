// Writes every scenario folder of test/scenarios from the committed PKI (pki.json, certs/, keys/) and the
// writers in lib.mjs. Run by hand after changing a scenario: `node test/scenarios/_pki/make-scenarios.mjs`,
// then commit the folders. The suite only reads what this wrote; it never runs it.
// Expectations are an Exchange support engineer's reading of domain.md §1.3, §10 and §11, not the code's.
import { mkdirSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import forge from 'node-forge';
import {
  PKI, pem, der, key, R_5764, R_ATTR36, R_ATTR35, exSession, exSendLog, iisSession, iisLog, capi2Event30, savedEvents,
  wevtutilEvents, exchangeEvent, ndrEml, pastedNdr, inboundConnectors, certConnector, ipConnector, sendConnector,
  exchangeCertificates, acceptedDomains,
} from './lib.mjs';

const README_HEAD = `# Scenario suite (issue 17 item 10)

Each folder is one support case: the evidence files exactly as an admin drops them (certificates, CAPI2 and
Exchange events as Event Viewer XML, SmtpSend and IIS SMTP logs, NDRs, cmdlet output as Format-List text) and
\`expected.json\`, the verdict an Exchange support engineer would give by domain.md §1.3, §10 and §11, written
without looking at \`shared/diagnosis\`. \`scenarios.test.ts\` runs the real CLI in-process for each folder:

\`\`\`
relay-doctor analyze <every entry but _args and expected.json> --json --at <at> --trust _args/<root>
                     [--expect-name …] [--password …] [--probe 127.0.0.1:<port>]
\`\`\`

and checks that every evidence file was read (status ok, items > 0), then \`verdict.status\`, \`verdict.cause\`,
\`verdict.confidence\`, that no \`mustNot\` cause is in \`causes\`, the exit status, and the optional fields below.
Probe scenarios start a real STARTTLS server (smtp-server) on 127.0.0.1 presenting \`_args/probe-*.pem\`.

## expected.json

| field | meaning |
|---|---|
| \`description\` | why, as a support engineer would say it (also the test name) |
| \`args.at\` | \`--at\`; every scenario pins 2026-11-20T10:00:00Z, the day of its logs |
| \`args.trust\` | files in \`_args/\` passed with \`--trust\` (the private root, standing for a Microsoft-trusted public root) |
| \`args.expectName\` / \`args.password\` | \`--expect-name\` / \`--password\` |
| \`args.probe\` | \`{ chain: [pem files in _args, leaf first], key }\`: what the loopback server presents; adds \`--probe\` |
| \`status\` | \`cause\`, \`healthy\` or \`insufficientEvidence\` |
| \`lead\`, \`confidence\` | \`verdict.cause\` and \`verdict.confidence\` (both null unless status is \`cause\`) |
| \`mustNot\` | cause ids that must not appear anywhere in \`causes\` |
| \`exit\` | exit status (findings.md: 0 healthy, 1 a cause or a symptom without a cause) |
| \`nextAction\` (optional) | \`verdict.next.action\`: \`fix\`, \`collect\` or \`none\` |
| \`nextServer\` (optional) | host name of \`verdict.next.server\` (EX02 matches EX02.contoso.com) |
| \`notCertain\` (optional) | causes that may be listed but never as \`certain\` |
| \`mustInclude\` (optional) | causes that must be listed (as alternatives) |
| \`rejectedOk\` (optional) | evidence files damaged on purpose, allowed to be rejected |

## Adding a scenario

Scenarios are written by \`_pki/make-scenarios.mjs\` (one \`add(name, expected, files, args)\` call each) with the
writers of \`_pki/lib.mjs\` (SmtpSend sessions, IIS W3C sessions, CAPI2 event 30, Exchange events, NDR .eml and
pasted text, Get-InboundConnector / Get-SendConnector / Get-ExchangeCertificate / Get-AcceptedDomain output).
Add a call, run \`node test/scenarios/_pki/make-scenarios.mjs\` (it rewrites every folder and this README),
then \`npx vitest run test/scenarios\`, and commit the folders. A hand-made folder works too: evidence files,
\`_args/\` and \`expected.json\` (but the generator deletes folders it does not know: add it there).

The certificates come from \`_pki/make-pki.mjs\`, run ONCE (its keys are random; rerunning it changes every
thumbprint and needs make-scenarios.mjs afterwards). Names: Relay Doctor Test Root R1 → TLS RSA CA G1 / G2;
leaves mail.contoso.com (G1 2025–2027; G2 renewal 2026–2027 with and without clientAuth; expired 2024–2026),
smtp.contoso.com, relay.contoso.com, relay01.hosts.contoso.com, mail.fabrikam.com, intranet.contoso.com, the
self-signed CN=EX01, and an AD CS chain (Contoso Enterprise Root CA → Contoso Issuing CA 01 → mail.contoso.com)
that is never trusted. \`_pki/pki.json\` lists thumbprints, serials and names.

\`kb3212877-article-case\` and \`kb-sample-event-and-ndr\` carry the CAPI2 event 30 published in Microsoft's KB 3212877
(learn.microsoft.com, CC BY 4.0), values as published: it is the piece of evidence the issue is about.

## Scenarios

`;
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const AT = '2026-11-20T10:00:00Z';
const DAY = '2026-11-20T';

const C = {
  C1: 'cause.intermediatesNotSent', C2: 'cause.certificateNameMismatch', C3: 'cause.senderIpChanged',
  C4: 'cause.certificateDomainNotAccepted', C5: 'cause.envelopeSenderNotAccepted', C6: 'cause.wrongCertificatePresented',
  C7: 'cause.noMatchingConnector', C8: 'cause.noTls', C9: 'cause.sharedAttribution', C10: 'cause.certificateInvalid',
  EKU: 'cause.clientAuthEkuMissing', C12: 'cause.wrongSmartHost',
};
const all = (...except) => Object.values(C).filter((c) => !except.includes(c));

/** The KB 3212877 article's own sample event 30 (2016, CORP-SMTP1.ServerName.com, *.ServerName.com), values as published. */
const KB_EVENT = capi2Event30({ computer: 'CORP-SMTP1.ServerName.com', time: '2016-12-01T03:09:55.456180600Z', record: 3156, thumbprint: 'EC53EBC94A796C42E5B4E5851F961874F013D94C', subjectName: '*.ServerName.com', pid: 544 });
const ev30 = (computer, time, cert, record = 4711) => capi2Event30({ computer, time: `${DAY}${time}`, record, thumbprint: PKI[cert].thumbprint, subjectName: PKI[cert].cn });
const p7b = (names) => {
  const p7 = forge.pkcs7.createSignedData();
  for (const n of names) p7.addCertificate(forge.pki.certificateFromPem(pem(n)));
  return Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), 'binary');
};
const bundle = (names) => names.map((n) => pem(n)).join('');
let sidN = 0x4a10;
const sid = () => `08DEC7A1B2C3${(sidN += 0x13).toString(16).toUpperCase().padStart(4, '0')}`;
const ex = (o) => exSession({ sid: sid(), ...o, at: `${DAY}${o.at}` });
const iis = (o) => iisSession({ ...o, at: `${DAY}${o.at}` });
const sendLog = (...sessions) => exSendLog(sessions);
// `at` is the time of day; it must not be overridden by the raw option (that wrote 'undefined, NaN' dates).
const ndr = (o = {}) => ndrEml({ ...o, at: `${DAY}${o.at ?? '08:12:04'}` });
const IN_CERT = inboundConnectors([certConnector()]);
const ACCEPTED = acceptedDomains();

const scenarios = [];
const add = (name, expected, files, args = {}) => scenarios.push({ name, expected, files, args });
const cause = (lead, confidence, mustNot = [], extra = {}) => ({ status: 'cause', lead, confidence, mustNot, exit: 1, ...extra });

// ───────────── C1 intermediates not sent (KB 3212877) ─────────────
add('kb3212877-article-case', {
  description: 'The KB 3212877 case as an admin assembles it: leaf and intermediate exported, the article\'s own 2016 event 30 (CORP-SMTP1, *.ServerName.com), a send log whose matching certificate still gets 5.7.64, the NDR and the HCW connector. The 2016 event is history about another server and certificate, so it cannot make C1 certain; what is left points at C1, likely, one cause.',
  ...cause(C.C1, 'likely', [C.C2, C.C3, C.C4, C.C5, C.C7, C.C8, C.C10, C.C12]),
}, {
  'mail.contoso.com.cer': der('contoso-g1'), 'intermediate.cer': der('ca-g1'), 'CAPI2-event30-from-KB.xml': savedEvents([KB_EVENT]),
  'SEND20261120-1.log': sendLog(ex({ at: '08:12:01.102', cert: 'contoso-g1' })), 'Undeliverable Nightly backup report.eml': ndr(),
  'Get-InboundConnector.txt': IN_CERT,
});
add('kb3212877-capi2-on-sending-server', {
  description: 'Event 30 from lsass on EX01 with 800B0109 for the very certificate the send log shows going out, seconds before EOP answers 5.7.64 in that session: KB 3212877 exactly, certain, fix on EX01.',
  ...cause(C.C1, 'certain', [C.C2, C.C3, C.C4, C.C5, C.C7, C.C8, C.C10, C.C12, C.EKU], { nextAction: 'fix', nextServer: 'EX01' }),
}, {
  'mail.contoso.com.cer': der('contoso-g1'), 'CAPI2-EX01.xml': savedEvents([ev30('EX01.contoso.com', '08:12:01.3990000Z', 'contoso-g1')]),
  'SEND20261120-1.log': sendLog(ex({ at: '08:12:01.102', cert: 'contoso-g1' })), 'Undeliverable Nightly backup report.eml': ndr(),
  'Get-InboundConnector.txt': IN_CERT, 'Get-AcceptedDomain.txt': ACCEPTED,
});
add('probe-leaf-alone-with-intermediate-file', {
  description: 'The probe captures the leaf alone; the admin also dropped the intermediate as a file. Having the intermediate is not sending it (§11.3): C1 likely from the wire alone, never "no cause".',
  ...cause(C.C1, 'likely', [C.C2, C.C10, C.C12]),
}, { 'intermediate.cer': der('ca-g1') }, { probe: { chain: ['contoso-g1'] } });
add('probe-leaf-alone-and-5764-same-certificate', {
  description: 'Probe shows only the leaf, and the send log shows that same certificate (thumbprint) going to EOP and refused with 5.7.64; the exported files hold the intermediate. C1 certain.',
  ...cause(C.C1, 'certain', [C.C2, C.C3, C.C7, C.C8, C.C10, C.C12]),
}, {
  'mail.contoso.com.cer': der('contoso-g1'), 'intermediate.cer': der('ca-g1'),
  'SEND20261120-1.log': sendLog(ex({ at: '09:41:10.020', cert: 'contoso-g1' })), 'Get-InboundConnector.txt': IN_CERT,
}, { probe: { chain: ['contoso-g1'] } });
add('probe-only-leaf-alone', {
  description: '`relay-doctor analyze --probe` with no files: the server presents only its leaf. C1 likely on the wire evidence alone.',
  ...cause(C.C1, 'likely', [C.C2, C.C10]),
}, {}, { probe: { chain: ['contoso-g1'] } });
add('probe-only-full-chain-healthy', {
  description: 'The probe captures leaf and intermediate to a trusted root, names fine, nothing else dropped: nothing is wrong with what the server sends.',
  status: 'healthy', lead: null, confidence: null, mustNot: all(), exit: 0, nextAction: 'none',
}, {}, { probe: { chain: ['contoso-g1', 'ca-g1'] } });
add('leaf-only-cer-and-ndr', {
  description: 'A leaf-only .cer, the NDR and the certificate connector. The file is what the admin has, not what Schannel sends: C1 at most possible until CAPI2 or a probe from EX01 shows the wire.',
  ...cause(C.C1, 'possible', [C.C2, C.C3, C.C7, C.C10, C.C12]),
}, { 'mail.contoso.com.cer': der('contoso-g1'), 'Undeliverable Nightly backup report.eml': ndr(), 'Get-InboundConnector.txt': IN_CERT });
add('two-servers-ex02-lacks-intermediate', {
  description: 'EX01 and EX02 both send with the same certificate; EX01 is accepted, EX02 is refused 5.7.64 and logs event 30 800B0109 for that certificate. C1 certain on EX02 only; EX01\'s accepted sessions come from another server and do not weigh against it.',
  ...cause(C.C1, 'certain', [C.C2, C.C3, C.C4, C.C7, C.C8, C.C10, C.C12], { nextAction: 'fix', nextServer: 'EX02' }),
}, {
  'EX01/SmtpSend/SEND20261120-1.log': sendLog(ex({ at: '08:02:11.500', cert: 'contoso-g1', reply: '250 2.1.5 Recipient OK' }), ex({ at: '08:31:40.010', cert: 'contoso-g1', reply: '250 2.1.5 Recipient OK', from: 'hr@contoso.com' })),
  'EX02/SmtpSend/SEND20261120-1.log': sendLog(ex({ at: '08:05:19.210', cert: 'contoso-g1', local: '10.0.0.26', reply: R_5764 }), ex({ at: '08:35:02.700', cert: 'contoso-g1', local: '10.0.0.26' })),
  'EX02/CAPI2-Operational.xml': savedEvents([ev30('EX02.contoso.com', '08:05:19.6000000Z', 'contoso-g1', 9120), ev30('EX02.contoso.com', '08:35:03.1000000Z', 'contoso-g1', 9188)]),
  'EX02/Undeliverable Payroll export.eml': ndr({ server: 'EX02.contoso.com', at: '08:05:21', subject: 'Payroll export' }),
  'mail.contoso.com-chain.p7b': p7b(['contoso-g1', 'ca-g1']), 'Get-InboundConnector.txt': IN_CERT,
  'Get-SendConnector.txt': sendConnector({ cert: 'contoso-g1', servers: ['EX01', 'EX02'] }),
});
add('two-servers-send-logs-only', {
  description: 'Same certificate from EX01 (accepted) and EX02 (5.7.64), no events. Name, domain and validity are proven fine by EX01\'s sessions; what differs is EX02\'s local stores: C1 likely on EX02.',
  ...cause(C.C1, 'likely', [C.C2, C.C3, C.C4, C.C7, C.C8, C.C10, C.C12], { nextServer: 'EX02' }),
}, {
  'EX01/SEND20261120-1.log': sendLog(ex({ at: '08:02:11.500', cert: 'contoso-g1', reply: '250 2.1.5 Recipient OK' })),
  'EX02/SEND20261120-1.log': sendLog(ex({ at: '08:05:19.210', cert: 'contoso-g1', local: '10.0.0.26' })),
  'Get-InboundConnector.txt': IN_CERT, 'Get-SendConnector.txt': sendConnector({ cert: 'contoso-g1', servers: ['EX01', 'EX02'] }),
});
add('capi2-event-for-another-certificate', {
  description: 'EX01\'s CAPI2 log has an 800B0109, but for *.fabrikam.com (another certificate, a proxy on the same box); the refused sessions send mail.contoso.com. The event is no proof for this chain, so C1 stays likely, not certain.',
  ...cause(C.C1, 'likely', [C.C2, C.C3, C.C7, C.C8, C.C10, C.C12]),
}, {
  'mail.contoso.com.cer': der('contoso-g1'), 'intermediate.cer': der('ca-g1'),
  'CAPI2-EX01.xml': savedEvents([capi2Event30({ computer: 'EX01.contoso.com', time: `${DAY}08:11:57.2000000Z`, record: 5120, thumbprint: '5D2E8C71A04F93B6C1E7D8F2A3B4C5D6E7F80912', subjectName: '*.fabrikam.com' })]),
  'SEND20261120-1.log': sendLog(ex({ at: '08:12:01.102', cert: 'contoso-g1' })), 'Get-InboundConnector.txt': IN_CERT,
});
add('old-capi2-event-2024-mail-flows', {
  description: 'A CAPI2 800B0109 from March 2024 for the previous certificate, and today\'s send log where the current certificate is accepted (250 Queued). Old history, and a leaf-only .cer proves nothing about the wire: healthy.',
  status: 'healthy', lead: null, confidence: null, mustNot: all(), exit: 0, nextAction: 'none',
}, {
  'mail.contoso.com.cer': der('contoso-g1'),
  'CAPI2-EX01-2024.xml': savedEvents([capi2Event30({ computer: 'EX01.contoso.com', time: '2024-03-12T07:44:10.1200000Z', record: 1204, thumbprint: '3F1A6B2C9D8E7F60514233A4B5C6D7E8F9012345', subjectName: 'mail.contoso.com' })]),
  'SEND20261120-1.log': sendLog(ex({ at: '08:12:01.102', cert: 'contoso-g1', reply: '250 2.1.5 Recipient OK' }), ex({ at: '09:02:44.300', cert: 'contoso-g1', reply: '250 2.1.5 Recipient OK', from: 'it@contoso.com' })),
  'Get-InboundConnector.txt': IN_CERT,
});
add('renewal-new-issuer-old-intermediate-only', {
  description: 'Renewal moved to issuer G2; the admin still has only the old G1 intermediate. EX01 logs 800B0109 for the new certificate and EOP refuses it: C1 certain (the G1 file is unrelated to this chain, not a name problem).',
  ...cause(C.C1, 'certain', [C.C2, C.C3, C.C4, C.C7, C.C8, C.C10, C.C12], { nextServer: 'EX01' }),
}, {
  'mail.contoso.com-2026.cer': der('contoso-g2'), 'intermediate-G1.cer': der('ca-g1'),
  'CAPI2-EX01.xml': savedEvents([ev30('EX01.contoso.com', '09:15:02.5000000Z', 'contoso-g2')]),
  'SEND20261120-1.log': sendLog(ex({ at: '09:15:02.100', cert: 'contoso-g2' })), 'Get-InboundConnector.txt': IN_CERT, 'Get-AcceptedDomain.txt': ACCEPTED,
});
add('pfx-holds-chain-server-does-not-send', {
  description: 'The exported .pfx holds leaf and intermediate (what the admin has); EX01\'s event 30 and the refused session show what Schannel sends. C1 certain: the intermediate is not in LocalMachine\\CA.',
  ...cause(C.C1, 'certain', [C.C2, C.C3, C.C7, C.C8, C.C10, C.C12]),
}, {
  'mail.contoso.com.pfx': 'PFX', 'CAPI2-EX01.xml': savedEvents([ev30('EX01.contoso.com', '08:12:01.3990000Z', 'contoso-g1')]),
  'SEND20261120-1.log': sendLog(ex({ at: '08:12:01.102', cert: 'contoso-g1' })), 'Get-InboundConnector.txt': IN_CERT,
}, { password: 'Contoso!2026' });
add('edge-server-lacks-intermediate', {
  description: 'Edge topology: EDGE01 talks to EOP, logs 800B0109 for the certificate it sends and gets 5.7.64; the NDR is generated on EDGE01. C1 certain, act on EDGE01 (not the Mailbox server).',
  ...cause(C.C1, 'certain', [C.C2, C.C3, C.C7, C.C8, C.C10, C.C12], { nextServer: 'EDGE01' }),
}, {
  'EDGE01/SEND20261120-1.log': sendLog(ex({ at: '07:55:30.000', cert: 'contoso-g1', local: '10.0.0.40', connector: 'EdgeSync - Default-First-Site-Name to Internet', server: 'EDGE01' })),
  'EDGE01/CAPI2.xml': savedEvents([ev30('EDGE01.contoso.com', '07:55:30.4100000Z', 'contoso-g1', 23001)]),
  'Undeliverable Quarterly figures.eml': ndr({ server: 'EDGE01.contoso.com', at: '07:55:33', subject: 'Quarterly figures' }),
  'mail.contoso.com.cer': der('contoso-g1'), 'intermediate.cer': der('ca-g1'), 'Get-InboundConnector.txt': IN_CERT,
});
add('iis-relay-kb3212877-wevtutil', {
  description: 'IIS SMTP relay RELAY01 with a certificate connector: STARTTLS, then 5.7.64; `wevtutil qe` output from RELAY01 shows 800B0109 for relay.contoso.com at that second. KB 3212877 covers IIS too: C1 certain.',
  ...cause(C.C1, 'certain', [C.C2, C.C3, C.C5, C.C7, C.C8, C.C10, C.C12], { nextServer: 'RELAY01' }),
}, {
  'relay.contoso.com.cer': der('relay-contoso'), 'intermediate.cer': der('ca-g1'),
  'capi2-relay01.xml': wevtutilEvents([ev30('RELAY01.contoso.com', '08:20:12.0400000Z', 'relay-contoso', 771)]),
  'SMTPSVC1/ex261120.log': iisLog([iis({ at: '08:20:11' })]), 'Get-InboundConnector.txt': inboundConnectors([certConnector('relay.contoso.com', { source: 'Default' })]),
});

// ───────────── C2 certificate name mismatch ─────────────
const renamed = {
  'smtp.contoso.com-chain.pem': bundle(['smtp-contoso', 'ca-g2']),
  'SEND20261120-1.log': sendLog(ex({ at: '08:44:09.310', cert: 'smtp-contoso', ehlo: 'smtp.contoso.com' }), ex({ at: '09:14:09.310', cert: 'smtp-contoso', ehlo: 'smtp.contoso.com', from: 'hr@contoso.com' })),
  'Get-InboundConnector.txt': IN_CERT, 'Get-AcceptedDomain.txt': ACCEPTED,
};
add('renewal-renamed-connector-stale', {
  description: 'The renewed certificate is smtp.contoso.com; the send log shows it going out and refused, the HCW connector still expects mail.contoso.com. C2 certain: rerun HCW or fix TlsSenderCertificateName.',
  ...cause(C.C2, 'certain', [C.C1, C.C3, C.C4, C.C5, C.C8, C.C10, C.C12], { nextAction: 'fix' }),
}, renamed);
add('name-mismatch-file-and-expect-name', {
  description: 'Only the exported certificate (smtp.contoso.com), its intermediate, the NDR and the connector name given with --expect-name mail.contoso.com. The file is probably what is sent, but no log proves it: C2 likely.',
  ...cause(C.C2, 'likely', [C.C1, C.C3, C.C8, C.C10, C.C12]),
}, { 'smtp.contoso.com.cer': der('smtp-contoso'), 'intermediate-G2.cer': der('ca-g2'), 'Undeliverable Nightly backup report.eml': ndr() }, { expectName: 'mail.contoso.com' });
add('wildcard-connector-healthy', {
  description: 'Connector *.contoso.com, certificate mail.contoso.com with its chain, sessions accepted: the wildcard covers the name; healthy.',
  status: 'healthy', lead: null, confidence: null, mustNot: all(), exit: 0, nextAction: 'none',
}, {
  'mail.contoso.com-chain.pem': bundle(['contoso-g1', 'ca-g1']), 'SEND20261120-1.log': sendLog(ex({ at: '08:12:01.102', cert: 'contoso-g1', reply: '250 2.1.5 Recipient OK' })),
  'Get-InboundConnector.txt': inboundConnectors([certConnector('*.contoso.com')]), 'Get-AcceptedDomain.txt': ACCEPTED,
});
add('bundle-with-unrelated-certificate-healthy', {
  description: 'A PEM bundle with mail.contoso.com, its intermediate and an unrelated mail.fabrikam.com; the connector and the log point at mail.contoso.com, which is accepted. The fabrikam certificate is unrelated (info), not a name mismatch: healthy.',
  status: 'healthy', lead: null, confidence: null, mustNot: all(), exit: 0,
}, {
  'exported-certificates.pem': bundle(['contoso-g1', 'ca-g1', 'fabrikam']), 'SEND20261120-1.log': sendLog(ex({ at: '08:12:01.102', cert: 'contoso-g1', reply: '250 2.1.5 Recipient OK' })),
  'Get-InboundConnector.txt': IN_CERT,
});
add('damaged-backup-cer-beside-name-mismatch', {
  description: 'The renamed-certificate case with a truncated old-backup.cer dropped alongside: the damaged file is reported and the diagnosis (C2 certain) is unchanged.',
  ...cause(C.C2, 'certain', [C.C1, C.C3, C.C4, C.C8, C.C10, C.C12]), rejectedOk: ['old-backup.cer'],
}, { ...renamed, 'old-backup.cer': der('contoso-expired').subarray(0, 300) });

// ───────────── C3 sender IP changed ─────────────
add('ip-connector-new-egress-ip', {
  description: 'IP-based connector lists 203.0.113.20; EOP\'s EHLO reply in RELAY01\'s log greets [198.51.100.77] (new ISP) and refuses with 5.7.64, sender scanner@contoso.com accepted. C3 certain: add the new IP.',
  ...cause(C.C3, 'certain', [C.C1, C.C2, C.C4, C.C5, C.C8, C.C10, C.C12], { nextAction: 'fix' }),
}, {
  'ex261120.log': iisLog([iis({ at: '08:20:11', hello: '198.51.100.77', starttls: false }), iis({ at: '08:50:40', hello: '198.51.100.77', starttls: false })]),
  'Get-InboundConnector.txt': inboundConnectors([ipConnector(['203.0.113.20'])]), 'Get-AcceptedDomain.txt': ACCEPTED,
});
add('ip-connector-ndr-sender-accepted', {
  description: 'Only an IP-based connector (203.0.113.10) and an NDR whose P1 sender is alerts@contoso.com (accepted). The OR rule is satisfied by the sender, so attribution by IP failed: C3 likely until a log shows the source address.',
  ...cause(C.C3, 'likely', [C.C1, C.C2, C.C4, C.C5, C.C10, C.C12]),
}, {
  'Undeliverable Nightly backup report.eml': ndr(), 'Get-InboundConnector.txt': inboundConnectors([ipConnector(['203.0.113.10'], { name: 'EX01 by IP' })]),
  'Get-AcceptedDomain.txt': ACCEPTED,
});

// ───────────── C4 certificate domain not accepted (ATTR36) ─────────────
const hostsConn = inboundConnectors([certConnector('*.contoso.com')]);
add('attr36-null-sender-subdomain-certificate', {
  description: 'Certificate relay01.hosts.contoso.com (hosts.contoso.com is not an accepted domain), connector *.contoso.com; a null-sender DSN is refused with ATTR36. Neither the certificate domain nor the P1 sender is accepted: C4 certain, add hosts.contoso.com.',
  ...cause(C.C4, 'certain', [C.C1, C.C2, C.C3, C.C7, C.C8, C.C10, C.C12]),
}, {
  'relay01.hosts.contoso.com-chain.pem': bundle(['hosts-contoso', 'ca-g1']),
  'SEND20261120-1.log': sendLog(ex({ at: '08:30:00.000', cert: 'hosts-contoso', ehlo: 'relay01.hosts.contoso.com', from: '', reply: R_ATTR36 })),
  'Get-InboundConnector.txt': hostsConn, 'Get-AcceptedDomain.txt': ACCEPTED,
});
add('attr36-but-p1-sender-accepted', {
  description: 'Same ATTR36 reply, but for a message from helpdesk@contoso.com with contoso.com accepted. By the OR rule the certificate domain alone cannot refuse it, so this is not C4; the evidence does not explain it (message trace needed).',
  status: 'insufficientEvidence', lead: null, confidence: null, mustNot: [C.C4, C.C1, C.C2, C.C3, C.C10, C.C12], exit: 1, nextAction: 'collect',
}, {
  'relay01.hosts.contoso.com-chain.pem': bundle(['hosts-contoso', 'ca-g1']),
  'SEND20261120-1.log': sendLog(ex({ at: '08:30:00.000', cert: 'hosts-contoso', ehlo: 'relay01.hosts.contoso.com', from: 'helpdesk@contoso.com', reply: R_ATTR36 })),
  'Get-InboundConnector.txt': hostsConn, 'Get-AcceptedDomain.txt': ACCEPTED,
});
add('attr36-pasted-ndr-certificate-file', {
  description: 'A pasted ATTR36 NDR, the exported certificate relay01.hosts.contoso.com and Get-AcceptedDomain without hosts.contoso.com. EOP names the cause itself (ATTR36: the certificate domain is not accepted, and the refusal means the P1 domain was not either) and the settings confirm it: C4 certain.',
  ...cause(C.C4, 'certain', [C.C1, C.C2, C.C3, C.C8, C.C10, C.C12]),
}, { 'ndr.txt': pastedNdr({ server: 'EX01.contoso.com', reply: R_ATTR36 }), 'relay01.hosts.contoso.com.cer': der('hosts-contoso'), 'intermediate.cer': der('ca-g1'), 'Get-AcceptedDomain.txt': ACCEPTED });

// ───────────── C5 envelope sender not accepted ─────────────
const ipConn = inboundConnectors([ipConnector(['203.0.113.20'])]);
add('ip-connector-saas-envelope-sender', {
  description: 'RELAY01 by IP: from the listed address scanner@contoso.com is queued, noreply@billing-saas.example is refused 5.7.64. Attribution works; the P1 domain is not accepted and no certificate is presented: C5 certain.',
  ...cause(C.C5, 'certain', [C.C1, C.C2, C.C3, C.C4, C.C7, C.C10, C.C12]),
}, {
  'ex261120.log': iisLog([iis({ at: '08:10:02', starttls: false, reply: '250 2.1.5 Recipient OK' }), iis({ at: '08:40:51', starttls: false, from: 'noreply@billing-saas.example', inbound: { ip: '10.0.0.71', name: 'APP07' } })]),
  'Get-InboundConnector.txt': ipConn, 'Get-AcceptedDomain.txt': ACCEPTED,
});
add('ip-connector-null-sender-dsn', {
  description: 'RELAY01 by IP: user mail is queued, a relayed delivery report with MAIL FROM:<> is refused 5.7.64 from the same listed address. Null P1 sender, no certificate: C5 certain.',
  ...cause(C.C5, 'certain', [C.C1, C.C2, C.C3, C.C4, C.C7, C.C10, C.C12]),
}, {
  'ex261120.log': iisLog([iis({ at: '07:30:12', starttls: false, reply: '250 2.1.5 Recipient OK' }), iis({ at: '07:58:40', starttls: false, from: '', inbound: { ip: '10.0.0.25', name: 'EX01.contoso.com' } })]),
  'Get-InboundConnector.txt': ipConn, 'Get-AcceptedDomain.txt': ACCEPTED,
});
add('ip-connector-foreign-sender-source-unknown', {
  description: 'A refused message from noreply@billing-saas.example through RELAY01 with an IP connector; the log has no EHLO reply, so the source address EOP saw is unknown. C5 likely (C3 the alternative).',
  ...cause(C.C5, 'likely', [C.C1, C.C2, C.C4, C.C8, C.C10, C.C12]),
}, { 'ex261120.log': iisLog([iis({ at: '08:40:51', starttls: false, showHello: false, from: 'noreply@billing-saas.example' })]), 'Get-InboundConnector.txt': ipConn, 'Get-AcceptedDomain.txt': ACCEPTED });

// ───────────── C6 wrong certificate presented ─────────────
add('renewal-send-connector-points-at-old-certificate', {
  description: 'The renewal (G2) is installed and enabled, but Get-SendConnector\'s TlsCertificateName still names the G1 issuer, and the log shows the old, expired certificate\'s thumbprint going out and refused. C6 certain: repoint TlsCertificateName.',
  ...cause(C.C6, 'certain', [C.C1, C.C2, C.C3, C.C4, C.C5, C.C7, C.C8, C.C12], { nextAction: 'fix' }),
}, {
  'mail.contoso.com-2026.cer': der('contoso-g2'), 'intermediate-G2.cer': der('ca-g2'),
  'Get-SendConnector.txt': sendConnector({ cert: 'contoso-expired' }),
  'Get-ExchangeCertificate.txt': exchangeCertificates([{ cert: 'contoso-expired', friendly: 'mail.contoso.com 2024' }, { cert: 'contoso-g2', friendly: 'mail.contoso.com 2026' }, { cert: 'ex01-selfsigned', services: 'IMAP, POP, SMTP' }]),
  'SEND20261120-1.log': sendLog(ex({ at: '08:12:01.102', cert: 'contoso-expired' })), 'Get-InboundConnector.txt': IN_CERT,
});
add('nocredentials-renewal-without-private-key', {
  description: 'Every session ends in "TLS negotiation failed with error NoCredentials" right after the renewed certificate is chosen, and Get-ExchangeCertificate shows it without a private key (KB 4495258). C6 certain.',
  ...cause(C.C6, 'certain', [C.C1, C.C2, C.C3, C.C4, C.C5, C.C7, C.C12]),
}, {
  'SEND20261120-1.log': sendLog(ex({ at: '08:00:02.001', cert: 'contoso-g2', tlsError: 'NoCredentials' }), ex({ at: '08:10:02.001', cert: 'contoso-g2', tlsError: 'NoCredentials' }), ex({ at: '08:20:02.001', cert: 'contoso-g2', tlsError: 'NoCredentials' })),
  'Get-ExchangeCertificate.txt': exchangeCertificates([{ cert: 'contoso-g2', hasKey: false, services: 'SMTP' }, { cert: 'ex01-selfsigned', services: 'IMAP, POP, SMTP' }]),
  'Get-SendConnector.txt': sendConnector({ cert: 'contoso-g2' }),
});
add('nocredentials-in-one-session-5764-in-another', {
  description: 'A NoCredentials at 07:40 and, two hours later, a session that sends the right certificate and gets 5.7.64. Two facts, not one cause: C6 cannot be certain for the 5.7.64; the refused session looks like KB 3212877 (C1 likely).',
  ...cause(C.C1, 'likely', [C.C2, C.C3, C.C7, C.C10, C.C12]), notCertain: [C.C6],
}, {
  'SEND20261120-1.log': sendLog(ex({ at: '07:40:02.001', tlsError: 'NoCredentials' }), ex({ at: '09:20:11.440', cert: 'contoso-g1' })),
  'mail.contoso.com.cer': der('contoso-g1'), 'intermediate.cer': der('ca-g1'), 'Get-InboundConnector.txt': IN_CERT,
});
add('self-signed-default-certificate-presented', {
  description: 'The public certificate is enabled for IIS only, so Exchange presents its self-signed CN=EX01 default certificate (the log shows it) and EOP refuses. C6 certain: Enable-ExchangeCertificate -Services SMTP and set TlsCertificateName.',
  ...cause(C.C6, 'certain', [C.C1, C.C3, C.C4, C.C5, C.C7, C.C8, C.C12]),
}, {
  'SEND20261120-1.log': sendLog(ex({ at: '08:12:01.102', cert: 'ex01-selfsigned' })),
  'Get-ExchangeCertificate.txt': exchangeCertificates([{ cert: 'contoso-g1', services: 'IIS' }, { cert: 'ex01-selfsigned', services: 'IMAP, POP, SMTP' }]),
  'Get-SendConnector.txt': sendConnector({ tlsCertificateName: '' }), 'Get-InboundConnector.txt': IN_CERT,
  'mail.contoso.com-chain.pem': bundle(['contoso-g1', 'ca-g1']),
});
add('stale-send-connector-config-only', {
  description: 'Get-SendConnector names <I>…CA G1<S>CN=mail.contoso.com, but Get-ExchangeCertificate holds only the G2 renewal; with the NDR and no log the wrong certificate is the likely explanation: C6 likely.',
  ...cause(C.C6, 'likely', [C.C1, C.C3, C.C4, C.C5, C.C8, C.C12]),
}, {
  'Get-SendConnector.txt': sendConnector({ cert: 'contoso-g1' }),
  'Get-ExchangeCertificate.txt': exchangeCertificates([{ cert: 'contoso-g2' }, { cert: 'ex01-selfsigned', services: 'IMAP, POP, SMTP' }]),
  'Undeliverable Nightly backup report.eml': ndr(), 'Get-InboundConnector.txt': IN_CERT,
});

// ───────────── C7 no matching connector ─────────────
add('inbound-connector-disabled', {
  description: 'The HCW certificate connector is Enabled False; the right certificate is sent and refused 5.7.64. C7 certain: Set-InboundConnector -Enabled $true.',
  ...cause(C.C7, 'certain', [C.C1, C.C2, C.C3, C.C4, C.C5, C.C8, C.C10, C.C12]),
}, {
  'SEND20261120-1.log': sendLog(ex({ at: '08:12:01.102', cert: 'contoso-g1' })), 'mail.contoso.com-chain.pem': bundle(['contoso-g1', 'ca-g1']),
  'Get-InboundConnector.txt': inboundConnectors([certConnector('mail.contoso.com', { enabled: false })]),
});
add('inbound-connector-partner-type', {
  description: 'The only connector for mail.contoso.com was created as Partner, which gives no relay rights; the sessions present that certificate and are refused. C7 certain.',
  ...cause(C.C7, 'certain', [C.C1, C.C2, C.C3, C.C4, C.C5, C.C8, C.C10, C.C12]),
}, {
  'SEND20261120-1.log': sendLog(ex({ at: '08:12:01.102', cert: 'contoso-g1' })), 'mail.contoso.com-chain.pem': bundle(['contoso-g1', 'ca-g1']),
  'Get-InboundConnector.txt': inboundConnectors([certConnector('mail.contoso.com', { name: 'From on-premises', type: 'Partner', source: 'Default' })]),
});

// ───────────── C8 no TLS ─────────────
add('iis-no-starttls-certificate-connector', {
  description: 'RELAY01 never issues STARTTLS (Outbound Security TLS not ticked) although the only connector is certificate-based: no certificate can be matched. C8 certain.',
  ...cause(C.C8, 'certain', [C.C1, C.C2, C.C3, C.C4, C.C10, C.C12]),
}, {
  'ex261120.log': iisLog([iis({ at: '08:20:11', starttls: false }), iis({ at: '08:45:30', starttls: false })]),
  'relay.contoso.com-chain.pem': bundle(['relay-contoso', 'ca-g1']), 'Get-InboundConnector.txt': inboundConnectors([certConnector('relay.contoso.com', { source: 'Default' })]),
});
add('exchange-ignorestarttls-certificate-connector', {
  description: 'Get-SendConnector has IgnoreSTARTTLS True; the log shows STARTTLS offered and never used, then 5.7.64, with a certificate connector. C8 certain.',
  ...cause(C.C8, 'certain', [C.C1, C.C2, C.C3, C.C4, C.C10, C.C12]),
}, {
  'SEND20261120-1.log': sendLog(ex({ at: '08:12:01.102', starttls: false })), 'Get-SendConnector.txt': sendConnector({ cert: 'contoso-g1', ignoreStartTls: true }),
  'Get-InboundConnector.txt': IN_CERT,
});
add('exchange-socketerror-legacy-tls', {
  description: 'Every TLS handshake to EOP ends "TLS negotiation failed with error SocketError" (TLS 1.0/1.1-only sender): no TLS, so no certificate reaches EOP. C8 likely (could also be the network).',
  ...cause(C.C8, 'likely', [C.C1, C.C2, C.C3, C.C4, C.C5, C.C7, C.C10, C.C12]),
}, {
  'SEND20261120-1.log': sendLog(ex({ at: '08:00:01.080', tlsError: 'SocketError' }), ex({ at: '08:15:01.080', tlsError: 'SocketError' }), ex({ at: '08:30:01.080', tlsError: 'SocketError' })),
  'Get-InboundConnector.txt': IN_CERT,
});

// ───────────── C10 certificate invalid ─────────────
add('expired-certificate-sent', {
  description: 'The only SMTP certificate expired on 1 June 2026; the log shows it going out and refused, event 12016 says the same, the Send connector names it. C10 certain: renew.',
  ...cause(C.C10, 'certain', [C.C1, C.C2, C.C3, C.C4, C.C5, C.C7, C.C8, C.C12]),
}, {
  'mail.contoso.com.cer': der('contoso-expired'), 'intermediate.cer': der('ca-g1'),
  'SEND20261120-1.log': sendLog(ex({ at: '08:12:01.102', cert: 'contoso-expired' })),
  'Application-EX01.xml': savedEvents([exchangeEvent({ id: 12016, time: `${DAY}06:00:00.0000000Z`, record: 88120, computer: 'EX01.contoso.com', data: [PKI['contoso-expired'].thumbprint, 'mail.contoso.com'] })]),
  'Get-SendConnector.txt': sendConnector({ cert: 'contoso-expired' }),
  'Get-ExchangeCertificate.txt': exchangeCertificates([{ cert: 'contoso-expired' }, { cert: 'ex01-selfsigned', services: 'IMAP, POP, SMTP' }]),
  'Get-InboundConnector.txt': IN_CERT,
});
add('internal-ca-certificate', {
  description: 'The certificate comes from the company\'s AD CS (Contoso Enterprise Root CA); the chain is complete but ends in a root Exchange Online does not trust, and EOP refuses it. C10 certain (not C1: nothing is missing).',
  ...cause(C.C10, 'certain', [C.C1, C.C2, C.C3, C.C4, C.C5, C.C7, C.C8, C.C12]),
}, {
  'mail.contoso.com-adcs.p7b': p7b(['contoso-internal', 'ent-ca', 'ent-root']), 'SEND20261120-1.log': sendLog(ex({ at: '08:12:01.102', cert: 'contoso-internal' })),
  'Get-InboundConnector.txt': IN_CERT,
});
add('expired-certificate-file-and-ndr', {
  description: 'Only the exported (expired) certificate, its intermediate and a 5.7.64 NDR: an expired certificate would be refused, but no log shows it is the one sent. C10 likely.',
  ...cause(C.C10, 'likely', [C.C2, C.C3, C.C5, C.C8, C.C12]),
}, { 'mail.contoso.com.cer': der('contoso-expired'), 'intermediate.cer': der('ca-g1'), 'Undeliverable Nightly backup report.eml': ndr() });

// ───────────── §10 Client Authentication EKU ─────────────
add('serverauth-only-probe-full-chain', {
  description: 'The October 2026 renewal is serverAuth-only; the probe shows the full chain, the name and domain match, yet the session with this certificate gets 5.7.64. The missing Client Authentication EKU is the remaining, undocumented explanation: possible, never more.',
  ...cause(C.EKU, 'possible', [C.C2, C.C3, C.C4, C.C5, C.C7, C.C8, C.C10, C.C12]),
}, {
  'SEND20261120-1.log': sendLog(ex({ at: '08:12:01.102', cert: 'contoso-g2-sa' })), 'Get-InboundConnector.txt': IN_CERT, 'Get-AcceptedDomain.txt': ACCEPTED,
}, { probe: { chain: ['contoso-g2-sa', 'ca-g2'] } });
add('serverauth-only-mail-flows-healthy', {
  description: 'A serverAuth-only leaf, but sessions with it are accepted (250 Queued): the accepted sessions are counter-evidence, nothing is wrong.',
  status: 'healthy', lead: null, confidence: null, mustNot: all(), exit: 0,
}, {
  'mail.contoso.com-chain.pem': bundle(['contoso-g2-sa', 'ca-g2']), 'SEND20261120-1.log': sendLog(ex({ at: '08:12:01.102', cert: 'contoso-g2-sa', reply: '250 2.1.5 Recipient OK' })),
  'Get-InboundConnector.txt': IN_CERT,
});
add('serverauth-only-renewal-leaf-file-5764', {
  description: 'Renewal to a new issuer, serverAuth-only, leaf-only export, and the send log shows it refused. Two open hypotheses, neither proven: the new G2 intermediate not installed (C1) and the missing clientAuth EKU (§10), both possible; C1 leads because it is documented.',
  ...cause(C.C1, 'possible', [C.C2, C.C3, C.C7, C.C8, C.C10, C.C12]), mustInclude: [C.EKU],
}, {
  'mail.contoso.com-2026.cer': der('contoso-g2-sa'), 'SEND20261120-1.log': sendLog(ex({ at: '08:12:01.102', cert: 'contoso-g2-sa' })), 'Get-InboundConnector.txt': IN_CERT,
});

// ───────────── C12 wrong smart host (ATTR35) ─────────────
const attr35 = (smart, remoteIp, extra = {}) => ({
  'SEND20261120-1.log': sendLog(ex({ at: '08:12:01.102', cert: 'contoso-g1', remote: `${remoteIp}:25`, banner: 'BN1NAM02FT021', reply: R_ATTR35 }), ex({ at: '08:27:01.102', cert: 'contoso-g1', remote: `${remoteIp}:25`, banner: 'BN1NAM02FT021', reply: R_ATTR35 })),
  'Get-SendConnector.txt': sendConnector({ cert: 'contoso-g1', smartHosts: [smart] }), ...extra,
});
add('attr35-smarthost-mail-messaging', {
  description: '451 4.4.62 ATTR35 on every session, and the Send connector\'s smart host is the legacy mail.messaging.microsoft.com. C12 certain: use contoso-com.mail.protection.outlook.com.',
  ...cause(C.C12, 'certain', all(C.C12), { nextAction: 'fix' }),
}, attr35('mail.messaging.microsoft.com', '40.107.22.54', { 'Get-InboundConnector.txt': IN_CERT }));
add('attr35-smarthost-frontbridge', {
  description: 'ATTR35 with SmartHosts mail.global.frontbridge.com (the old FOPE target). C12 certain.',
  ...cause(C.C12, 'certain', all(C.C12)),
}, attr35('mail.global.frontbridge.com', '40.107.22.60'));
add('attr35-literal-ip-smarthost', {
  description: 'ATTR35 with a hard-coded Office 365 address as smart host. C12 certain.',
  ...cause(C.C12, 'certain', all(C.C12)),
}, attr35('[40.107.22.54]', '40.107.22.54'));
add('attr35-log-only', {
  description: 'The send log alone shows 451 4.4.62 ATTR35; without the Send connector the target cannot be seen, but ATTR35 means a wrong Office 365 target: C12 likely.',
  ...cause(C.C12, 'likely', all(C.C12)),
}, { 'SEND20261120-1.log': sendLog(ex({ at: '08:12:01.102', cert: 'contoso-g1', remote: '40.107.22.54:25', banner: 'BN1NAM02FT021', reply: R_ATTR35 })) });

// ───────────── Not enough, or contradictory ─────────────
add('ndr-alone-eml', {
  description: 'Only the NDR from EX01. A 5.7.64 is a symptom, not a cause: collect evidence (collect-evidence.ps1) on EX01, exit 1.',
  status: 'insufficientEvidence', lead: null, confidence: null, mustNot: [], exit: 1, nextAction: 'collect', nextServer: 'EX01',
}, { 'Undeliverable Nightly backup report.eml': ndr() });
add('ndr-alone-pasted-text', {
  description: 'Pasted NDR text naming EX02 as generating server, nothing else: insufficient evidence, collect on EX02, exit 1.',
  status: 'insufficientEvidence', lead: null, confidence: null, mustNot: [], exit: 1, nextAction: 'collect', nextServer: 'EX02',
}, { 'pasted-ndr.txt': pastedNdr({ server: 'EX02.contoso.com' }) });
add('capi2-from-another-server-and-ndr', {
  description: 'An 800B0109 from WEB01 for intranet.contoso.com and an NDR generated by EX01: another server, another certificate. Nothing ties them; collect on EX01.',
  status: 'insufficientEvidence', lead: null, confidence: null, mustNot: [C.C2, C.C10], notCertain: [C.C1], exit: 1, nextAction: 'collect', nextServer: 'EX01',
}, {
  'CAPI2-WEB01.xml': savedEvents([ev30('WEB01.contoso.com', '08:03:12.0000000Z', 'intranet-contoso', 601)]), 'Undeliverable Nightly backup report.eml': ndr(),
});
add('kb-sample-event-and-ndr', {
  description: 'The KB\'s 2016 sample event (CORP-SMTP1.ServerName.com, *.ServerName.com) and today\'s NDR from EX01: the event is the article\'s history, not this server\'s. Collect on EX01.',
  status: 'insufficientEvidence', lead: null, confidence: null, mustNot: [C.C2, C.C10], notCertain: [C.C1], exit: 1, nextAction: 'collect', nextServer: 'EX01',
}, { 'CAPI2-event30-from-KB.xml': savedEvents([KB_EVENT]), 'Undeliverable Nightly backup report.eml': ndr() });
add('accepted-and-refused-same-certificate-same-source', {
  description: 'From EX01 (10.0.0.25) with the same certificate and sender domain, session 1 is queued and session 2, ten minutes later, refused 5.7.64. Every certificate cause would have refused session 1 too: counter-evidence, no cause can be claimed; collect (message trace, CAPI2 at the failing time).',
  status: 'insufficientEvidence', lead: null, confidence: null, mustNot: [C.C2, C.C3, C.C4, C.C5, C.C7, C.C8, C.C10, C.C12], notCertain: [C.C1], exit: 1, nextAction: 'collect',
}, {
  'mail.contoso.com.cer': der('contoso-g1'),
  'SEND20261120-1.log': sendLog(ex({ at: '08:10:04.000', cert: 'contoso-g1', reply: '250 2.1.5 Recipient OK' }), ex({ at: '08:20:09.000', cert: 'contoso-g1', from: 'reports@contoso.com' })),
  'Get-InboundConnector.txt': IN_CERT,
});
add('old-ndr-2024-ip-relay-flows', {
  description: 'An NDR from May 2024 and today\'s RELAY01 log where every message from the listed IP is queued: the NDR is history from another year; healthy.',
  status: 'healthy', lead: null, confidence: null, mustNot: all(), exit: 0,
}, {
  'Undeliverable Old report.eml': ndrEml({ at: '2024-05-14T08:12:00Z', server: 'EX01.contoso.com', subject: 'Old report' }),
  'ex261120.log': iisLog([iis({ at: '08:10:02', starttls: false, reply: '250 2.1.5 Recipient OK' }), iis({ at: '09:10:02', starttls: false, reply: '250 2.1.5 Recipient OK' })]),
  'relay.contoso.com.cer': der('relay-contoso'), 'Get-InboundConnector.txt': ipConn, 'Get-AcceptedDomain.txt': ACCEPTED,
});

// ───────────── Healthy setups ─────────────
add('healthy-ip-connector-leaf-only-cer', {
  description: 'IP-based connector for 203.0.113.20, RELAY01\'s sessions from that address are queued, and the admin dropped RELAY01\'s leaf-only .cer. No certificate is needed for IP attribution: healthy, exit 0, no critical finding.',
  status: 'healthy', lead: null, confidence: null, mustNot: all(), exit: 0, nextAction: 'none',
}, {
  'relay.contoso.com.cer': der('relay-contoso'),
  'ex261120.log': iisLog([iis({ at: '08:10:02', reply: '250 2.1.5 Recipient OK' }), iis({ at: '08:55:12', reply: '250 2.1.5 Recipient OK' })]),
  'Get-InboundConnector.txt': ipConn, 'Get-AcceptedDomain.txt': ACCEPTED,
});
add('healthy-certificate-connector', {
  description: 'HCW certificate connector mail.contoso.com, full chain exported, Send connector naming the certificate, sessions accepted with it: healthy.',
  status: 'healthy', lead: null, confidence: null, mustNot: all(), exit: 0, nextAction: 'none',
}, {
  'mail.contoso.com-chain.p7b': p7b(['contoso-g1', 'ca-g1']),
  'SEND20261120-1.log': sendLog(ex({ at: '08:12:01.102', cert: 'contoso-g1', reply: '250 2.1.5 Recipient OK' }), ex({ at: '08:52:01.102', cert: 'contoso-g1', reply: '250 2.1.5 Recipient OK', from: '' })),
  'Get-InboundConnector.txt': IN_CERT, 'Get-SendConnector.txt': sendConnector({ cert: 'contoso-g1' }),
  'Get-ExchangeCertificate.txt': exchangeCertificates([{ cert: 'contoso-g1' }, { cert: 'ex01-selfsigned', services: 'IMAP, POP, SMTP' }]), 'Get-AcceptedDomain.txt': ACCEPTED,
});
add('healthy-exchange-ip-connector-cidr', {
  description: 'Exchange through an IP connector for 203.0.113.0/28; EOP greets [203.0.113.10] and queues every message: healthy.',
  status: 'healthy', lead: null, confidence: null, mustNot: all(), exit: 0,
}, {
  'SEND20261120-1.log': sendLog(ex({ at: '08:12:01.102', cert: 'contoso-g1', reply: '250 2.1.5 Recipient OK' }), ex({ at: '08:40:01.102', cert: 'contoso-g1', reply: '250 2.1.5 Recipient OK' })),
  'Get-InboundConnector.txt': inboundConnectors([ipConnector(['203.0.113.0/28'], { name: 'Contoso egress by IP' })]),
});
add('healthy-renewal-new-issuer', {
  description: 'Renewed to issuer G2 with the G2 intermediate exported and installed; the new certificate is sent and accepted: healthy.',
  status: 'healthy', lead: null, confidence: null, mustNot: all(), exit: 0,
}, {
  'mail.contoso.com-2026.p7b': p7b(['contoso-g2', 'ca-g2', 'root-r1']), 'SEND20261120-1.log': sendLog(ex({ at: '09:30:01.000', cert: 'contoso-g2', reply: '250 2.1.5 Recipient OK' })),
  'Get-InboundConnector.txt': IN_CERT, 'Get-SendConnector.txt': sendConnector({ cert: 'contoso-g2' }),
});

// ───────────── write ─────────────
for (const entry of readdirSync(ROOT, { withFileTypes: true })) {
  if (entry.isDirectory() && !entry.name.startsWith('_')) rmSync(join(ROOT, entry.name), { recursive: true, force: true });
}
const pfxBytes = () => {
  const p12 = forge.pkcs12.toPkcs12Asn1(forge.pki.privateKeyFromPem(key('contoso-g1')), [forge.pki.certificateFromPem(pem('contoso-g1')), forge.pki.certificateFromPem(pem('ca-g1'))], 'Contoso!2026', { algorithm: '3des', friendlyName: 'mail.contoso.com' });
  return Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary');
};
const rows = [];
for (const s of scenarios) {
  const dir = join(ROOT, s.name);
  for (const [rel, content] of Object.entries(s.files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), content === 'PFX' ? pfxBytes() : content);
  }
  mkdirSync(join(dir, '_args'), { recursive: true });
  writeFileSync(join(dir, '_args', 'root.pem'), pem('root-r1'));
  const args = { at: AT, trust: ['root.pem'] };
  if (s.args.expectName) args.expectName = s.args.expectName;
  if (s.args.password) args.password = s.args.password;
  if (s.args.probe) {
    const files = s.args.probe.chain.map((n) => `probe-${n}.pem`);
    s.args.probe.chain.forEach((n, i) => writeFileSync(join(dir, '_args', files[i]), pem(n)));
    writeFileSync(join(dir, '_args', 'probe.key'), key(s.args.probe.chain[0]));
    args.probe = { chain: files, key: 'probe.key' };
  }
  const { description, status, lead, confidence, mustNot, exit, ...rest } = s.expected;
  writeFileSync(join(dir, 'expected.json'), JSON.stringify({ description, args, status, lead, confidence, mustNot, exit, ...rest }, null, 2) + '\n');
  rows.push(`| \`${s.name}\` | ${description.split(/(?<=\.)\s/)[0].replace(/\|/g, '\\|')} | ${lead ? `${lead.replace('cause.', '')} / ${confidence}` : status} | ${exit} |`);
}
writeFileSync(join(ROOT, 'README.md'), README_HEAD + '| folder | what it shows | expected lead / confidence (or status) | exit |\n|---|---|---|---|\n' + rows.join('\n') + '\n');
console.log(`${scenarios.length} scenarios written`);
// The second set (its own generator, own process: lib.mjs keeps counters) is rewritten after the first,
// since the loop above deletes every folder and the README is written anew.
execFileSync(process.execPath, [join(dirname(fileURLToPath(import.meta.url)), 'make-more-scenarios.mjs')], { stdio: 'inherit' });
