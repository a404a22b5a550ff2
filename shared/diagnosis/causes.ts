import type { CauseRule } from './cause-rule';
import { intermediatesNotSent } from './causes/intermediates-not-sent';
import { certificateNameMismatch } from './causes/certificate-name-mismatch';
import { senderIpChanged } from './causes/sender-ip-changed';
import { certificateDomainNotAccepted } from './causes/certificate-domain-not-accepted';
import { envelopeSenderNotAccepted } from './causes/envelope-sender-not-accepted';
import { wrongCertificatePresented } from './causes/wrong-certificate-presented';
import { noMatchingConnector } from './causes/no-matching-connector';
import { noTls } from './causes/no-tls';
import { sharedAttribution } from './causes/shared-attribution';
import { certificateInvalid } from './causes/certificate-invalid';
import { clientAuthEkuMissing } from './causes/client-auth-eku-missing';
import { wrongSmartHost } from './causes/wrong-smart-host';

/**
 * Registry of cause rules, numbered as domain.md §1.3 (C1–C10, C12) plus the §10 addendum. The order is also
 * the tie-break when two causes are equally sure: the most common cause (KB 3212877) comes first.
 */
export const CAUSE_RULES: readonly CauseRule[] = [
  intermediatesNotSent, // C1, KB 3212877
  certificateNameMismatch, // C2
  senderIpChanged, // C3
  certificateDomainNotAccepted, // C4, ATTR36
  envelopeSenderNotAccepted, // C5
  wrongCertificatePresented, // C6
  noMatchingConnector, // C7
  noTls, // C8
  sharedAttribution, // C9 (fallback)
  certificateInvalid, // C10
  clientAuthEkuMissing, // §10 (fallback)
  wrongSmartHost, // C12 (4.4.62 ATTR35)
];
