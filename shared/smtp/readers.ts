/** The SMTP evidence readers, for the engine's registry. */
export { exchangeProtocolLogReader } from './exchange/reader';
export { iisSmtpLogReader } from './iis/reader';
export { ndrReader } from './ndr/reader';
