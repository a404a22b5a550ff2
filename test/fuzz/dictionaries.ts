/** Tokens that steer mutations into the parts of each format that make decisions. Keyed by reader id prefix. */
const TEXT: Record<string, readonly string[]> = {
  'x509.': ['-----BEGIN CERTIFICATE-----\n', '-----END CERTIFICATE-----\n', '-----BEGIN PKCS7-----\n', '-----END PKCS7-----\n', 'Bag Attributes\n', '\r\n', '=', 'MII', 'AAAA'],
  'eventlog.xml': ['<!DOCTYPE e [<!ENTITY a "aaaaaaaaaa">]>', '<!ENTITY x SYSTEM "file:///etc/passwd">', '&a;', '&x;', '<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event">', '</Event>', '<System>', '</System>', '<EventData>', '<Data Name="Result">', '</Data>', '<![CDATA[', ']]>', '<?xml version="1.0" encoding="utf-16"?>', '&#x0;', '&#65;', '<a>', '</a>', '"', '<EventID>30</EventID>', '<Events>', '</Events>'],
  'eventlog.evtx': ['ElfFile\u0000', 'ElfChnk\u0000', '**\u0000\u0000'],
  'smtp.': ['#Fields: ', '#Log-Type: SMTP Send Protocol Log\r\n', ',', '"', '""', '\r\n', '\n', '>', '<', '*', 'STARTTLS', '550 5.7.64 TenantAttribution; Relay Access Denied', 'Content-Type: multipart/report; boundary="b"\r\n', '--b\r\n', '--b--\r\n', 'Content-Transfer-Encoding: base64\r\n', '=?utf-8?B?', '?=', 'Status: 5.7.64\r\n', 'Diagnostic-Code: smtp; ', 'Reporting-MTA: dns; ', 'OutboundConnectionCommand', 'OutboundConnectionResponse', '08D8', 'SMTPSVC1'],
  'settings.': ['<Objs Version="1.1.0.1" xmlns="http://schemas.microsoft.com/powershell/2004/04">', '<Obj RefId="0">', '</Obj>', '<MS>', '</MS>', '<LST>', '</LST>', '<S N="TlsSenderCertificateName">', '</S>', '<Ref RefId="0" />', '<!DOCTYPE x [<!ENTITY e "eeeeeeee">]>', '&e;', '{', '}', '[', ']', '"TlsSenderCertificateName": ', '"ConnectorType": "OnPremises"', 'Name : ', 'SenderIPAddresses : {10.0.0.1, 10.0.0.2}', '----', '\r\n', '...', 'TlsCertificateName : <I>CN=x<S>CN=y'],
  zip: ['PK\u0003\u0004', 'PK\u0001\u0002', 'PK\u0005\u0006', 'PK\u0006\u0006', '../', '/etc/passwd', 'C:\\', '\\..\\'],
};

const BINARY: Record<string, readonly number[][]> = {
  'x509.': [[0x30, 0x82], [0x30, 0x80], [0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02], [0xa0, 0x84, 0xff, 0xff, 0xff, 0xff], [0x02, 0x01, 0x03], [0x04, 0x00], [0x00, 0x00]],
  'eventlog.evtx': [[0x0f, 0x01, 0x01, 0x00], [0x0c], [0x0d], [0x0e], [0x01, 0xff, 0xff], [0x41, 0xff, 0xff], [0x21], [0x00, 0x00, 0x00, 0x00]],
};

export function dictionaryFor(readerId: string): Uint8Array[] {
  const enc = new TextEncoder();
  const out: Uint8Array[] = [];
  for (const [prefix, tokens] of Object.entries(TEXT)) if (readerId.startsWith(prefix)) out.push(...tokens.map((t) => enc.encode(t)));
  for (const [prefix, tokens] of Object.entries(BINARY)) if (readerId.startsWith(prefix)) out.push(...tokens.map((t) => Uint8Array.from(t)));
  return out;
}
