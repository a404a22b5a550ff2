import type { Reader } from '../model/reader';
import { CERTIFICATE_READERS } from '../x509/readers';
import { zipReader } from '../zip/zip-reader';
import { evtxReader, eventXmlReader } from '../eventlog/readers';
import { exchangeProtocolLogReader, iisSmtpLogReader, ndrReader } from '../smtp/readers';
import { settingsReader } from '../settings/reader';

/**
 * The registry of every input format Relay Doctor reads. Each area registers its readers here, grouped by
 * source; order does not matter (the engine asks every reader to sniff).
 */
export const READERS: readonly Reader[] = [
  // Certificates: DER, PEM, PKCS#7, PKCS#12, SST (shared/x509)
  ...CERTIFICATE_READERS,
  // Windows events: .evtx and Event Viewer XML (shared/eventlog)
  evtxReader,
  eventXmlReader,
  // SMTP: Exchange protocol logs, IIS SMTP logs, NDRs (shared/smtp)
  exchangeProtocolLogReader,
  iisSmtpLogReader,
  ndrReader,
  // Settings: Get-InboundConnector / Get-SendConnector / Get-ExchangeCertificate / Get-AcceptedDomain (shared/settings)
  settingsReader,
  // Containers: zip (shared/zip)
  zipReader,
];
