import type { CauseRule } from '../cause-rule';
import { ATTRIBUTION_FAILURE, atMost, listParam, makeCause, stringParam, withIds } from '../support';
import { certificateNames, connectorNameCovers, relayConnectors, suggestedAcceptedDomain } from '../evidence-facts';
import type { DiagnosisInput } from '../cause-rule';
import { acceptedAlike } from '../counter-evidence';
import { presentedInsteadOfIntended } from './wrong-certificate-presented';
import { cnNames } from '../correlate/focus';
import type { SessionFact } from '../correlate/sessions';
import type { WireChain } from '../correlate/chain-origins';

/**
 * C2 — the certificate name no longer matches the inbound connector's `TlsSenderCertificateName`
 * (domain.md §1.3 C2, §1.4; typically a renewal with a different name).
 *
 * - certain: `connector.nameMismatch` or `cert.nameMismatch` together with 5.7.64, when what went out (a
 *   refused session's certificate, a probe's leaf) shows the mismatch, or the connector's name is unknown.
 * - likely: one of those alone, or `connector.invalidName` (a value Exchange Online refuses matches nothing).
 * - possible: 5.7.64, a certificate-based connector, a recent renewal by the admin's answers, and the
 *   connector's name unknown (neither answered nor in the settings), so the match cannot be checked.
 * - ruled out: the name is known and no mismatch finding exists (the certificate analyzer compared it);
 *   any confidence is capped at possible when the connector is IP-based.
 *
 * Params read: the connector value as `expected` (cert.nameMismatch), `expectedName` (connector.nameMismatch)
 * or `name` (connector.invalidName); the leaf's CN/SANs as `names` or `certificateNames`; `connector`.
 * Params given to the remediation: inboundConnector, currentName (the connector's value now), names,
 * expectedName (the value to set; the fix-pack plan reads it under this name).
 */
export const certificateNameMismatch: CauseRule = {
  id: 'cause.certificateNameMismatch',
  evaluate({ findings, evidence, answers, sessions = [], wire = [] }) {
    const mismatch = withIds(findings, ['connector.nameMismatch', 'cert.nameMismatch']);
    const invalid = withIds(findings, ['connector.invalidName']);
    const attribution = withIds(findings, [ATTRIBUTION_FAILURE]);
    const onWire = mismatchOnWire(evidence, answers.tlsSenderCertificateName, sessions, wire);

    let confidence: 'certain' | 'likely' | 'possible';
    // A mismatch of an exported file is certain only when that name is seen going out (§11.3).
    if (mismatch.length > 0) confidence = attribution.length > 0 && onWire !== false ? 'certain' : 'likely';
    else if (invalid.length > 0) confidence = 'likely';
    else if (
      attribution.length > 0 &&
      answers.connectorType === 'certificate' &&
      answers.recentRenewal === true &&
      answers.tlsSenderCertificateName === undefined
    )
      confidence = 'possible';
    else return null;
    if (answers.connectorType === 'ip') confidence = atMost(confidence, 'possible');
    if (acceptedAlike(sessions).length > 0) confidence = atMost(confidence, 'possible');
    // Exchange presents another certificate than the one the connector's name covers (C6): renaming the
    // connector after the wrong certificate would be the wrong fix.
    if (presentedInsteadOfIntended(evidence, sessions)) confidence = atMost(confidence, 'possible');

    const support = [...mismatch, ...invalid, ...attribution];
    const names = listParam(mismatch, 'names', 'certificateNames');
    const certConnector = relayConnectors(evidence).find((c) => c.item.tlsSenderCertificateName);
    return makeCause({
      id: this.id,
      confidence,
      support,
      remediation: ['remediation.fixConnectorName'],
      params: {
        inboundConnector: stringParam([...mismatch, ...invalid], 'connector') ?? certConnector?.item.name,
        currentName:
          stringParam([...mismatch, ...invalid], 'expected', 'expectedName', 'name') ??
          answers.tlsSenderCertificateName ??
          certConnector?.item.tlsSenderCertificateName,
        names,
        expectedName: suggestConnectorName(names),
      },
      extraEvidence: certConnector ? [certConnector.ref] : [],
    });
  },
};

/**
 * Whether what went out shows the mismatch: true when a refused session's certificate (or a probe's leaf) is
 * not covered by the connector's name, false when what went out is covered or nothing shows what went out,
 * undefined when the connector's name is unknown.
 */
function mismatchOnWire(
  evidence: DiagnosisInput['evidence'],
  answered: string | undefined,
  sessions: readonly SessionFact[],
  wire: readonly WireChain[],
): boolean | undefined {
  const patterns = [answered, ...relayConnectors(evidence).map((c) => c.item.tlsSenderCertificateName)].filter((n): n is string => Boolean(n));
  if (patterns.length === 0) return undefined;
  const covered = (names: readonly string[]) => names.some((n) => patterns.some((p) => connectorNameCovers(p, n)));
  const sent = [
    ...sessions.filter((s) => s.toEop && s.outcome !== 'accepted' && s.certificate?.subject).map((s) => cnNames(s.certificate?.subject)),
    ...wire.map((w) => certificateNames(w.leaf)),
  ];
  return sent.some((names) => names.length > 0 && !covered(names));
}

/**
 * The value to put on the connector: a wildcard name as it is, else `*.` + the host's domain, which covers
 * every host of that domain (Microsoft's advice for certificates naming several hosts, domain.md §1.4).
 */
function suggestConnectorName(names: readonly string[]): string | undefined {
  const wildcard = names.find((n) => n.startsWith('*.'));
  if (wildcard) return wildcard;
  const first = names[0];
  if (!first) return undefined;
  const domain = suggestedAcceptedDomain(first);
  return domain === first ? first : `*.${domain}`;
}
