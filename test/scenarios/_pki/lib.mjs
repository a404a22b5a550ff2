// Writers for evidence exactly as Windows, Exchange and IIS produce it (domain.md §3.3, §4, §5.1, §5.2, §6),
// used by make-scenarios.mjs. Nothing here runs at test time.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
export const PKI = JSON.parse(readFileSync(join(HERE, 'pki.json'), 'utf8'));
export const pem = (name) => readFileSync(join(HERE, 'certs', `${name}.pem`), 'utf8');
export const der = (name) => readFileSync(join(HERE, 'certs', `${name}.cer`));
export const key = (name) => readFileSync(join(HERE, 'keys', `${name}.key`), 'utf8');

export const EOP_HOST = 'SN1NAM02FT012';
export const EOP_FQDN = `${EOP_HOST}.mail.protection.outlook.com`;
export const EOP_IP = '52.101.68.3';
export const R_5764 = `550 5.7.64 TenantAttribution; Relay Access Denied [${EOP_HOST}.eop-nam02.prod.protection.outlook.com]`;
export const R_ATTR36 = '550 5.7.64 Relay Access Denied ATTR36. For more details please refer to: https://support.microsoft.com/kb/3169958';
export const R_ATTR35 = '451 4.4.62 Mail sent to the wrong Office 365 region. ATTR35. For more information please go to https://go.microsoft.com/fwlink/?LinkId=526653';

const CRLF = '\r\n';
const csv = (v) => (/[",]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const rfc2822 = (ms) => {
  const d = new Date(ms);
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d.getUTCDay()];
  const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()];
  const p = (n) => String(n).padStart(2, '0');
  return `${day}, ${p(d.getUTCDate())} ${mon} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
};

/**
 * One SmtpSend session to EOP. o.cert: a PKI name (its "Sending certificate" lines are written), o.tlsError:
 * 'NoCredentials' | 'SocketError', o.starttls false: no STARTTLS issued, o.reply: EOP's answer to RCPT TO
 * (a 250 means the message is then queued).
 */
export function exSession(o) {
  const {
    sid, at, local = '10.0.0.25', lport = 50000 + (parseInt(sid.slice(-3), 16) % 9000), remote = `${EOP_IP}:25`,
    connector = 'Outbound to Office 365', ehlo = 'mail.contoso.com', hello = '203.0.113.10', banner = EOP_HOST,
    starttls = true, cert = null, tlsError = null, from = 'alerts@contoso.com', to = 'someone@fabrikam.com', reply = R_5764,
    size = 18344, server = 'EX01',
  } = o;
  let t = Date.parse(at);
  let seq = 0;
  const lines = [];
  const add = (ev, data = '', ctx = '', gap = 1, loc = `${local}:${lport}`) => {
    t += gap;
    lines.push([new Date(t).toISOString(), csv(connector), sid, String(seq++), loc, remote, ev, csv(data), csv(ctx)].join(','));
  };
  add('*', '', 'attempting to connect', 0, '');
  add('+', '', '', 71);
  add('<', `220 ${banner}.mail.protection.outlook.com Microsoft ESMTP MAIL Service ready at ${rfc2822(t)}`, '', 69);
  add('>', `EHLO ${ehlo}`);
  const caps = 'SIZE 157286400 PIPELINING DSN ENHANCEDSTATUSCODES STARTTLS 8BITMIME BINARYMIME CHUNKING SMTPUTF8';
  add('<', `250-${banner}.mail.protection.outlook.com Hello [${hello}] ${caps}`, '', 70);
  if (starttls) {
    add('>', 'STARTTLS');
    add('<', '220 2.0.0 SMTP server ready', '', 68);
    if (cert) {
      const c = PKI[cert];
      add('*', '', 'Sending certificate', 1);
      add('*', c.subject, 'Certificate subject', 0);
      add('*', c.issuer, 'Certificate issuer name', 0);
      add('*', c.serial, 'Certificate serial number', 0);
      add('*', c.thumbprint, 'Certificate thumbprint', 0);
      add('*', c.dns.join(';'), 'Certificate alternate names', 0);
    }
    if (tlsError) {
      add('*', '', `TLS negotiation failed with error ${tlsError}`, 3);
      add('-', '', 'Local', 1);
      return lines;
    }
    add('*', '', 'TLS protocol SP_PROT_TLS1_2_CLIENT negotiation succeeded using bulk encryption algorithm CALG_AES_256 with strength 256 bits, MAC hash algorithm CALG_SHA_384 with strength 384 bits and key exchange algorithm CALG_ECDH_EPHEM with strength 384 bits', 38);
    add('>', `EHLO ${ehlo}`);
    add('<', `250-${banner}.mail.protection.outlook.com Hello [${hello}] SIZE 157286400 PIPELINING DSN ENHANCEDSTATUSCODES 8BITMIME BINARYMIME CHUNKING SMTPUTF8 XRDST`, '', 69);
  }
  const msgId = `08DEC7${sid.slice(-10)}`;
  add('*', `${msgId};${new Date(t - 2400).toISOString()};1`, 'sending message', 1);
  add('>', `MAIL FROM:<${from}> SIZE=${size}`);
  add('>', `RCPT TO:<${to}>`, '', 0);
  add('<', '250 2.1.0 Sender OK', '', 71);
  add('<', reply, '', 1);
  if (reply.startsWith('250')) {
    add('>', `BDAT ${size} LAST`, '', 1);
    const internal = String(BigInt('0x' + sid.slice(-8)) * 3761n + 4398046511104n);
    add('<', `250 2.6.0 <${sid.toLowerCase().slice(-12)}.${server}@${server}.contoso.com> [InternalId=${internal}, Hostname=${banner}.eop-nam02.prod.protection.outlook.com] ${size + 1420} bytes in 0.212, 90.971 KB/sec Queued mail for delivery`, '', 212);
  }
  add('>', 'QUIT', '', 1);
  add('<', '221 2.0.0 Service closing transmission channel', '', 68);
  add('-', '', 'Local', 1);
  return lines;
}

export function exSendLog(sessions, { version = '15.2.1544.11' } = {}) {
  const first = sessions[0]?.[0]?.slice(0, 24) ?? '2026-11-20T00:00:00.000Z';
  const head = [
    '#Software: Microsoft Exchange Server',
    `#Version: ${version}`,
    '#Log-Type: SMTP Send Protocol Log',
    `#Date: ${first.slice(0, 11)}${first.slice(11, 13)}:00:00.000Z`,
    '#Fields: date-time,connector-id,session-id,sequence-number,local-endpoint,remote-endpoint,event,data,context',
  ];
  return [...head, ...sessions.flat()].join(CRLF) + CRLF;
}

/** IIS SMTP (SMTPSVC) W3C extended log lines for one outbound session to EOP (domain.md §5.2 layout). */
export function iisSession(o) {
  const {
    at, computer = 'RELAY01', eop = EOP_IP, ehlo = 'relay01.contoso.com', hello = '203.0.113.20', showHello = true,
    starttls = true, from = 'scanner@contoso.com', to = 'someone@fabrikam.com', reply = R_5764, size = 20511,
    inbound = { ip: '10.0.0.60', name: 'scanner01' },
  } = o;
  let t = Date.parse(at);
  const lines = [];
  const stamp = () => new Date(t).toISOString().slice(0, 19).replace('T', ' ');
  const q = (s) => s.replace(/ /g, '+');
  if (inbound) {
    const l = (verb, query, status, gap = 0) => {
      t += gap;
      lines.push(`${stamp()} ${inbound.ip} ${inbound.name} SMTPSVC1 ${computer} 10.0.0.30 0 ${verb} - ${query} ${status} 0 40 20 0 SMTP - - - -`);
    };
    t -= 14000;
    l('EHLO', `+${inbound.name}`, 250);
    l('MAIL', `+FROM:<${from}>`, 250);
    l('RCPT', `+TO:<${to}>`, 250);
    l('DATA', `+<${computer}${(t % 99991).toString(16)}@relay01.contoso.com>`, 250, 1000);
    l('QUIT', inbound.name, 240);
    t += 13000;
  }
  const out = (kind, verb, query, bytes, taken, gap = 0) => {
    t += gap;
    lines.push(`${stamp()} ${eop} OutboundConnection${kind} SMTPSVC1 ${computer} - 25 ${verb} - ${query} 0 0 ${bytes} 0 ${taken} SMTP - - - -`);
  };
  out('Response', '-', q(`220 ${EOP_FQDN} Microsoft ESMTP MAIL Service ready at ${rfc2822(t)}`), 96, 62);
  out('Command', 'EHLO', ehlo, 4, 62);
  if (showHello) out('Response', '-', q(`250-${EOP_FQDN} Hello [${hello}]`), 64, 62);
  if (starttls) {
    out('Command', 'STARTTLS', '-', 8, 62);
    out('Response', '-', q('220 2.0.0 SMTP server ready'), 27, 78);
    out('Command', 'EHLO', ehlo, 4, 94);
    if (showHello) out('Response', '-', q(`250-${EOP_FQDN} Hello [${hello}]`), 64, 94);
  }
  out('Command', 'MAIL', `FROM:<${from}>+SIZE=${size}`, 4, 140, 1000);
  out('Response', '-', q('250 2.1.0 Sender OK'), 20, 140);
  out('Command', 'RCPT', `TO:<${to}>`, 4, 156);
  out('Response', '-', q(reply), reply.length, 218);
  if (reply.startsWith('250')) {
    out('Command', 'DATA', '-', 4, 218);
    out('Response', '-', q('354 Start mail input; end with <CRLF>.<CRLF>'), 46, 218);
    out('Response', '-', q(`250 2.6.0 <RELAY01${(t % 65521).toString(16)}@relay01.contoso.com> [InternalId=${4398046511104 + (t % 1000003)}, Hostname=${EOP_HOST}.eop-nam02.prod.protection.outlook.com] Queued mail for delivery`), 160, 421, 1000);
  }
  out('Command', 'QUIT', '-', 4, 421);
  return lines;
}

export function iisLog(sessions) {
  const first = sessions[0]?.[0] ?? '2026-11-20 00:00:00';
  return [
    '#Software: Microsoft Internet Information Services 10.0',
    '#Version: 1.0',
    `#Date: ${first.slice(0, 19)}`,
    '#Fields: date time c-ip cs-username s-sitename s-computername s-ip s-port cs-method cs-uri-stem cs-uri-query sc-status sc-win32-status sc-bytes cs-bytes time-taken cs-version cs-host cs(User-Agent) cs(Cookie) cs(Referer)',
    ...sessions.flat(),
  ].join(CRLF) + CRLF;
}

let guid = 0x3a7c;
const nextGuid = () => {
  guid += 0x1111;
  const h = guid.toString(16).toUpperCase().padStart(4, '0');
  return `{${h}8A93-3D34-49D1-8030-8513DE8E${h}}`;
};

/** CAPI2 event 30 (CertVerifyCertificateChainPolicy, CERT_CHAIN_POLICY_SSL) as Event Viewer writes it. */
export function capi2Event30({ computer, time, record, thumbprint, subjectName, result = '800B0109', pid = 712, tid = 1996 }) {
  const text = {
    '800B0109': 'A certificate chain processed, but terminated in a root certificate which is not trusted by the trust provider.',
    '800B010A': 'A certificate chain could not be built to a trusted root authority.',
    '800B0101': 'A required certificate is not within its validity period when verifying against the current system clock or the timestamp in the signed file.',
  }[result];
  return `<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event">
  <System>
    <Provider Name="Microsoft-Windows-CAPI2" Guid="{5bbca4a8-b209-48dc-a8c7-b23d3e5216fb}" />
    <EventID>30</EventID>
    <Version>0</Version>
    <Level>2</Level>
    <Task>30</Task>
    <Opcode>0</Opcode>
    <Keywords>0x4000000000000001</Keywords>
    <TimeCreated SystemTime="${time}" />
    <EventRecordID>${record}</EventRecordID>
    <Correlation />
    <Execution ProcessID="${pid}" ThreadID="${tid}" />
    <Channel>Microsoft-Windows-CAPI2/Operational</Channel>
    <Computer>${computer}</Computer>
    <Security UserID="S-1-5-18" />
  </System>
  <UserData>
    <CertVerifyCertificateChainPolicy>
      <Policy type="CERT_CHAIN_POLICY_SSL" constant="4" />
      <Certificate fileRef="${thumbprint}.cer" subjectName="${subjectName}" />
      <CertificateChain chainRef="${nextGuid()}" />
      <Flags value="0" />
      <SSLAdditionalPolicyInfo authType="server">
        <IgnoreFlags value="280" SECURITY_FLAG_IGNORE_REVOCATION="true" SECURITY_FLAG_IGNORE_WRONG_USAGE="true" />
      </SSLAdditionalPolicyInfo>
      <Status chainIndex="0" elementIndex="-1" />
      <EventAuxInfo ProcessName="lsass.exe" impersonateToken="S-1-5-18" />
      <CorrelationAuxInfo TaskId="${nextGuid()}" SeqNumber="1" />
      <Result value="${result}">${text}</Result>
    </CertVerifyCertificateChainPolicy>
  </UserData>
</Event>`;
}

/** Event Viewer "Save Selected Events… (XML)": one <Events> root. */
export const savedEvents = (events) => `<?xml version="1.0" encoding="utf-8"?>\r\n<Events>\r\n${events.join('\r\n')}\r\n</Events>\r\n`;
/** `wevtutil qe … /f:xml` output: a run of <Event> elements, no root element. */
export const wevtutilEvents = (events) => events.map((e) => e.replace(/\n\s*/g, '')).join('\r\n') + '\r\n';

export function exchangeEvent({ provider = 'MSExchangeTransport', id, level = 2, qualifiers = 49156, time, record, computer, data, message }) {
  return `<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System><Provider Name="${provider}" /><EventID Qualifiers="${qualifiers}">${id}</EventID><Version>0</Version><Level>${level}</Level><Task>12</Task><Opcode>0</Opcode><Keywords>0x80000000000000</Keywords><TimeCreated SystemTime="${time}" /><EventRecordID>${record}</EventRecordID><Correlation /><Execution ProcessID="0" ThreadID="0" /><Channel>Application</Channel><Computer>${computer}</Computer><Security /></System><EventData>${data.map((d) => `<Data>${d}</Data>`).join('')}</EventData>${message ? `<RenderingInfo Culture="en-US"><Message>${message}</Message><Level>${level === 2 ? 'Error' : 'Warning'}</Level><Task>TransportService</Task><Keywords><Keyword>Classic</Keyword></Keywords><Channel>Application</Channel><Provider>${provider}</Provider></RenderingInfo>` : ''}</Event>`;
}

/** An on-premises Exchange NDR (.eml), multipart/report with the readable part and message/delivery-status. */
export function ndrEml({ server = 'EX01.contoso.com', at, sender = 'alerts@contoso.com', rcpt = 'someone@fabrikam.com', reply = R_5764, subject = 'Nightly backup report', remote = 'contoso-com.mail.protection.outlook.com' }) {
  const ms = Date.parse(at);
  const b = `_000_${server.replace(/\W/g, '')}${(ms % 1e9).toString(16)}_`;
  const status = reply.match(/\d\.\d{1,3}\.\d{1,3}/)?.[0] ?? '5.0.0';
  const host = server.split('.')[0];
  const qp = (s) => s.replace(/(.{72})/g, '$1=\r\n');
  return [
    `From: Microsoft Outlook <MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@contoso.com>`,
    `To: <${sender}>`,
    `Date: ${rfc2822(ms + 2000)}`,
    `Subject: Undeliverable: ${subject}`,
    `Message-ID: <${(ms % 0xffffffff).toString(16)}-ndr@${server}>`,
    `Auto-Submitted: auto-replied`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/report; report-type=delivery-status;\r\n\tboundary="${b}"`,
    'Content-Language: en-US',
    'X-MS-Exchange-Organization-SCL: -1',
    '',
    `--${b}`,
    'Content-Type: text/plain; charset="us-ascii"',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    'Delivery has failed to these recipients or groups:',
    '',
    `${rcpt}<mailto:${rcpt}>`,
    'The remote server refused to relay your message.',
    '',
    'Diagnostic information for administrators:',
    '',
    `Generating server: ${server}`,
    '',
    rcpt,
    remote,
    qp(`Remote Server returned '${reply}'`),
    '',
    'Original message headers:',
    '',
    `Received: from ${server} (10.0.0.25) by ${server} (10.0.0.25) with Microsoft SMTP Server (version=TLS1_2, cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 15.2.1544.11; ${rfc2822(ms - 1000)}`,
    `From: ${sender}`,
    `To: ${rcpt}`,
    `Subject: ${subject}`,
    '',
    `--${b}`,
    'Content-Type: message/delivery-status',
    '',
    `Reporting-MTA: dns;${server}`,
    `Received-From-MTA: dns;${server}`,
    `Arrival-Date: ${rfc2822(ms - 1000)}`,
    '',
    `Final-Recipient: rfc822;${rcpt}`,
    'Action: failed',
    `Status: ${status}`,
    `Remote-MTA: dns;${remote}`,
    `Diagnostic-Code: smtp;${reply}`,
    `X-Display-Name: ${rcpt}`,
    '',
    `--${b}`,
    'Content-Type: text/rfc822-headers',
    '',
    `Received: from ${host.toLowerCase()}.contoso.com by ${server}; ${rfc2822(ms - 1000)}`,
    `From: ${sender}`,
    `To: ${rcpt}`,
    `Subject: ${subject}`,
    `Date: ${rfc2822(ms - 1200)}`,
    '',
    `--${b}--`,
    '',
  ].join('\r\n');
}

/** What an admin pastes from Outlook's NDR: the "Diagnostic information for administrators" block. */
export const pastedNdr = ({ server, rcpt = 'someone@fabrikam.com', reply = R_5764, remote = 'contoso-com.mail.protection.outlook.com' }) =>
  ['Diagnostic information for administrators:', '', `Generating server: ${server}`, '', rcpt, remote, `Remote Server returned '${reply}'`, ''].join('\r\n');

const fl = (rows) => {
  const w = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => wrapFl(`${k.padEnd(w)} : ${v}`, w + 3)).join('\r\n');
};
/**
 * PowerShell's Format-List wraps a long value at the console width (120) with the value column's indent,
 * breaking at the last space that fits (the space itself is dropped), or hard when a word is longer than a line.
 */
function wrapFl(line, indent) {
  const width = 119;
  const lines = [];
  let rest = line;
  let room = width;
  let minCut = indent; // never break inside the label
  while (rest.length > room) {
    const space = rest.lastIndexOf(' ', room);
    const soft = space > minCut;
    lines.push(rest.slice(0, soft ? space : room));
    rest = rest.slice(soft ? space + 1 : room);
    room = width - indent;
    minCut = 0;
  }
  lines.push(rest);
  return lines.map((l, i) => (i === 0 ? l : ' '.repeat(indent) + l)).join('\r\n');
}
const set = (xs) => `{${xs.join(', ')}}`;

/** Get-InboundConnector | Format-List (Exchange Online PowerShell). */
export function inboundConnectors(list) {
  return '\r\n' + list.map((c) => fl([
    ['RunspaceId', '5c1e7a52-3d4b-4f0e-9a61-2f8d7e6c5b41'],
    ['Enabled', c.enabled === false ? 'False' : 'True'],
    ['ConnectorType', c.type ?? 'OnPremises'],
    ['ConnectorSource', c.source ?? (c.tlsName ? 'HybridWizard' : 'Default')],
    ['Comment', c.comment ?? ''],
    ['SenderIPAddresses', set(c.ips ?? [])],
    ['SenderDomains', set(['smtp:*;1'])],
    ['AssociatedAcceptedDomains', '{}'],
    ['TrustedOrganizations', '{}'],
    ['RequireTls', c.requireTls ?? Boolean(c.tlsName) ? 'True' : 'False'],
    ['RestrictDomainsToIPAddresses', 'False'],
    ['RestrictDomainsToCertificate', 'False'],
    ['CloudServicesMailEnabled', c.tlsName ? 'True' : 'False'],
    ['TreatMessagesAsInternal', 'False'],
    ['TlsSenderCertificateName', c.tlsName ?? ''],
    ['DetectSenderIPBySkippingLastIP', 'False'],
    ['DetectSenderIPBySkippingTheseIPs', '{}'],
    ['DetectSenderIPRecipientList', '{}'],
    ['ScanAndDropRecipients', '{}'],
    ['EFTestMode', 'False'],
    ['EFSkipLastIP', 'False'],
    ['EFSkipIPs', '{}'],
    ['EFSkipMailGateway', '{}'],
    ['EFUsers', '{}'],
    ['Identity', c.name],
    ['Id', c.name],
    ['IsValid', 'True'],
    ['ExchangeVersion', '0.1 (8.0.535.0)'],
    ['Name', c.name],
    ['DistinguishedName', `CN=${c.name},CN=Transport Settings,CN=Configuration,CN=contoso.onmicrosoft.com,CN=ConfigurationUnits,DC=NAMPR02A004,DC=PROD,DC=OUTLOOK,DC=COM`],
    ['WhenChanged', c.changed ?? '10/16/2026 9:14:51 AM'],
    ['WhenCreated', c.created ?? '11/7/2021 3:02:12 PM'],
  ])).join('\r\n\r\n') + '\r\n\r\n';
}
export const HCW_NAME = 'Inbound from 8f3b2a1c-4d5e-4f60-8a7b-9c0d1e2f3a4b';
export const certConnector = (tlsName = 'mail.contoso.com', extra = {}) => ({ name: HCW_NAME, tlsName, ...extra });
export const ipConnector = (ips = ['203.0.113.20'], extra = {}) => ({ name: 'RELAY01 scanners by IP', ips, comment: 'Scanners and line-of-business apps through RELAY01', ...extra });

/** Get-SendConnector "<name>" | Format-List (Exchange 2019). */
export function sendConnector(o = {}) {
  const c = o.cert ? PKI[o.cert] : null;
  const tlsName = o.tlsCertificateName ?? (c ? `<I>${c.issuer}<S>${c.subject}` : '');
  const smart = o.smartHosts ?? ['contoso-com.mail.protection.outlook.com'];
  return '\r\n' + fl([
    ['AddressSpaces', '{smtp:*;1}'],
    ['AuthenticationCredential', ''],
    ['CloudServicesMailEnabled', 'True'],
    ['Comment', ''],
    ['ConnectedDomains', '{}'],
    ['ConnectionInactivityTimeOut', '00:10:00'],
    ['ConnectorType', 'XPremises'],
    ['DNSRoutingEnabled', 'False'],
    ['DomainSecureEnabled', 'False'],
    ['Enabled', 'True'],
    ['ErrorPolicies', 'Default'],
    ['ForceHELO', 'False'],
    ['Fqdn', o.fqdn ?? 'mail.contoso.com'],
    ['FrontendProxyEnabled', 'False'],
    ['HomeMTA', 'Microsoft MTA'],
    ['HomeMtaServerId', (o.servers ?? ['EX01'])[0]],
    ['Identity', o.name ?? 'Outbound to Office 365'],
    ['IgnoreSTARTTLS', o.ignoreStartTls ? 'True' : 'False'],
    ['IsScopedConnector', 'False'],
    ['IsSmtpConnector', 'True'],
    ['MaxMessageSize', '35 MB (36,700,160 bytes)'],
    ['Name', o.name ?? 'Outbound to Office 365'],
    ['Port', '25'],
    ['ProtocolLoggingLevel', 'Verbose'],
    ['RequireOorg', 'False'],
    ['RequireTLS', o.ignoreStartTls ? 'False' : 'True'],
    ['SmartHostAuthMechanism', 'None'],
    ['SmartHosts', set(smart)],
    ['SmartHostsString', smart.join(',')],
    ['SmtpMaxMessagesPerConnection', '20'],
    ['SourceIPAddress', '0.0.0.0'],
    ['SourceRoutingGroup', 'Exchange Routing Group (DWBGZMFD01QNBJR)'],
    ['SourceTransportServers', set(o.servers ?? ['EX01'])],
    ['TlsAuthLevel', o.ignoreStartTls ? '' : 'CertificateValidation'],
    ['TlsCertificateName', tlsName],
    ['TlsDomain', ''],
    ['UseExternalDNSServersEnabled', 'False'],
  ]) + '\r\n\r\n';
}

const usDate = (iso) => {
  const d = new Date(iso);
  let h = d.getUTCHours();
  const ap = h >= 12 ? 'PM' : 'AM';
  h = h % 12 || 12;
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} ${h}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} ${ap}`;
};

/** Get-ExchangeCertificate | Format-List FriendlyName,Subject,Issuer,Thumbprint,NotAfter,Services,CertificateDomains,IsSelfSigned,HasPrivateKey */
export function exchangeCertificates(list) {
  return '\r\n' + list.map((e) => {
    const c = PKI[e.cert];
    return fl([
      ['FriendlyName', e.friendly ?? (e.cert === 'ex01-selfsigned' ? 'Microsoft Exchange' : `${c.cn} ${c.notBefore.slice(0, 4)}`)],
      ['Subject', c.subject],
      ['Issuer', c.issuer],
      ['Thumbprint', c.thumbprint],
      ['NotAfter', usDate(c.notAfter)],
      ['Services', e.services ?? 'IMAP, POP, IIS, SMTP'],
      ['CertificateDomains', set(c.dns)],
      ['IsSelfSigned', c.subject === c.issuer ? 'True' : 'False'],
      ['HasPrivateKey', e.hasKey === false ? 'False' : 'True'],
    ]);
  }).join('\r\n\r\n') + '\r\n\r\n';
}

/** Get-AcceptedDomain (default table). */
export function acceptedDomains(domains = ['contoso.com', 'contoso.onmicrosoft.com', 'contoso.mail.onmicrosoft.com']) {
  const row = (a, b, c, d) => `${a.padEnd(31)}${b.padEnd(31)}${c.padEnd(22)}${d}`;
  return ['', row('Name', 'DomainName', 'DomainType', 'Default'), row('----', '----------', '----------', '-------'),
    ...domains.map((d, i) => row(d, d, d.endsWith('.mail.onmicrosoft.com') ? 'InternalRelay' : 'Authoritative', i === 0 ? 'True' : 'False')), '', ''].join('\r\n');
}
