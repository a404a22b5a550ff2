import type { CauseRule } from '../cause-rule';
import type { Evidence } from '../../model/evidence';
import { ATTRIBUTION_FAILURE, makeCause, stringParam, withIds } from '../support';
import { connectorNameCovers, exchangeCertificates, relayConnectors, sendConnectors } from '../evidence-facts';
import { cnNames } from '../correlate/focus';
import type { SessionFact } from '../correlate/sessions';

/** Findings that on their own point at the certificate the Send connector uses (KB 4495258, §1.3 C6). */
const STRONG = ['sendConnector.staleCertificateName', 'smtp.noCredentials'];
/** Findings that show a certificate problem on the server but not that it is the one presented to EOP. */
const WEAK = ['exchange.tlsCertificateNotFound', 'exchangeCertificate.noPrivateKey', 'exchangeCertificate.notEnabledForSmtp'];

/**
 * C6 — the wrong certificate is presented: the Send connector's `TlsCertificateName` still names the old
 * certificate, or the new one is not enabled for SMTP or has no private key (domain.md §1.3 C6, §1.4,
 * §4 event 12014; KB 4495258, KB 2989382).
 *
 * - certain: a stale Send connector certificate name or `NoCredentials` together with 5.7.64 or with a
 *   second certificate finding (e.g. NoCredentials + a certificate without private key).
 * - likely: a stale name or `NoCredentials` alone; or 5.7.64 with two different weak findings (event 12014,
 *   no private key, not enabled for SMTP), or with one of them after a renewal by the admin's answer.
 * - possible: one weak finding; or, from the answers alone, an Exchange sender, a recent renewal and 5.7.64.
 * - ruled out: none of these findings and the sender is not Exchange (IIS and others have no Send connector).
 *
 * Params read: `connector` and `tlsCertificateName` on sendConnector.staleCertificateName, `thumbprint` on
 * exchangeCertificate.* (the certificate that cannot be used), `scope` on exchange.* (`internal` ignored).
 * Params given to the remediation: sendConnector, staleName, thumbprint (the certificate to use instead,
 * from Get-ExchangeCertificate output when given), unusableThumbprint.
 */
export const wrongCertificatePresented: CauseRule = {
  id: 'cause.wrongCertificatePresented',
  evaluate({ findings, evidence, answers, sessions = [] }) {
    const strong = withIds(findings, STRONG);
    const presented = presentedInsteadOfIntended(evidence, sessions);
    const usable = usableCertificate(evidence);
    // 12013 (scope `internal`) is about the internal transport certificate, not the one sent to EOP.
    // A certificate without key that nothing uses is rated medium by the settings analyzer: not a lead.
    const weak = withIds(findings, WEAK).filter((f) => f.params['scope'] !== 'internal' && f.severity !== 'medium');
    const attribution = withIds(findings, [ATTRIBUTION_FAILURE]);
    const weakKinds = new Set(weak.map((f) => f.id)).size;
    const renewed = answers.recentRenewal === true;

    const staleFindings = strong.filter((f) => f.id === 'sendConnector.staleCertificateName');
    // The connector names only an expired certificate and nothing newer is installed: there is no right
    // certificate to point it at, the certificate itself must be renewed (C10 leads).
    const nothingToPointAt = staleFindings.length > 0 && staleFindings.every((f) => f.params['reason'] === 'expired') && usable === undefined;
    // The send log shows which certificate went out: a stale name is proven on the wire when a refused session
    // presented something else than the certificate that should be used.
    const wrongOnWire = sessions.some(
      (x) => x.toEop && x.outcome !== 'accepted' && x.certificate?.thumbprint !== undefined && usable !== undefined && x.certificate.thumbprint !== usable.toUpperCase(),
    );

    let confidence: 'certain' | 'likely' | 'possible';
    if (presented && attribution.length > 0) {
      confidence = 'certain';
    } else if (strong.length > 0) {
      // A NoCredentials session fails before any reply from EOP: a 5.7.64 in another session is another fact
      // (§11.1 "Session"), so only a stale Send connector name seen on the wire is corroborated by a 5.7.64.
      const corroborated = (staleFindings.length > 0 && attribution.length > 0 && wrongOnWire) || weak.length > 0 || new Set(strong.map((f) => f.id)).size > 1;
      confidence = corroborated ? 'certain' : 'likely';
      if (nothingToPointAt) confidence = 'possible';
    } else if (presented) {
      confidence = 'likely';
    } else if (weak.length > 0) {
      // The log shows TLS up and no certificate going out before the 5.7.64: with two certificate facts about
      // the server (event 12014, not enabled for SMTP, no key) that is the wrong or no certificate, proven.
      const noneSent = sessions.some((x) => x.toEop && x.startTls && !x.certificate && x.codes.includes('5.7.64'));
      confidence =
        attribution.length > 0 && weakKinds > 1 && noneSent ? 'certain' : attribution.length > 0 && (weakKinds > 1 || renewed) ? 'likely' : 'possible';
    } else if (answers.sendingSystem === 'exchange' && renewed && attribution.length > 0) {
      confidence = 'possible';
    } else return null;

    const named = withIds(findings, ['sendConnector.staleCertificateName']);
    return makeCause({
      id: this.id,
      confidence,
      support: [...strong, ...weak, ...attribution],
      remediation: ['remediation.fixSendConnectorCertificate'],
      params: {
        sendConnector: stringParam(named, 'connector') ?? eopSendConnector(evidence),
        staleName: stringParam(named, 'tlsCertificateName'),
        thumbprint: usable,
        presented: presented?.subject ?? presented?.thumbprint,
        unusableThumbprint: stringParam(weak, 'thumbprint'),
      },
    });
  },
};

/**
 * A refused session presented a certificate the inbound connector's name does not cover, while
 * Get-ExchangeCertificate lists a current, CA-issued certificate it does cover: Exchange presents the wrong one
 * (its self-signed default, an old one). Changing the connector's name to the wrong certificate would be the
 * wrong fix, so this is C6, not C2.
 */
export function presentedInsteadOfIntended(evidence: readonly Evidence[], sessions: readonly SessionFact[]) {
  const patterns = relayConnectors(evidence).map((c) => c.item.tlsSenderCertificateName).filter((n): n is string => Boolean(n));
  if (patterns.length === 0) return undefined;
  const covered = (names: readonly string[]) => names.some((n) => patterns.some((p) => connectorNameCovers(p, n)));
  const intended = exchangeCertificates(evidence)
    .map((c) => c.item)
    .filter((c) => c.isSelfSigned !== true && covered([...(c.certificateDomains ?? []), ...cnNames(c.subject)]));
  if (intended.length === 0) return undefined;
  const wrong = sessions.find(
    (x) => x.toEop && x.outcome !== 'accepted' && x.certificate?.subject !== undefined && !covered(cnNames(x.certificate.subject)) &&
      !intended.some((c) => c.thumbprint.toUpperCase() === x.certificate?.thumbprint),
  );
  return wrong?.certificate;
}

/** The Send connector that routes to Exchange Online (smart host *.mail.protection.outlook.com). */
function eopSendConnector(evidence: readonly Evidence[]): string | undefined {
  const all = sendConnectors(evidence);
  const toEop = all.find((c) => (c.item.smartHosts ?? []).some((h) => /\.mail\.protection\.outlook\.com$/i.test(h)));
  return (toEop ?? (all.length === 1 ? all[0] : undefined))?.item.name;
}

/** The newest certificate Exchange could use for outbound TLS: has its private key and is CA-issued. */
function usableCertificate(evidence: readonly Evidence[]): string | undefined {
  const usable = exchangeCertificates(evidence)
    .map((c) => c.item)
    .filter((c) => c.hasPrivateKey !== false && c.isSelfSigned !== true)
    .sort((a, b) => time(b.notAfter) - time(a.notAfter));
  return usable[0]?.thumbprint;
}

/** Get-ExchangeCertificate prints dates in the server's culture; an unreadable one sorts last. */
function time(date: string | undefined): number {
  const t = date ? Date.parse(date) : NaN;
  return Number.isNaN(t) ? 0 : t;
}
