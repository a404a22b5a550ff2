import type { Reader } from '../model/reader';
import type { InputFile, InputWarning } from '../model/input';
import { err, ok } from '../result';
import { decodeText, headText } from '../smtp/text';
import { classify } from './classify';
import type { RawRecord } from './record';
import type { SettingsEvidence } from './types';
import { looksLikeClixml, parseClixml } from './formats/clixml';
import { looksLikeFormatList, parseFormatList } from './formats/format-list';
import { looksLikeFormatTable, parseFormatTable } from './formats/format-table';
import { looksLikeJson, parseJson } from './formats/json';

type Format = SettingsEvidence['format'];

/** Property names that only the four cmdlets' output contains. */
const SETTINGS_WORDS =
  /\b(TlsSenderCertificateName|SenderIPAddresses|ConnectorType|RestrictDomainsToCertificate|TlsCertificateName|SmartHosts|AddressSpaces|TlsAuthLevel|Thumbprint|CertificateDomains|HasPrivateKey|DomainName|DomainType|SmartHost|StatusInformation)\b|relay-doctor collect-evidence/i;

function formatOf(head: string): Format | undefined {
  if (looksLikeClixml(head)) return 'clixml';
  if (!SETTINGS_WORDS.test(head)) return undefined;
  if (looksLikeJson(head)) return 'json';
  if (looksLikeFormatList(head)) return 'list';
  if (looksLikeFormatTable(head)) return 'table';
  return undefined;
}

/** Get-InboundConnector, Get-SendConnector, Get-ExchangeCertificate, Get-AcceptedDomain output (issue 5 §4). */
export const settingsReader: Reader = {
  id: 'settings.cmdletOutput',
  kind: 'settings',
  sniff(input) {
    const head = headText(input.bytes, 64 * 1024);
    const format = formatOf(head);
    if (!format) return 0;
    if (format === 'clixml') return SETTINGS_WORDS.test(head) || /Exchange/i.test(head) ? 9 : 5;
    return format === 'table' ? 6 : 8;
  },
  async read(input, options) {
    const text = decodeText(input.bytes);
    const format = formatOf(text.slice(0, 64 * 1024));
    if (!format) return err({ code: 'input.unrecognized' });
    let records: RawRecord[];
    if (format === 'clixml') {
      const parsed = parseClixml(text, options.limits.maxXmlDepth);
      if (!parsed.ok) {
        return err(parsed.code === 'input.tooDeep' ? { code: parsed.code, params: { limit: options.limits.maxXmlDepth } } : { code: parsed.code });
      }
      records = parsed.records;
    } else if (format === 'json') {
      const parsed = parseJson(text);
      if (!parsed) return err({ code: 'input.damaged' });
      records = parsed;
    } else records = format === 'list' ? parseFormatList(text) : parseFormatTable(text);
    return ok(toOutput(input, format, records));
  },
};

function toOutput(input: InputFile, format: Format, records: readonly RawRecord[]) {
  // Text output points at its line; JSON and CLIXML at the object index.
  const c = classify(
    records,
    (r) => (format === 'list' || format === 'table' ? `${input.name}#L${r.position}` : `${input.name}#record:${r.position}`),
    input.name,
  );
  const evidence: SettingsEvidence = {
    kind: 'settings',
    id: `settings:${input.name}`,
    source: input.name,
    format,
    inboundConnectors: c.inboundConnectors,
    sendConnectors: c.sendConnectors,
    exchangeCertificates: c.exchangeCertificates,
    acceptedDomains: c.acceptedDomains,
    ...(c.manifests.length ? { manifests: c.manifests } : {}),
    ...(c.localChains.length ? { localChains: c.localChains } : {}),
  };
  const items = records.length - c.unknown;
  const warnings: InputWarning[] = [];
  if (c.unknown > 0) warnings.push({ code: 'settings.warning.unknownRecords', params: { count: c.unknown } });
  const truncated = records.filter((r) => r.truncated).length;
  if (truncated > 0) warnings.push({ code: 'settings.warning.truncatedLists', params: { count: truncated } });
  return { evidence: [evidence], items, ...(warnings.length ? { warnings } : {}) };
}
