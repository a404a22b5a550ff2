import type { CertificateEvidence } from '../x509/types';
import type { EventLogEvidence } from '../eventlog/types';
import type { NdrEvidence, SmtpLogEvidence } from '../smtp/types';
import type { SettingsEvidence } from '../settings/types';

/** Everything a reader can produce. Plain, serialisable data: it crosses workers, IPC and case files. */
export type Evidence = CertificateEvidence | EventLogEvidence | SmtpLogEvidence | NdrEvidence | SettingsEvidence;
export type EvidenceKind = Evidence['kind'];
export type EvidenceOf<K extends EvidenceKind> = Extract<Evidence, { kind: K }>;

export function evidenceOfKind<K extends EvidenceKind>(all: readonly Evidence[], kind: K): EvidenceOf<K>[] {
  return all.filter((e): e is EvidenceOf<K> => e.kind === kind);
}
