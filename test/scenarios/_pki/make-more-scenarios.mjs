// Writes the second set of scenario folders (evidence formats and topologies the first set does not use:
// the collector's .zip, .evtx, ConvertTo-Json / Export-Clixml cmdlet output, German Windows, FrontEnd proxy,
// Exchange Online NDRs, noise that must stay healthy, contradictory and time-shifted evidence).
// Run by hand: `node test/scenarios/_pki/make-more-scenarios.mjs` (make-scenarios.mjs runs it too, in its own
// process, after rewriting the first set). It rewrites only its own folders and the README section after
// MORE_MARK. Deterministic: no random bytes (the PFX is encrypted with a seeded generator), fixed zip times.
// Expectations are an Exchange support engineer's reading of domain.md §1.3, §10 and §11, not the code's.
import { mkdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import forge from 'node-forge';
import { zipSync } from 'fflate';
import {
  PKI, pem, der, key, R_5764, R_ATTR36, R_ATTR35, exSession, exSendLog, iisSession, iisLog, capi2Event30, savedEvents,
  exchangeEvent, ndrEml, inboundConnectors, certConnector, ipConnector, sendConnector, exchangeCertificates, acceptedDomains,
} from './lib.mjs';
import { buildEvtx } from '../../fixtures/evtx/build-evtx.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..');
const AT = '2026-11-20T10:00:00Z';
const DAY = '2026-11-20T';
export const MORE_MARK = '## More scenarios (`_pki/make-more-scenarios.mjs`)';

const C = {
  C1: 'cause.intermediatesNotSent', C2: 'cause.certificateNameMismatch', C3: 'cause.senderIpChanged',
  C4: 'cause.certificateDomainNotAccepted', C5: 'cause.envelopeSenderNotAccepted', C6: 'cause.wrongCertificatePresented',
  C7: 'cause.noMatchingConnector', C8: 'cause.noTls', C9: 'cause.sharedAttribution', C10: 'cause.certificateInvalid',
  EKU: 'cause.clientAuthEkuMissing', C12: 'cause.wrongSmartHost',
};
const all = (...except) => Object.values(C).filter((c) => !except.includes(c));
const cause = (lead, confidence, mustNot = [], extra = {}) => ({ status: 'cause', lead, confidence, mustNot, exit: 1, ...extra });
const scenarios = [];
const add = (name, expected, files, args = {}) => scenarios.push({ name, expected, files, args });

let sidN = 0x7c20;
const sid = () => `08DEC9F0A1B2${(sidN += 0x17).toString(16).toUpperCase().padStart(4, '0')}`;
const exOn = (day, o) => exSession({ sid: sid(), ...o, at: `${day}T${o.at}` });
const ex = (o) => exOn('2026-11-20', o);
const iis = (o) => iisSession({ ...o, at: `${DAY}${o.at}` });
const sendLog = (...sessions) => exSendLog(sessions);
// `at` is the time of day; it must not be overridden by the raw option (that wrote 'undefined, NaN' dates).
const ndr = (o = {}) => ndrEml({ ...o, at: `${DAY}${o.at ?? '08:12:04'}` });
const ev30 = (computer, time, cert, record = 4711, result) => capi2Event30({ computer, time: time.includes('T') ? time : `${DAY}${time}`, record, thumbprint: PKI[cert].thumbprint, subjectName: PKI[cert].cn, ...(result ? { result } : {}) });
const bundle = (names) => names.map((n) => pem(n)).join('');
const p7b = (names) => {
  const p7 = forge.pkcs7.createSignedData();
  for (const n of names) p7.addCertificate(forge.pki.certificateFromPem(pem(n)));
  return Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), 'binary');
};
const IN_CERT = inboundConnectors([certConnector()]);
const ACCEPTED = acceptedDomains();
const BOM = '\uFEFF';

// ───────────── writers for formats lib.mjs does not have ─────────────

/** PowerShell 5.1 ConvertTo-Json indentation (four spaces, "name":  value with two spaces). */
function psJson(v, ind = '') {
  const next = ind + '    ';
  if (Array.isArray(v)) return v.length ? `[\r\n${v.map((x) => next + psJson(x, next)).join(',\r\n')}\r\n${ind}]` : '[\r\n\r\n]';
  if (v && typeof v === 'object') return `{\r\n${Object.entries(v).map(([k, x]) => `${next}${JSON.stringify(k)}:  ${psJson(x, next)}`).join(',\r\n')}\r\n${ind}}`;
  return JSON.stringify(v);
}
const outFileJson = (v) => BOM + psJson(v) + '\r\n';

/** Get-InboundConnector | Select-Object <collector's properties> | ConvertTo-Json (EXO V3 module: enums as strings). */
const inboundJson = (list) => outFileJson(list.length === 1 ? inboundObj(list[0]) : list.map(inboundObj));
function inboundObj(c) {
  return {
    Name: c.name, Enabled: c.enabled !== false, ConnectorType: c.type ?? 'OnPremises', SenderIPAddresses: c.ips ?? [],
    TlsSenderCertificateName: c.tlsName ?? null, RequireTls: Boolean(c.tlsName), RestrictDomainsToCertificate: false,
    RestrictDomainsToIPAddresses: false, SenderDomains: ['smtp:*;1'],
  };
}
const acceptedJson = (domains = ['contoso.com', 'contoso.onmicrosoft.com', 'contoso.mail.onmicrosoft.com']) =>
  outFileJson(domains.map((d, i) => ({ DomainName: d, DomainType: d.endsWith('.mail.onmicrosoft.com') ? 'InternalRelay' : 'Authoritative', Default: i === 0 })));
/** Get-ExchangeCertificate | Select-Object <collector's properties> | ConvertTo-Json. */
const exchangeCertJson = (list) => outFileJson(list.map((e) => {
  const c = PKI[e.cert];
  return {
    FriendlyName: e.friendly ?? c.cn, Subject: c.subject, Issuer: c.issuer, Thumbprint: c.thumbprint,
    NotBefore: `/Date(${Date.parse(c.notBefore)})/`, NotAfter: `/Date(${Date.parse(c.notAfter)})/`,
    CertificateDomains: c.dns.map((d) => ({ Domain: d, IncludeSubDomains: false, SmtpDomain: { Domain: d }, Address: d, IsStar: false })),
    HasPrivateKey: e.hasKey !== false, IsSelfSigned: c.subject === c.issuer, Services: e.services ?? 'IMAP, POP, IIS, SMTP',
  };
}));

const x = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
let refId = 0;
/** Export-Clixml of Get-SendConnector (one connector). */
function sendConnectorClixml(o) {
  refId = 0;
  const c = PKI[o.cert];
  const r = () => String(refId++);
  const tlsName = `<I>${c.issuer}<S>${c.subject}`;
  const list = (n, tn, items) => `      <Obj N="${n}" RefId="${r()}">\r\n        <TN RefId="${r()}">\r\n          <T>${tn}</T>\r\n          <T>System.Object</T>\r\n        </TN>\r\n        <LST>\r\n${items.map((i) => `          <S>${x(i)}</S>\r\n`).join('')}        </LST>\r\n      </Obj>\r\n`;
  return [
    '<Objs Version="1.1.0.1" xmlns="http://schemas.microsoft.com/powershell/2004/04">',
    `  <Obj RefId="${r()}">`,
    `    <TN RefId="${r()}">`,
    '      <T>Deserialized.Microsoft.Exchange.Data.Directory.SystemConfiguration.SmtpSendConnectorConfig</T>',
    '      <T>Deserialized.Microsoft.Exchange.Data.Directory.ADConfigurationObject</T>',
    '      <T>System.Object</T>',
    '    </TN>',
    '    <ToString>Outbound to Office 365</ToString>',
    '    <Props>',
    list('AddressSpaces', 'Deserialized.Microsoft.Exchange.Data.MultiValuedProperty`1[[Microsoft.Exchange.Data.AddressSpace]]', ['SMTP:*;1']).trimEnd(),
    '      <B N="CloudServicesMailEnabled">true</B>',
    '      <S N="ConnectorType">XPremises</S>',
    '      <B N="DNSRoutingEnabled">false</B>',
    '      <B N="Enabled">true</B>',
    `      <S N="Fqdn">${x(o.fqdn ?? 'mail.contoso.com')}</S>`,
    `      <B N="FrontendProxyEnabled">${o.frontendProxy ? 'true' : 'false'}</B>`,
    '      <B N="IgnoreSTARTTLS">false</B>',
    '      <S N="Name">Outbound to Office 365</S>',
    '      <I32 N="Port">25</I32>',
    '      <S N="ProtocolLoggingLevel">Verbose</S>',
    '      <B N="RequireTLS">true</B>',
    list('SmartHosts', 'Deserialized.Microsoft.Exchange.Data.MultiValuedProperty`1[[Microsoft.Exchange.Data.SmartHost]]', ['contoso-com.mail.protection.outlook.com']).trimEnd(),
    '      <S N="SmartHostsString">contoso-com.mail.protection.outlook.com</S>',
    list('SourceTransportServers', 'Deserialized.Microsoft.Exchange.Data.MultiValuedProperty`1[[Microsoft.Exchange.Data.Directory.ADObjectId]]', o.servers ?? ['EX01']).trimEnd(),
    '      <S N="TlsAuthLevel">CertificateValidation</S>',
    `      <Obj N="TlsCertificateName" RefId="${r()}">`,
    `        <TN RefId="${r()}">`,
    '          <T>Deserialized.Microsoft.Exchange.Data.SmtpX509Identifier</T>',
    '          <T>System.Object</T>',
    '        </TN>',
    `        <ToString>${x(tlsName)}</ToString>`,
    '        <Props>',
    `          <S N="CertificateIssuer">${x(c.issuer)}</S>`,
    `          <S N="CertificateSubject">${x(c.subject)}</S>`,
    '        </Props>',
    '      </Obj>',
    '      <S N="Identity">Outbound to Office 365</S>',
    '    </Props>',
    '  </Obj>',
    '</Objs>',
  ].join('\r\n') + '\r\n';
}
/** Export-Clixml of Get-ExchangeCertificate. */
function exchangeCertClixml(list) {
  refId = 0;
  const r = () => String(refId++);
  const dt = (iso) => iso.replace('.000Z', 'Z');
  return ['<Objs Version="1.1.0.1" xmlns="http://schemas.microsoft.com/powershell/2004/04">', ...list.map((e) => {
    const c = PKI[e.cert];
    return [
      `  <Obj RefId="${r()}">`,
      `    <TN RefId="${r()}">`,
      '      <T>Deserialized.Microsoft.Exchange.Management.SystemConfigurationTasks.ExchangeCertificate</T>',
      '      <T>Deserialized.System.Security.Cryptography.X509Certificates.X509Certificate2</T>',
      '      <T>System.Object</T>',
      '    </TN>',
      `    <ToString>[Subject]\r\n  ${x(c.subject)}\r\n\r\n[Issuer]\r\n  ${x(c.issuer)}\r\n\r\n[Thumbprint]\r\n  ${c.thumbprint}\r\n</ToString>`,
      '    <Props>',
      `      <S N="FriendlyName">${x(e.friendly ?? c.cn)}</S>`,
      `      <S N="Subject">${x(c.subject)}</S>`,
      `      <S N="Issuer">${x(c.issuer)}</S>`,
      `      <S N="Thumbprint">${c.thumbprint}</S>`,
      `      <DT N="NotBefore">${dt(c.notBefore)}</DT>`,
      `      <DT N="NotAfter">${dt(c.notAfter)}</DT>`,
      `      <B N="HasPrivateKey">${e.hasKey === false ? 'false' : 'true'}</B>`,
      `      <B N="IsSelfSigned">${c.subject === c.issuer ? 'true' : 'false'}</B>`,
      `      <Obj N="Services" RefId="${r()}">`,
      `        <TN RefId="${r()}">`,
      '          <T>Deserialized.Microsoft.Exchange.Data.AllowedServices</T>',
      '          <T>System.Enum</T>',
      '          <T>System.ValueType</T>',
      '          <T>System.Object</T>',
      '        </TN>',
      `        <ToString>${e.services ?? 'IMAP, POP, IIS, SMTP'}</ToString>`,
      `        <I32>${e.servicesValue ?? 15}</I32>`,
      '      </Obj>',
      `      <Obj N="CertificateDomains" RefId="${r()}">`,
      `        <TN RefId="${r()}">`,
      '          <T>Deserialized.Microsoft.Exchange.Data.MultiValuedProperty`1[[Microsoft.Exchange.Data.SmtpDomainWithSubdomains]]</T>',
      '          <T>System.Object</T>',
      '        </TN>',
      '        <LST>',
      ...c.dns.map((d) => `          <S>${d}</S>`),
      '        </LST>',
      '      </Obj>',
      '    </Props>',
      '  </Obj>',
    ].join('\r\n');
  }), '</Objs>'].join('\r\n') + '\r\n';
}

/** A CAPI2 event 11 (CertGetCertificateChain) as Event Viewer XML; trust = { chain, leaf } error values (hex). */
function capi2Event11Xml({ computer, time, record, cert, error = '1000040', flags = { CERT_TRUST_REVOCATION_STATUS_UNKNOWN: 'true', CERT_TRUST_IS_OFFLINE_REVOCATION: 'true' }, revocation = '80092013', withIssuer = true }) {
  const c = PKI[cert];
  const issuerName = Object.keys(PKI).find((n) => PKI[n].subject === c.issuer);
  const attrs = Object.entries(flags).map(([k, v]) => ` ${k}="${v}"`).join('');
  const element = (name, err, info, rev) => `      <ChainElement>
        <Certificate fileRef="${PKI[name].thumbprint}.cer" subjectName="${PKI[name].cn}" />
        <SignatureAlgorithm oid="1.2.840.113549.1.1.11" hashName="SHA256" publicKeyName="RSA" />
        <PublicKeyAlgorithm oid="1.2.840.113549.1.1.1" publicKeyName="RSA" publicKeyLength="2048" />
        <TrustStatus>
          <ErrorStatus value="${err}"${err === '0' ? '' : attrs} />
          <InfoStatus value="${info}" />
        </TrustStatus>${rev ? `
        <RevocationInfo freshnessTime="PT0S">
          <RevocationResult value="${rev}">The revocation function was unable to check revocation because the revocation server was offline.</RevocationResult>
        </RevocationInfo>` : ''}
      </ChainElement>`;
  return `<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event">
  <System>
    <Provider Name="Microsoft-Windows-CAPI2" Guid="{5bbca4a8-b209-48dc-a8c7-b23d3e5216fb}" />
    <EventID>11</EventID>
    <Version>0</Version>
    <Level>2</Level>
    <Task>11</Task>
    <Opcode>2</Opcode>
    <Keywords>0x4000000000000003</Keywords>
    <TimeCreated SystemTime="${time}" />
    <EventRecordID>${record}</EventRecordID>
    <Correlation />
    <Execution ProcessID="712" ThreadID="2204" />
    <Channel>Microsoft-Windows-CAPI2/Operational</Channel>
    <Computer>${computer}</Computer>
    <Security UserID="S-1-5-18" />
  </System>
  <UserData>
    <CertGetCertificateChain>
      <Certificate fileRef="${c.thumbprint}.cer" subjectName="${c.cn}" />
      <ValidationTime>${time}</ValidationTime>
      <AdditionalStore />
      <ExtendedKeyUsage />
      <Flags value="40000000" CERT_CHAIN_REVOCATION_CHECK_CHAIN_EXCLUDE_ROOT="true" />
      <ChainEngineInfo context="machine" />
      <CertificateChain chainRef="{7D1B3A55-0C2E-4F8A-9B6D-1E2F3A4B5C6D}">
        <TrustStatus>
          <ErrorStatus value="${error}"${attrs} />
          <InfoStatus value="0" />
        </TrustStatus>
${element(cert, error, '2', revocation)}${withIssuer && issuerName ? `\n${element(issuerName, '0', '2')}\n${element('root-r1', '0', '10C')}` : ''}
      </CertificateChain>
      <EventAuxInfo ProcessName="lsass.exe" impersonateToken="S-1-5-18" />
      <CorrelationAuxInfo TaskId="{3C5E7A90-1B2D-4E6F-8A9B-0C1D2E3F4A5B}" SeqNumber="1" />
      <Result value="0" />
    </CertGetCertificateChain>
  </UserData>
</Event>`;
}

// .evtx: CAPI2 and Exchange events through test/fixtures/evtx/build-evtx.ts (libevtx layout).
const el = (name, attrs, children, text) => ({ name, ...(attrs ? { attrs } : {}), ...(children ? { children } : {}), ...(text !== undefined ? { text } : {}) });
const CAPI2_EVTX = { provider: 'Microsoft-Windows-CAPI2', providerGuid: '{5bbca4a8-b209-48dc-a8c7-b23d3e5216fb}', channel: 'Microsoft-Windows-CAPI2/Operational', userSid: 'S-1-5-18' };
function evtx30(computer, time, cert, recordId, chainRef, taskId) {
  const c = PKI[cert];
  return {
    ...CAPI2_EVTX, computer, eventId: 30, level: 2, task: 30, keywords: 0x4000000000000001n, time, recordId, processId: 712, threadId: 1996,
    data: el('UserData', undefined, [el('CertVerifyCertificateChainPolicy', undefined, [
      el('Policy', { type: 'CERT_CHAIN_POLICY_SSL', constant: '4' }),
      el('Certificate', { fileRef: `${c.thumbprint}.cer`, subjectName: c.cn }),
      el('CertificateChain', { chainRef }),
      el('Flags', { value: '0' }),
      el('SSLAdditionalPolicyInfo', { authType: 'server' }, [el('IgnoreFlags', { value: '280', SECURITY_FLAG_IGNORE_REVOCATION: 'true', SECURITY_FLAG_IGNORE_WRONG_USAGE: 'true' })]),
      el('Status', { chainIndex: '0', elementIndex: '-1' }),
      el('EventAuxInfo', { ProcessName: 'lsass.exe', impersonateToken: 'S-1-5-18' }),
      el('CorrelationAuxInfo', { TaskId: taskId, SeqNumber: '2' }),
      el('Result', { value: '800B0109' }, undefined, 'A certificate chain processed, but terminated in a root certificate which is not trusted by the trust provider.'),
    ])]),
  };
}
function evtx11Partial(computer, time, cert, recordId, chainRef, taskId) {
  const c = PKI[cert];
  const leaf = () => el('Certificate', { fileRef: `${c.thumbprint}.cer`, subjectName: c.cn });
  return {
    ...CAPI2_EVTX, computer, eventId: 11, level: 2, task: 11, keywords: 0x4000000000000003n, time, recordId, processId: 712, threadId: 1996,
    data: el('UserData', undefined, [el('CertGetCertificateChain', undefined, [
      leaf(),
      el('Flags', { value: '40000000' }),
      el('ChainEngineInfo', { context: 'machine' }),
      el('CertificateChain', { chainRef }, [
        el('TrustStatus', undefined, [el('ErrorStatus', { value: '10000', CERT_TRUST_IS_PARTIAL_CHAIN: 'true' }), el('InfoStatus', { value: '0' })]),
        el('ChainElement', undefined, [
          leaf(),
          el('TrustStatus', undefined, [el('ErrorStatus', { value: '10000', CERT_TRUST_IS_PARTIAL_CHAIN: 'true' }), el('InfoStatus', { value: '2', CERT_TRUST_HAS_KEY_MATCH_ISSUER: 'true' })]),
        ]),
      ]),
      el('EventAuxInfo', { ProcessName: 'lsass.exe', impersonateToken: 'S-1-5-18' }),
      el('CorrelationAuxInfo', { TaskId: taskId, SeqNumber: '1' }),
      el('Result', { value: '800B010A' }, undefined, 'A certificate chain could not be built to a trusted root authority.'),
    ])]),
  };
}
const evtxExchange = ({ provider = 'MSExchangeTransport', id, level = 2, time, recordId, computer, data }) => ({
  provider, eventId: id, qualifiers: 49156, level, task: 12, keywords: 0x80000000000000n, time, recordId, channel: 'Application', computer,
  data: el('EventData', undefined, data.map((d) => el('Data', undefined, undefined, d))),
});
const evtx = (events) => Buffer.from(buildEvtx([events]));

/** A zip as collect-evidence.ps1 writes it (Compress-Archive, or .NET ZipFile with backslash names on old hosts). */
function collectorZip(entries, { backslash = false } = {}) {
  const mtime = new Date('2026-11-20T09:58:00Z');
  const files = {};
  for (const [name, content] of Object.entries(entries)) {
    files[backslash ? name.replace(/\//g, '\\') : name] = [typeof content === 'string' ? new TextEncoder().encode(content) : new Uint8Array(content), { mtime }];
  }
  return Buffer.from(zipSync(files, { level: 6, mtime }));
}
const manifest = (o) => outFileJson({ tool: 'relay-doctor collect-evidence', computer: o.computer, collectedAt: o.at ?? '2026-11-20T09:58:00.0000000Z', days: 7, exchange: o.exchange, frontendProxyEnabled: o.frontendProxy ?? false, sendProtocolLogging: o.logging ?? [] });
/** `$chain.ChainStatus | Select Status,StatusInformation | Format-List` for a chain that stops at the leaf. */
const partialChainStatus = BOM + '\r\n\r\nStatus            : PartialChain\r\nStatusInformation : A certificate chain could not be built to a trusted root authority.\r\n\r\n\r\n\r\n';

/** A PFX encrypted with a seeded generator, so the bytes are the same on every run. */
function deterministicPfx(certNames, keyName, password) {
  let counter = 0;
  const saved = [forge.random.getBytesSync, forge.random.getBytes];
  const seeded = (n) => {
    let out = '';
    while (out.length < n) out += createHash('sha256').update(`relay-doctor-more-scenarios-${counter++}`).digest('binary');
    return out.slice(0, n);
  };
  forge.random.getBytesSync = seeded;
  forge.random.getBytes = seeded;
  try {
    const p12 = forge.pkcs12.toPkcs12Asn1(forge.pki.privateKeyFromPem(key(keyName)), certNames.map((n) => forge.pki.certificateFromPem(pem(n))), password, { algorithm: '3des', friendlyName: PKI[certNames[0]].cn });
    return Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary');
  } finally {
    [forge.random.getBytesSync, forge.random.getBytes] = saved;
  }
}

// German (de-DE) Windows and Exchange: what changes is rendered text and dates, never the codes.
function germanNdr(o) {
  const en = ndr(o);
  return en
    .replace('Content-Language: en-US', 'Content-Language: de-DE')
    .replace(/Subject: Undeliverable: /g, 'Subject: Unzustellbar: ')
    .replace('Content-Type: text/plain; charset="us-ascii"', 'Content-Type: text/plain; charset="utf-8"')
    .replace('Delivery has failed to these recipients or groups:', 'Fehler bei der Zustellung an folgende Empf=C3=A4nger oder Gruppen:')
    .replace('The remote server refused to relay your message.', 'Der Remoteserver hat die Weiterleitung Ihrer Nachricht abgelehnt.')
    .replace('Diagnostic information for administrators:', 'Diagnoseinformationen f=C3=BCr Administratoren:')
    .replace('Generating server:', 'Generierender Server:')
    .replace(/Remote Server returned '([^']*)'/, (_, r) => `Remoteserver hat '${r}' zur=C3=BCckgegeben`)
    .replace('Original message headers:', 'Urspr=C3=BCngliche Nachrichtenkopfzeilen:');
}
function germanCapi2(eventXml) {
  return eventXml
    .replace(/<Result value="800B0109">[^<]*<\/Result>/, '<Result value="800B0109">Eine Zertifikatkette wurde zwar verarbeitet, endete jedoch mit einem Stammzertifikat, das beim Vertrauensanbieter nicht als vertrauenswürdig gilt.</Result>')
    .replace('</UserData>', '</UserData>\n  <RenderingInfo Culture="de-DE">\n    <Level>Fehler</Level>\n    <Opcode>Info</Opcode>\n    <Task>Kettenrichtlinie überprüfen</Task>\n    <Keywords>\n      <Keyword>Kettenüberprüfung</Keyword>\n    </Keywords>\n    <Channel>Microsoft-Windows-CAPI2/Betriebsbereit</Channel>\n    <Provider>Microsoft-Windows-CAPI2</Provider>\n  </RenderingInfo>');
}
const deDate = (iso) => {
  const d = new Date(iso);
  const p = (n) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}.${p(d.getUTCMonth() + 1)}.${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
};
const usDate = (iso) => {
  const d = new Date(iso);
  let h = d.getUTCHours();
  const ap = h >= 12 ? 'PM' : 'AM';
  h = h % 12 || 12;
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} ${h}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} ${ap}`;
};
const germanExchangeCertificates = (list) => {
  let text = exchangeCertificates(list);
  for (const e of list) text = text.replace(usDate(PKI[e.cert].notAfter), deDate(PKI[e.cert].notAfter));
  return text.replace(/IsSelfSigned(\s+): False/g, 'IsSelfSigned$1: False');
};

/** An NDR generated inside Exchange Online (new-style layout), not by an on-premises server. */
function exoNdr({ at, sender, rcpt = 'someone@fabrikam.com', reply = R_5764, delayed = false, subject = 'Invoice 2026-11-0042', receivedFrom = 'relay01.contoso.com (203.0.113.20)' }) {
  const ms = Date.parse(at);
  const gen = 'SN1NAM02HT012.eop-nam02.prod.protection.outlook.com';
  const rfc = (t) => new Date(t).toUTCString().replace('GMT', '+0000');
  const b = `_000_${(ms % 1e9).toString(16)}SN1NAM02HT012_`;
  return [
    `From: postmaster@contoso.onmicrosoft.com`,
    `To: <${sender}>`,
    `Date: ${rfc(ms + 1500)}`,
    `Subject: ${delayed ? 'Delivery delayed' : 'Undeliverable'}: ${subject}`,
    `Message-ID: <${(ms % 0xffffffff).toString(16)}-ndr@${gen}>`,
    'Auto-Submitted: auto-replied',
    'MIME-Version: 1.0',
    `Content-Type: multipart/report; report-type=delivery-status;\r\n\tboundary="${b}"`,
    'Content-Language: en-US',
    '',
    `--${b}`,
    'Content-Type: text/plain; charset="us-ascii"',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    ...(delayed ? [
      'Delivery is delayed to these recipients or groups:',
      '',
      rcpt,
      '',
      'This message hasn\'t been delivered yet. Delivery will continue to be attempted.',
      '',
      'The server will keep trying to deliver this message for the next 1 days, 19 hours and 52 minutes. You\'ll be notified if the message can\'t be delivered by that time.',
    ] : [
      `Your message to ${rcpt} couldn't be delivered.`,
      '',
      'The remote server refused to relay your message.',
      '',
      'Cause: The message was sent to Microsoft 365 over a connection that could not be attributed to your organization.',
      'Fix-it owner: Email admin',
      '',
      'How to Fix It',
      'Check the inbound connectors of type OnPremises and the source of the message.',
      '',
      'More Info for Email Admins',
      `Status code: ${reply.slice(0, 10)}`,
    ]),
    '',
    'Diagnostic information for administrators:',
    '',
    `Generating server: ${gen}`,
    '',
    rcpt,
    `Remote Server returned '${reply}'`,
    '',
    'Original message headers:',
    '',
    `Received: from ${receivedFrom} by SN1NAM02FT012.mail.protection.outlook.com (10.152.72.170) with Microsoft SMTP Server id 15.20.8722.15 via Frontend Transport; ${rfc(ms - 900)}`,
    `From: ${sender}`,
    `To: ${rcpt}`,
    `Subject: ${subject}`,
    '',
    `--${b}`,
    'Content-Type: message/delivery-status',
    '',
    `Reporting-MTA: dns;${gen}`,
    `Received-From-MTA: dns;${receivedFrom.split(' ')[0]}`,
    `Arrival-Date: ${rfc(ms - 900)}`,
    '',
    `Final-Recipient: rfc822;${rcpt}`,
    `Action: ${delayed ? 'delayed' : 'failed'}`,
    `Status: ${reply.match(/\d\.\d{1,3}\.\d{1,3}/)[0]}`,
    ...(delayed ? ['Remote-MTA: dns;mail.contoso.com'] : []),
    `Diagnostic-Code: smtp;${reply}`,
    '',
    `--${b}--`,
    '',
  ].join('\r\n');
}

/** Get-MessageTraceDetail | Format-Table Date,Event,Detail -Wrap for EXO's outbound attempt to on-premises. */
const messageTraceUntrustedRoot = () => [
  '',
  'Date                   Event Detail',
  '----                   ----- ------',
  '11/20/2026 8:14:02 AM  Receive Message received by: SN1NAM02FT012.mail.protection.outlook.com',
  '11/20/2026 8:14:03 AM  Defer  The message was delayed. Reason: [{LED=450 4.4.317 Cannot connect to remote server [Message=UntrustedRoot] [LastAttemptedServerName=mail.contoso.com] [LastAttemptedIP=203.0.113.10:25] [SN1NAM02FT012.eop-nam02.prod.protection.outlook.com]};{MSG=};{FQDN=mail.contoso.com};{IP=203.0.113.10};{LRT=11/20/2026 8:14:03 AM}]',
  '11/20/2026 9:14:03 AM  Defer  The message was delayed. Reason: [{LED=450 4.4.317 Cannot connect to remote server [Message=UntrustedRoot] [LastAttemptedServerName=mail.contoso.com] [LastAttemptedIP=203.0.113.10:25] [SN1NAM02FT012.eop-nam02.prod.protection.outlook.com]};{MSG=};{FQDN=mail.contoso.com};{IP=203.0.113.10};{LRT=11/20/2026 9:14:03 AM}]',
  '', '',
].join('\r\n');

// ───────────── the scenarios ─────────────

// 1. The collector's zip from EX01: CAPI2 as .evtx, the machine's own chain build (leaf only), the refused log.
const g1 = PKI['contoso-g1'];
add('collector-zip-ex01-kb3212877', {
  description: 'collect-evidence.ps1 ran on EX01 and its zip holds the machine\'s certificates (the chain X509Chain builds from local stores stops at the leaf: PartialChain), capi2.evtx with lsass 800B0109 for that thumbprint, the SmtpSend log where that certificate goes out and gets 5.7.64, and the settings; the EXO side is Get-InboundConnector as JSON. All of it from one server, one certificate, one moment: KB 3212877, C1 certain, fix on EX01.',
  ...cause(C.C1, 'certain', [C.C2, C.C3, C.C4, C.C5, C.C7, C.C8, C.C10, C.C12], { nextAction: 'fix', nextServer: 'EX01' }),
}, {
  'relay-doctor-evidence-EX01-20261120-095800.zip': collectorZip({
    [`certificates/${g1.thumbprint}.cer`]: der('contoso-g1'),
    [`certificates/${g1.thumbprint}-chain.p7b`]: p7b(['contoso-g1']),
    [`certificates/${g1.thumbprint}-chain-status.txt`]: partialChainStatus,
    'events/capi2.evtx': evtx([evtx30('EX01.contoso.com', `${DAY}08:12:01.399Z`, 'contoso-g1', 5301, '{4E1A2B3C-5D6E-4F70-8192-A3B4C5D6E7F8}', '{9A8B7C6D-5E4F-4A3B-2C1D-0E1F2A3B4C5D}')]),
    'logs/SEND20261120-1.log': sendLog(ex({ at: '08:12:01.102', cert: 'contoso-g1' }), ex({ at: '08:42:01.102', cert: 'contoso-g1', from: 'hr@contoso.com' })),
    'settings/Get-SendConnector.txt': sendConnector({ cert: 'contoso-g1' }),
    'settings/Get-ExchangeCertificate.json': exchangeCertJson([{ cert: 'contoso-g1' }, { cert: 'ex01-selfsigned', services: 'IMAP, POP, SMTP' }]),
    'manifest.json': manifest({ computer: 'EX01', exchange: true, logging: [{ connector: 'Outbound to Office 365', protocolLoggingLevel: 'Verbose', frontendProxyEnabled: false }] }),
  }),
  'Get-InboundConnector.json': inboundJson([certConnector()]),
});

// 2. Healthy IIS relay zip: the local chain is leaf-only, but the connector is IP-based and mail flows.
const rc = PKI['relay-contoso'];
add('collector-zip-relay01-ip-connector-healthy', {
  description: 'The collector\'s zip from IIS relay RELAY01 (written by .NET ZipFile with backslash names): its certificate\'s local chain stops at the leaf, but the EOP connector is IP-based (JSON), EOP greets the listed 203.0.113.20 and queues every message. No certificate is needed for IP attribution (§11.3): healthy, exit 0.',
  status: 'healthy', lead: null, confidence: null, mustNot: all(), exit: 0, nextAction: 'none',
}, {
  'relay-doctor-evidence-RELAY01-20261120-095800.zip': collectorZip({
    [`certificates/${rc.thumbprint}.cer`]: der('relay-contoso'),
    [`certificates/${rc.thumbprint}-chain.p7b`]: p7b(['relay-contoso']),
    'logs/ex261120.log': iisLog([iis({ at: '08:10:02', starttls: false, reply: '250 2.1.5 Recipient OK' }), iis({ at: '09:01:40', starttls: false, reply: '250 2.1.5 Recipient OK', from: 'printer7@contoso.com' })]),
    'settings/SMTPSVC.json': outFileJson({ Name: 'SmtpSvc/1', ServerComment: '[SMTP Virtual Server #1]', FullyQualifiedDomainName: 'relay01.contoso.com', SmartHost: 'contoso-com.mail.protection.outlook.com', SmartHostType: 2, RemoteSmtpPort: 25, LogType: 1, LogFileDirectory: 'C:\\Windows\\System32\\LogFiles' }),
    'manifest.json': manifest({ computer: 'RELAY01', exchange: false }),
  }, { backslash: true }),
  'Get-InboundConnector.json': inboundJson([ipConnector(['203.0.113.20'])]), 'Get-AcceptedDomain.json': acceptedJson(),
});

// 3. CAPI2 .evtx with event 11 (partial chain) and 30 for the certificate EX02 sends.
add('capi2-evtx-event11-partial-chain-ex02', {
  description: 'A saved CAPI2 .evtx from EX02: event 11 (CERT_TRUST_IS_PARTIAL_CHAIN, 800B010A) and event 30 (800B0109) from lsass for the certificate EX02\'s send log shows going out one second later and refused 5.7.64. The chain stops at the leaf on the sending server: C1 certain on EX02.',
  ...cause(C.C1, 'certain', [C.C2, C.C3, C.C4, C.C5, C.C7, C.C8, C.C10, C.C12], { nextServer: 'EX02' }),
}, {
  'CAPI2-EX02.evtx': evtx([
    evtx11Partial('EX02.contoso.com', `${DAY}09:05:14.610Z`, 'contoso-g1', 880, '{5F0E1D2C-3B4A-4958-8776-A5B4C3D2E1F0}', '{6A7B8C9D-0E1F-4A2B-9C3D-4E5F6A7B8C9D}'),
    evtx30('EX02.contoso.com', `${DAY}09:05:14.612Z`, 'contoso-g1', 881, '{5F0E1D2C-3B4A-4958-8776-A5B4C3D2E1F0}', '{6A7B8C9D-0E1F-4A2B-9C3D-4E5F6A7B8C9D}'),
  ]),
  'SEND20261120-1.log': sendLog(ex({ at: '09:05:14.300', cert: 'contoso-g1', local: '10.0.0.26', server: 'EX02' })),
  'Get-InboundConnector.txt': IN_CERT, 'Get-AcceptedDomain.txt': ACCEPTED,
});

// 4. JSON connector output, Exchange egress changed.
add('json-ip-connector-exchange-new-egress', {
  description: 'Get-InboundConnector | ConvertTo-Json (UTF-8 with BOM) shows only an IP connector for 203.0.113.10; EX01\'s log shows EOP greeting [198.51.100.40] after a firewall change and refusing alerts@contoso.com (accepted, JSON Get-AcceptedDomain). The certificate EX01 presents matches no certificate connector, and the source is not listed: C3 certain.',
  ...cause(C.C3, 'certain', [C.C1, C.C2, C.C4, C.C5, C.C8, C.C10, C.C12], { nextAction: 'fix' }),
}, {
  'SEND20261120-1.log': sendLog(ex({ at: '07:55:40.000', cert: 'contoso-g1', hello: '198.51.100.40' }), ex({ at: '08:25:40.000', cert: 'contoso-g1', hello: '198.51.100.40', from: 'it@contoso.com' })),
  'Get-InboundConnector.json': inboundJson([ipConnector(['203.0.113.10'], { name: 'Contoso EX01 by IP', comment: '' })]),
  'Get-AcceptedDomain.json': acceptedJson(),
});

// 5. CLIXML Send connector pointing at the old certificate.
add('clixml-send-connector-old-certificate', {
  description: 'Get-SendConnector and Get-ExchangeCertificate as Export-Clixml: TlsCertificateName (an SmtpX509Identifier) still names the expired 2024 certificate although the G2 renewal is installed with SMTP; the log shows the old thumbprint going out and 5.7.64. C6 certain: repoint TlsCertificateName (the expiry is a consequence, not the fix).',
  ...cause(C.C6, 'certain', [C.C1, C.C2, C.C3, C.C4, C.C5, C.C7, C.C8, C.C12], { nextAction: 'fix' }),
}, {
  'SendConnector.clixml': sendConnectorClixml({ cert: 'contoso-expired' }),
  'ExchangeCertificate.clixml': exchangeCertClixml([{ cert: 'contoso-expired', friendly: 'mail.contoso.com 2024' }, { cert: 'contoso-g2', friendly: 'mail.contoso.com 2026' }, { cert: 'ex01-selfsigned', services: 'IMAP, POP, SMTP', servicesValue: 13 }]),
  'SEND20261120-1.log': sendLog(ex({ at: '08:12:01.102', cert: 'contoso-expired' })), 'Get-InboundConnector.txt': IN_CERT,
});

// 6. EXO's 4.4.317 UntrustedRoot towards on-premises in a message trace paste.
add('message-trace-4-4-317-untrustedroot', {
  description: 'Get-MessageTraceDetail shows EXO deferring mail to on-premises with 450 4.4.317 [Message=UntrustedRoot] for mail.contoso.com; the admin exported EX01\'s leaf (public CA, trusted) and its intermediate. Same root cause as KB 3212877 in the other direction: EX01 presents only its leaf. C1 likely (no capture of what EX01 presents).',
  ...cause(C.C1, 'likely', [C.C2, C.C3, C.C4, C.C5, C.C7, C.C8, C.C12]),
}, {
  'message-trace-detail.txt': messageTraceUntrustedRoot(), 'mail.contoso.com.cer': der('contoso-g1'), 'intermediate.cer': der('ca-g1'),
});

// 6b. The same 4.4.317 as the delay DSN Exchange Online sends back to the external sender.
add('exo-delay-dsn-4-4-317-untrustedroot', {
  description: 'A "Delivery delayed" DSN generated by Exchange Online for mail to user@contoso.com: 450 4.4.317 Cannot connect to remote server [Message=UntrustedRoot] for mail.contoso.com; the admin exported that leaf (public CA) and its intermediate. EXO does not fetch intermediates: EX01 presents only its leaf, C1 likely; not C10 (the chain is complete and trusted with the intermediate).',
  ...cause(C.C1, 'likely', [C.C2, C.C3, C.C4, C.C5, C.C7, C.C8, C.C10, C.C12]),
}, {
  'Delivery delayed Quarterly planning.eml': exoNdr({ at: `${DAY}09:14:03Z`, sender: 'partner@fabrikam.com', rcpt: 'user@contoso.com', delayed: true, subject: 'Quarterly planning', receivedFrom: 'mail-fabrikam.outbound.protection.outlook.com (40.107.22.90)', reply: '450 4.4.317 Cannot connect to remote server [Message=UntrustedRoot] [LastAttemptedServerName=mail.contoso.com] [LastAttemptedIP=203.0.113.10:25] [SN1NAM02FT012.eop-nam02.prod.protection.outlook.com]' }),
  'mail.contoso.com.cer': der('contoso-g1'), 'intermediate.cer': der('ca-g1'),
});

// 7. SocketError with a leaf-only .cer as distractor.
add('socketerror-with-leaf-only-cer-distractor', {
  description: 'Every session from EX01 ends "TLS negotiation failed with error SocketError" (TLS 1.2 disabled in Schannel); the admin also dropped a leaf-only .cer. No handshake ever completed, so no chain reached EOP and nothing can be said about it: C8 likely, C1 at most possible.',
  ...cause(C.C8, 'likely', [C.C2, C.C3, C.C4, C.C5, C.C7, C.C10, C.C12]), notCertain: [C.C1],
}, {
  'SEND20261120-1.log': sendLog(ex({ at: '08:00:01.080', cert: 'contoso-g1', tlsError: 'SocketError' }), ex({ at: '08:20:01.080', cert: 'contoso-g1', tlsError: 'SocketError' }), ex({ at: '08:40:01.080', cert: 'contoso-g1', tlsError: 'SocketError' })),
  'mail.contoso.com.cer': der('contoso-g1'), 'Get-InboundConnector.txt': IN_CERT,
});

// 8. ATTR36: DSN refused, user mail accepted with the same certificate.
add('attr36-dsn-refused-user-mail-accepted', {
  description: 'Same certificate relay01.hosts.contoso.com in both sessions: mail from alerts@contoso.com is queued (its P1 domain is accepted), a null-sender DSN is refused ATTR36. The accepted session is no counter-evidence: under the OR rule it passes on its sender, the DSN has only the certificate domain, which is not accepted. C4 certain.',
  ...cause(C.C4, 'certain', [C.C1, C.C2, C.C3, C.C7, C.C8, C.C10, C.C12]),
}, {
  'SEND20261120-1.log': sendLog(
    ex({ at: '08:05:00.000', cert: 'hosts-contoso', ehlo: 'relay01.hosts.contoso.com', reply: '250 2.1.5 Recipient OK' }),
    ex({ at: '08:30:00.000', cert: 'hosts-contoso', ehlo: 'relay01.hosts.contoso.com', from: '', reply: R_ATTR36 }),
  ),
  'relay01.hosts.contoso.com-chain.pem': bundle(['hosts-contoso', 'ca-g1']),
  'Get-InboundConnector.txt': inboundConnectors([certConnector('*.contoso.com')]), 'Get-AcceptedDomain.txt': ACCEPTED,
});

// 9. Embedded wildcard in TlsSenderCertificateName.
add('embedded-wildcard-connector-name', {
  description: 'The inbound connector\'s TlsSenderCertificateName is mail.*.contoso.com: Exchange Online only accepts a leading *. label, so it matches nothing; EX01 presents mail.contoso.com with its full chain and is refused. C2 certain: set the connector to mail.contoso.com or *.contoso.com.',
  ...cause(C.C2, 'certain', [C.C1, C.C3, C.C4, C.C5, C.C8, C.C10, C.C12], { nextAction: 'fix' }),
}, {
  'SEND20261120-1.log': sendLog(ex({ at: '08:12:01.102', cert: 'contoso-g1' }), ex({ at: '08:32:01.102', cert: 'contoso-g1', from: 'hr@contoso.com' })),
  'mail.contoso.com-chain.pem': bundle(['contoso-g1', 'ca-g1']),
  'Get-InboundConnector.txt': inboundConnectors([certConnector('mail.*.contoso.com', { source: 'Default', comment: 'edited by hand' })]), 'Get-AcceptedDomain.txt': ACCEPTED,
});

// 10. A PFX with another password beside the renamed-certificate case.
add('pfx-wrong-password-beside-renamed-certificate', {
  description: 'The renamed-certificate case (smtp.contoso.com sent and refused, connector expects mail.contoso.com) with a .pfx exported under a password other than the one given: the PFX is rejected (input.passwordWrong) and the rest is still diagnosed, C2 certain.',
  ...cause(C.C2, 'certain', [C.C1, C.C3, C.C4, C.C5, C.C8, C.C10, C.C12]), rejectedOk: ['smtp.contoso.com.pfx'],
}, {
  'smtp.contoso.com.pfx': deterministicPfx(['smtp-contoso', 'ca-g2'], 'smtp-contoso', 'Exported-by-Bob-2026'),
  'SEND20261120-1.log': sendLog(ex({ at: '08:44:09.310', cert: 'smtp-contoso', ehlo: 'smtp.contoso.com' })),
  'intermediate-G2.cer': der('ca-g2'), 'Get-InboundConnector.txt': IN_CERT, 'Get-AcceptedDomain.txt': ACCEPTED,
}, { password: 'Contoso!2026' });

// 11. Probe with the root in the chain.
add('probe-full-chain-with-root-healthy', {
  description: 'The probe captures leaf, intermediate and the root: sending the root is unnecessary but harmless (chain.rootIncluded is info). With the certificate connector and an accepted session, nothing is wrong: healthy, exit 0.',
  status: 'healthy', lead: null, confidence: null, mustNot: all(), exit: 0, nextAction: 'none',
}, {
  'SEND20261120-1.log': sendLog(ex({ at: '08:12:01.102', cert: 'contoso-g1', reply: '250 2.1.5 Recipient OK' })), 'Get-InboundConnector.txt': IN_CERT,
}, { probe: { chain: ['contoso-g1', 'ca-g1', 'root-r1'] } });

// 12. Healthy with noise, on another day (the certificate expires in 12 days).
const D2 = '2027-05-20';
add('healthy-expiring-soon-revocation-offline', {
  description: 'On 20 May 2027 the certificate expires in 12 days (event 12018 says so) and CAPI2 logged a revocation-offline chain for it (80092013, tolerated: the SSL policy ignores revocation); every session with it is queued. A reminder to renew, not a fault: healthy, exit 0.',
  status: 'healthy', lead: null, confidence: null, mustNot: all(), exit: 0,
}, {
  'mail.contoso.com-chain.pem': bundle(['contoso-g1', 'ca-g1']),
  'SEND20270520-1.log': sendLog(exOn(D2, { at: '08:12:01.102', cert: 'contoso-g1', reply: '250 2.1.5 Recipient OK' }), exOn(D2, { at: '09:12:01.102', cert: 'contoso-g1', reply: '250 2.1.5 Recipient OK', from: '' })),
  'CAPI2-EX01.xml': savedEvents([capi2Event11Xml({ computer: 'EX01.contoso.com', time: `${D2}T08:12:01.3000000Z`, record: 7710, cert: 'contoso-g1' })]),
  'Application-EX01.xml': savedEvents([exchangeEvent({ id: 12018, level: 3, qualifiers: 32772, time: `${D2}T06:00:00.0000000Z`, record: 99120, computer: 'EX01.contoso.com', data: ['mail.contoso.com', g1.thumbprint, '279'] })]),
  'Get-InboundConnector.txt': IN_CERT, 'Get-SendConnector.txt': sendConnector({ cert: 'contoso-g1' }),
}, { at: `${D2}T10:00:00Z` });

// 13. Contradictory: 800B0109 at 08:00, the same certificate accepted from the same server at 08:05.
add('contradictory-capi2-then-accepted-same-server', {
  description: 'EX01 logged 800B0109 for mail.contoso.com at 08:00:01 and generated a 5.7.64 NDR at 08:00:03, yet its newest send log shows the same certificate from the same server accepted by EOP at 08:05. The pieces disagree (fixed in between? another path?): no certain cause; name the disagreement and collect the 08:00 session and a message trace.',
  status: 'insufficientEvidence', lead: null, confidence: null, mustNot: [C.C2, C.C3, C.C4, C.C5, C.C7, C.C8, C.C10, C.C12], notCertain: [C.C1], exit: 1, nextAction: 'collect',
}, {
  'CAPI2-EX01.xml': savedEvents([ev30('EX01.contoso.com', '08:00:01.2000000Z', 'contoso-g1', 6001)]),
  'Undeliverable Nightly backup report.eml': ndr({ at: '08:00:03' }),
  'SEND20261120-2.log': sendLog(ex({ at: '08:05:00.000', cert: 'contoso-g1', reply: '250 2.1.5 Recipient OK' })),
  'Get-InboundConnector.txt': IN_CERT,
});

// 14. A week apart: same server, same certificate, still plausible.
add('capi2-week-old-same-server-same-certificate', {
  description: 'An 800B0109 from EX01 on 13 November for the thumbprint of the exported mail.contoso.com, and today\'s NDR generated by EX01. Same server and certificate, a week apart with nothing changed: it correlates and lifts the leaf-only case from possible to C1 likely (not certain: no session ties it to today\'s refusal).',
  ...cause(C.C1, 'likely', [C.C2, C.C3, C.C4, C.C5, C.C7, C.C8, C.C10, C.C12], { nextServer: 'EX01' }),
}, {
  'CAPI2-EX01-week46.xml': savedEvents([ev30('EX01.contoso.com', '2026-11-13T14:22:09.5000000Z', 'contoso-g1', 3120)]),
  'Undeliverable Nightly backup report.eml': ndr(), 'mail.contoso.com.cer': der('contoso-g1'), 'Get-InboundConnector.txt': IN_CERT,
});

// 15. Two days, one renewal in between.
add('two-days-renewal-old-c6-then-new-c1', {
  description: 'Yesterday EX01 sent the old, expired certificate and was refused (C6); last night the G2 renewal was enabled and TlsCertificateName repointed (Get-SendConnector); today the new certificate goes out, lsass logs 800B0109 for it, and EOP still refuses. Today\'s sessions are the current state: C1 certain leads; yesterday\'s C6/C10 is resolved history and must not be certain.',
  ...cause(C.C1, 'certain', [C.C2, C.C3, C.C4, C.C5, C.C7, C.C8, C.C12], { nextServer: 'EX01' }), notCertain: [C.C6, C.C10],
}, {
  'SEND20261119-1.log': sendLog(exOn('2026-11-19', { at: '09:00:11.000', cert: 'contoso-expired' }), exOn('2026-11-19', { at: '14:00:11.000', cert: 'contoso-expired', from: 'hr@contoso.com' })),
  'SEND20261120-1.log': sendLog(ex({ at: '08:10:20.000', cert: 'contoso-g2' }), ex({ at: '09:10:20.000', cert: 'contoso-g2', from: 'hr@contoso.com' })),
  'CAPI2-EX01.xml': savedEvents([ev30('EX01.contoso.com', '08:10:20.3000000Z', 'contoso-g2', 7001), ev30('EX01.contoso.com', '09:10:20.3000000Z', 'contoso-g2', 7044)]),
  'Get-SendConnector.txt': sendConnector({ cert: 'contoso-g2' }),
  'Get-ExchangeCertificate.txt': exchangeCertificates([{ cert: 'contoso-expired', friendly: 'mail.contoso.com 2024', services: 'None' }, { cert: 'contoso-g2', friendly: 'mail.contoso.com 2026' }, { cert: 'ex01-selfsigned', services: 'IMAP, POP, SMTP' }]),
  'Get-InboundConnector.txt': IN_CERT,
});

// 16. An NDR generated inside Exchange Online for a foreign envelope sender through an IP connector.
add('exo-generated-ndr-foreign-envelope-ip-connector', {
  description: 'The NDR was generated by Exchange Online (SN1NAM02HT012…), not on-premises, and went back to the P1 sender noreply@billing-saas.example (not accepted); the only connector is RELAY01\'s IP connector. EOP\'s own Received header shows the listed 203.0.113.20, so attribution by IP worked; the message carries no accepted domain, and without a log nobody knows whether a certificate was presented: C5 likely; the EXO host is not a server to collect on.',
  ...cause(C.C5, 'likely', [C.C1, C.C2, C.C4, C.C8, C.C10, C.C12]),
}, {
  'Undeliverable Invoice 2026-11-0042.eml': exoNdr({ at: `${DAY}08:40:52Z`, sender: 'noreply@billing-saas.example' }),
  'Get-InboundConnector.txt': inboundConnectors([ipConnector(['203.0.113.20'])]), 'Get-AcceptedDomain.txt': ACCEPTED,
});

// 17. FrontendProxyEnabled: the EOP session leaves from the Front End Transport service.
add('frontend-proxy-send-path-kb3212877', {
  description: 'The Send connector has FrontendProxyEnabled True, so the session to EOP is in EX01\'s FrontEnd\\ProtocolLog\\SmtpSend: the certificate goes out, lsass logs 800B0109 for it, EOP answers 5.7.64. C1 certain on EX01 (restart/recheck the Front End Transport service after the import).',
  ...cause(C.C1, 'certain', [C.C2, C.C3, C.C4, C.C5, C.C7, C.C8, C.C10, C.C12], { nextServer: 'EX01' }),
}, {
  'EX01/FrontEnd/ProtocolLog/SmtpSend/SEND20261120-1.log': sendLog(ex({ at: '08:12:01.102', cert: 'contoso-g1', connector: 'Outbound Proxy Frontend EX01' })),
  'EX01/CAPI2.xml': savedEvents([ev30('EX01.contoso.com', '08:12:01.3990000Z', 'contoso-g1', 4120)]),
  'Get-SendConnector.txt': sendConnector({ cert: 'contoso-g1' }).replace(/(FrontendProxyEnabled\s+: )False/, '$1True'),
  'Get-InboundConnector.txt': IN_CERT,
});

// 18. German Windows: localized CAPI2 rendering, German NDR, German dates; codes unchanged.
add('german-windows-capi2-and-ndr', {
  description: 'A German EX01: the CAPI2 event carries RenderingInfo Culture de-DE and a German result text, the NDR reads "Generierender Server", Get-ExchangeCertificate prints NotAfter as 01.06.2027. The codes are the same: 800B0109 for the certificate the send log shows refused 5.7.64 in that second. C1 certain on EX01.',
  ...cause(C.C1, 'certain', [C.C2, C.C3, C.C4, C.C5, C.C7, C.C8, C.C10, C.C12], { nextServer: 'EX01' }),
}, {
  'CAPI2-EX01.xml': savedEvents([germanCapi2(ev30('EX01.contoso.com', '08:12:01.3990000Z', 'contoso-g1', 4711))]),
  'SEND20261120-1.log': sendLog(ex({ at: '08:12:01.102', cert: 'contoso-g1' })),
  'Unzustellbar Nachtsicherung.eml': germanNdr({ subject: 'Nachtsicherung' }),
  'Get-ExchangeCertificate.txt': germanExchangeCertificates([{ cert: 'contoso-g1', friendly: 'mail.contoso.com 2025' }, { cert: 'ex01-selfsigned', friendly: 'Microsoft Exchange', services: 'IMAP, POP, SMTP' }]),
  'Get-InboundConnector.txt': IN_CERT,
});

// 19. IIS log with a service restart (second header block) and the egress IP changing after it.
add('iis-log-restart-then-new-egress-ip', {
  description: 'RELAY01\'s IIS log has two header blocks (SMTPSVC restarted at 11:30 during an ISP failover): before, EOP greets the listed 203.0.113.20 and queues; after, it greets [198.51.100.77] and refuses scanner@contoso.com with 5.7.64. The queued sessions came from another source, so they are no counter-evidence: C3 certain.',
  ...cause(C.C3, 'certain', [C.C1, C.C2, C.C4, C.C5, C.C7, C.C8, C.C10, C.C12], { nextAction: 'fix' }),
}, {
  'ex261120.log': iisLog([iis({ at: '08:10:02', starttls: false, reply: '250 2.1.5 Recipient OK' }), iis({ at: '09:40:15', starttls: false, reply: '250 2.1.5 Recipient OK' })])
    + iisLog([iis({ at: '11:31:40', starttls: false, hello: '198.51.100.77' }), iis({ at: '11:52:03', starttls: false, hello: '198.51.100.77', from: 'printer7@contoso.com' })]),
  'Get-InboundConnector.txt': inboundConnectors([ipConnector(['203.0.113.20'])]), 'Get-AcceptedDomain.txt': ACCEPTED,
});

// 20. 12014 in transport.evtx: the renewal is not enabled for SMTP, no certificate goes out.
const sessionWithoutCert = (o) => ex(o);
add('exchange-12014-renewal-not-enabled-for-smtp', {
  description: 'After the renewal EX01 logs MSExchangeTransport 12014 (no certificate for mail.contoso.com) in a .evtx; Get-ExchangeCertificate shows the G2 certificate enabled for IIS only, and the send log shows STARTTLS with no "Sending certificate" lines, then 5.7.64. C6 certain: Enable-ExchangeCertificate -Services SMTP.',
  ...cause(C.C6, 'certain', [C.C1, C.C2, C.C3, C.C4, C.C5, C.C7, C.C10, C.C12], { nextAction: 'fix' }), notCertain: [C.C8],
}, {
  'transport.evtx': evtx([evtxExchange({ id: 12014, time: `${DAY}07:58:00.000Z`, recordId: 88410, computer: 'EX01.contoso.com', data: ['mail.contoso.com', 'Outbound to Office 365', 'mail.contoso.com'] })]),
  'SEND20261120-1.log': sendLog(sessionWithoutCert({ at: '08:12:01.102' }), sessionWithoutCert({ at: '08:42:01.102', from: 'hr@contoso.com' })),
  'Get-ExchangeCertificate.txt': exchangeCertificates([{ cert: 'contoso-g2', services: 'IIS' }, { cert: 'ex01-selfsigned', services: 'IMAP, POP, SMTP' }]),
  'Get-SendConnector.txt': sendConnector({ cert: 'contoso-g2' }), 'Get-InboundConnector.txt': IN_CERT,
});

// 21. IIS relay with ATTR35: the smart host is in the SMTPSVC settings (JSON).
add('iis-attr35-smarthost-smtpsvc-json', {
  description: 'IIS relay RELAY01 gets 451 4.4.62 ATTR35 on every delivery, and the collector\'s SMTPSVC.json shows SmartHost mail.messaging.microsoft.com (the legacy target). C12 certain: set the smart host to contoso-com.mail.protection.outlook.com.',
  ...cause(C.C12, 'certain', all(C.C12), { nextAction: 'fix' }),
}, {
  'ex261120.log': iisLog([iis({ at: '08:20:11', reply: R_ATTR35 }), iis({ at: '08:50:11', reply: R_ATTR35, from: 'printer7@contoso.com' })]),
  'SMTPSVC.json': outFileJson({ Name: 'SmtpSvc/1', ServerComment: '[SMTP Virtual Server #1]', FullyQualifiedDomainName: 'relay01.contoso.com', SmartHost: 'mail.messaging.microsoft.com', SmartHostType: 2, RemoteSmtpPort: 25, LogType: 1, LogFileDirectory: 'C:\\Windows\\System32\\LogFiles' }),
});

// 22. A leftover disabled connector beside the working one.
add('leftover-disabled-connector-beside-wildcard', {
  description: 'Two inbound connectors: an old disabled one for mail.contoso.com and the enabled OnPremises *.contoso.com that covers the certificate. The disabled one is noise (the enabled one matches), so not C7; lsass on EX01 logs 800B0109 for the certificate refused in that session: C1 certain.',
  ...cause(C.C1, 'certain', [C.C2, C.C3, C.C4, C.C5, C.C7, C.C8, C.C10, C.C12]),
}, {
  'Get-InboundConnector.txt': inboundConnectors([certConnector('mail.contoso.com', { name: 'Old on-premises connector 2021', enabled: false, source: 'Default' }), certConnector('*.contoso.com')]),
  'CAPI2-EX01.xml': savedEvents([ev30('EX01.contoso.com', '08:12:01.3990000Z', 'contoso-g1', 4712)]),
  'SEND20261120-1.log': sendLog(ex({ at: '08:12:01.102', cert: 'contoso-g1' })), 'Get-AcceptedDomain.txt': ACCEPTED,
});

// 23. Revocation offline is no chain failure.
add('revocation-offline-event-not-certificate-invalid', {
  description: 'EX01\'s only CAPI2 event for the sent certificate is a revocation-offline chain (80092013; the chain itself reaches the root); the session is refused 5.7.64. Revocation is ignored by the SSL policy, so it is neither C10 nor proof of C1: the refused certificate session with a matching connector stays C1 likely.',
  ...cause(C.C1, 'likely', [C.C2, C.C3, C.C4, C.C5, C.C7, C.C8, C.C10, C.C12]),
}, {
  'CAPI2-EX01.xml': savedEvents([capi2Event11Xml({ computer: 'EX01.contoso.com', time: `${DAY}08:12:01.3000000Z`, record: 5101, cert: 'contoso-g1' })]),
  'SEND20261120-1.log': sendLog(ex({ at: '08:12:01.102', cert: 'contoso-g1' })),
  'mail.contoso.com-chain.p7b': p7b(['contoso-g1', 'ca-g1']), 'Get-InboundConnector.txt': IN_CERT, 'Get-AcceptedDomain.txt': ACCEPTED,
});

// ───────────── write ─────────────
const rows = [];
for (const s of scenarios) {
  const dir = join(ROOT, s.name);
  rmSync(dir, { recursive: true, force: true });
  for (const [rel, content] of Object.entries(s.files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), content);
  }
  mkdirSync(join(dir, '_args'), { recursive: true });
  writeFileSync(join(dir, '_args', 'root.pem'), pem('root-r1'));
  const args = { at: s.args.at ?? AT, trust: ['root.pem'] };
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
const readmePath = join(ROOT, 'README.md');
const readme = readFileSync(readmePath, 'utf8');
const head = readme.includes(MORE_MARK) ? readme.slice(0, readme.indexOf(MORE_MARK)) : readme.replace(/\n*$/, '\n\n');
writeFileSync(readmePath, head + MORE_MARK + '\n\n'
  + 'Written by `_pki/make-more-scenarios.mjs` (run on its own, or by make-scenarios.mjs after the first set): the\n'
  + 'collector\'s zip, CAPI2 and transport .evtx, ConvertTo-Json and Export-Clixml cmdlet output, a German server, the\n'
  + 'FrontEnd proxy path, an Exchange Online NDR and message trace, noise that must stay healthy, contradictory and\n'
  + 'time-shifted evidence. `args.at` is 2026-11-20T10:00:00Z unless the scenario says otherwise.\n\n'
  + '| folder | what it shows | expected lead / confidence (or status) | exit |\n|---|---|---|---|\n' + rows.join('\n') + '\n');
console.log(`${scenarios.length} more scenarios written`);
