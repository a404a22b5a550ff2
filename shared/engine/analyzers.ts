import type { Analyzer } from '../model/analyzer';
import { certificateAnalyzer } from '../x509/analyzer';
import { eventLogAnalyzer } from '../eventlog/analyze/eventlog-analyzer';
import { smtpAnalyzer } from '../smtp/analyzer';
import { settingsAnalyzer } from '../settings/analyzer';

/** Registry of analyzers, one per evidence family; correlation into causes runs after all of them. */
export const ANALYZERS: readonly Analyzer[] = [
  // Certificates and chains (shared/x509)
  certificateAnalyzer,
  // CAPI2 and Exchange transport events (shared/eventlog)
  eventLogAnalyzer,
  // SMTP sessions and NDRs (shared/smtp)
  smtpAnalyzer,
  // Connector and certificate settings (shared/settings)
  settingsAnalyzer,
];
