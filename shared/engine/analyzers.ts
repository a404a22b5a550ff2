import type { Analyzer } from './analyzer';
import { smtpAnalyzer } from '../smtp/analyzer';

/** Registry of analyzers, one per evidence family; correlation into causes runs after all of them. */
export const ANALYZERS: readonly Analyzer[] = [
  // Certificates and chains (shared/x509)
  // CAPI2 and Exchange transport events (shared/eventlog)
  // SMTP sessions and NDRs (shared/smtp)
  smtpAnalyzer,
  // Connector and certificate settings (shared/settings)
];
