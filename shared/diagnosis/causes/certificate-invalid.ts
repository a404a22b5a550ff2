import type { CauseRule } from '../cause-rule';
import { ATTRIBUTION_FAILURE, atMost, makeCause, stringParam, thumbprintsOf, withIds } from '../support';
import type { Finding } from '../../model/finding';
import { PATH_VIOLATION_IDS } from '../../x509/validate/index';
import { acceptedAlike } from '../counter-evidence';

/** Defects that make EOP (or Windows before it) reject the certificate outright (domain.md §1.3 C10, §2). */
const HARD = [
  'cert.expired',
  'cert.notYetValid',
  'chain.selfSignedLeaf',
  'chain.untrustedRoot',
  'chain.signatureInvalid',
  'capi2.expired',
  'exchange.tlsCertificateExpired',
];
/** Weak algorithms: EOP's rule for client certificates is not documented (§2 "Key size", §9.6). */
const SOFT = ['cert.weakSignature', 'cert.weakKey'];
const EXPIRY = ['cert.expired', 'capi2.expired', 'exchange.tlsCertificateExpired'];

/**
 * A critical violation of RFC 5280 / the CA/B Forum rules on the path (shared/x509/validate: name constraints,
 * basic constraints, key usage, policies, unknown critical extensions …): Windows, and so Exchange Online,
 * refuses such a chain, so it is an invalid certificate (C10) like an expired one.
 */
function isPathViolation(f: Finding): boolean {
  return f.severity === 'critical' && PATH_VIOLATION_IDS.includes(f.id) && !HARD.includes(f.id);
}

/**
 * C10 — the certificate is invalid: expired or not yet valid, self-signed, chaining to a root outside the
 * trust program, badly signed, or weak (domain.md §1.3 C10, §2 "Issued by a public CA", §3.4/§3.5
 * NOT_TIME_VALID / 800B0101, §4 events 12016; KB 3027536 for MD5/MD2).
 *
 * - certain: a hard defect together with 5.7.64, or expiry seen by two independent sources (the certificate
 *   itself and a CAPI2 or Exchange event).
 * - likely: a hard defect alone.
 * - possible: only a weak signature or key; or anything here when the connector is IP-based (the
 *   certificate then plays no part in attribution).
 * - ruled out: none of these findings.
 *
 * Params read: `date` and `position` on cert.expired, `thumbprint`/`subject` on capi2.* and exchange.*;
 * thumbprints from `cert:<sha1>` references. Params given to the remediation: thumbprint, subject,
 * notAfter, position.
 */
export const certificateInvalid: CauseRule = {
  id: 'cause.certificateInvalid',
  evaluate({ findings, answers, sessions = [], wire = [] }) {
    const hard = [...withIds(findings, HARD), ...findings.filter(isPathViolation)];
    const soft = withIds(findings, SOFT);
    if (hard.length + soft.length === 0) return null;
    const attribution = withIds(findings, [ATTRIBUTION_FAILURE]);
    const expirySources = new Set(withIds(findings, EXPIRY).map((f) => f.id)).size;
    // A defect of an exported file is a defect of what the admin has; it explains a refusal for certain only
    // when that certificate is seen going out (send log, probe) or the server's own events report it (§11.3).
    const onWire = new Set([
      ...sessions.map((s) => s.certificate?.thumbprint).filter((t): t is string => Boolean(t)),
      ...wire.map((w) => w.leaf.sha1.toUpperCase()),
    ]);
    const seenGoingOut = thumbprintsOf(hard).some((t) => onWire.has(t)) || hard.some((f) => f.id.startsWith('capi2.') || f.id.startsWith('exchange.'));

    let confidence: 'certain' | 'likely' | 'possible' = 'possible';
    if (hard.length > 0) confidence = (attribution.length > 0 && seenGoingOut) || expirySources > 1 ? 'certain' : 'likely';
    // Accepted with the same certificate from the same source: the defect did not stop that session.
    if (answers.connectorType === 'ip' || acceptedAlike(sessions).length > 0) confidence = atMost(confidence, 'possible');

    const all = [...hard, ...soft];
    return makeCause({
      id: this.id,
      confidence,
      support: [...all, ...attribution],
      remediation: ['remediation.renewCertificate'],
      params: {
        thumbprint: (thumbprintsOf(all)[0] ?? stringParam(all, 'thumbprint'))?.toUpperCase(),
        subject: stringParam(all, 'subject'),
        notAfter: stringParam(withIds(findings, EXPIRY), 'date', 'notAfter'),
        position: stringParam(all, 'position'),
      },
    });
  },
};
