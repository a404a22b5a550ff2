import type { CauseRule, DiagnosisInput } from '../cause-rule';
import type { Confidence, Finding } from '../../model/finding';
import { isActionable } from '../../model/finding';
import { ATTRIBUTION_FAILURE, anyWithIds, atMost, hasAny, listParam, makeCause, stringParam, thumbprintsOf, withIds } from '../support';
import { connectorNameCovers, relayConnectors } from '../evidence-facts';
import { acceptedAlike, counterParams, sessionRefs } from '../counter-evidence';
import { cnNames } from '../correlate/focus';
import { sameServerName } from '../../model/observation';
import { refusedAttribution, type SessionFact } from '../correlate/sessions';
import type { WireChain } from '../correlate/chain-origins';

/**
 * C1 — intermediates not sent (KB 3212877; domain.md §0 point 5, §1.3 C1, §3.2, §11.3). Schannel on the sending
 * server could not build the chain from the machine stores, so only the leaf goes out and EOP, which never
 * fetches intermediates, cannot attribute the session. What the server SENDS decides, not what the admin has:
 *
 * - certain: a probe capture shows the leaf without its intermediates (`chain.notSentByServer`) and a 5.7.64 was
 *   seen for that certificate — even when the intermediate was also supplied as a file: that is the KB's state;
 *   or a sending-side CAPI2 800B0109/partial chain of the case's server and certificate together with 5.7.64 or
 *   4.4.317.
 * - likely: the probe capture alone, or with a 5.7.64 while the send log shows another certificate going out
 *   (the probe sees the receive connector's certificate); the CAPI2 event alone; 4.4.317 alone; a 5.7.64 after the
 *   certificate went out, on a certificate-based connector whose name covers it, with nothing else wrong.
 * - possible: a leaf-only FILE (`chain.missingIntermediate` seen on supplied evidence only): it shows what the
 *   admin has, not what is sent; CAPI2 errors explained by an untrusted root or self-signed leaf (C10); the bare
 *   5.7.64-after-certificate symptom when the connector's name is unknown.
 * - ruled out: a probe captured the complete chain and 5.7.64 is still seen; a supplied leaf-only file while the
 *   connector is IP-based (the chain plays no part in IP attribution, §1.2).
 * - capped at possible: sessions accepted with the same certificate from the same source (counter-evidence),
 *   or an IP-based connector.
 */
export const intermediatesNotSent: CauseRule = {
  id: 'cause.intermediatesNotSent',
  evaluate(input) {
    const { findings, answers } = input;
    const wire = input.wire ?? [];
    const leafOnlyOnWire = wire.filter((w) => w.notSent.length > 0 || w.issuerUnknown);
    const onWire = anyWithIds(findings, ['chain.notSentByServer']);
    const supplied = anyWithIds(findings, ['chain.missingIntermediate']);
    // The sending side's own view of its chain: CAPI2 event 30, or the chain the collector built on the server.
    const capi2 = withIds(findings, ['capi2.untrustedRoot', 'capi2.partialChain', 'chain.localChainIncomplete']);
    const remote = withIds(findings, ['smtp.untrustedRoot']);
    const attribution = withIds(findings, [ATTRIBUTION_FAILURE]);
    const sessions = input.sessions ?? [];
    const refused = sessions.filter((s) => s.toEop && refusedAttribution(s) && !s.codes.includes('ATTR36'));
    const ip = answers.connectorType === 'ip';
    const sentComplete = wire.length > 0 && wire.every((w) => w.notSent.length === 0 && !w.issuerUnknown);
    if (sentComplete && attribution.length > 0) return null;

    let confidence: Confidence | null = null;
    let sendLogCertificate: string | undefined;
    if (leafOnlyOnWire.length > 0) {
      const other = otherCertificateSent(wire, refused);
      sendLogCertificate = other?.certificate?.subject ?? other?.certificate?.thumbprint;
      confidence = attribution.length > 0 && !other ? 'certain' : 'likely';
    } else if (capi2.length > 0) {
      // The server's own chain error, contradicted by EOP accepting that very certificate from it later: the
      // pieces disagree (fixed in between?), so no cause rests on the event (§11.1 "Counter-evidence").
      if (acceptedAfter(capi2, sessions)) return null;
      const explainedByC10 = hasAny(findings, ['chain.untrustedRoot', 'chain.selfSignedLeaf']);
      const refusal = attribution.length + remote.length > 0;
      confidence = explainedByC10 ? 'possible' : refusal && tiedInTime(input, capi2, [...attribution, ...remote]) ? 'certain' : 'likely';
    } else if (remote.length > 0) {
      confidence = 'likely';
    } else if (supplied.length > 0) {
      // A leaf-only file is what the admin has. With mail flowing (sessions to EOP accepted, none refused, or
      // accepted with that very certificate) it proves nothing at all; on an IP connector the chain plays no part.
      if (ip || mailFlowsWith(sessions, supplied)) return null;
      confidence = 'possible';
    } else if (!ip) {
      return unexplainedAfterCertificateSent(input, refused);
    }
    if (confidence === null) return null;

    const accepted = acceptedAlike(sessions);
    // The same certificate from the same source was accepted: only the sending side's own events or a capture
    // can still point at the chain (a store changed in between), and then at most as a possibility.
    if (accepted.length > 0 && leafOnlyOnWire.length === 0 && capi2.length === 0) return null;
    if (ip || accepted.length > 0) confidence = atMost(confidence, 'possible');

    const support = [...onWire, ...capi2, ...remote, ...supplied, ...attribution];
    const missingFrom = [...onWire, ...supplied];
    return makeCause({
      id: this.id,
      confidence,
      support,
      remediation: ['remediation.importIntermediates'],
      params: {
        missingIssuer: leafOnlyOnWire[0]?.notSent[0]?.subject ?? stringParam(missingFrom, 'missingIssuer'),
        aiaUrls: listParam(missingFrom, 'aiaUrls'),
        thumbprint: (leafOnlyOnWire[0]?.leaf.sha1 ?? stringParam(missingFrom, 'leafSha1') ?? stringParam(capi2, 'thumbprint') ?? thumbprintsOf(missingFrom)[0])?.toUpperCase(),
        seenOn: leafOnlyOnWire.length > 0 ? 'wire' : capi2.length > 0 ? 'events' : remote.length > 0 ? 'remote' : 'supplied',
        probeHost: leafOnlyOnWire[0]?.host,
        suppliedToo: leafOnlyOnWire.some((w) => w.suppliedToo.length > 0) || undefined,
        sendLogCertificate,
        server: stringParam(capi2, 'computer'),
        ...counterParams(accepted),
      },
      extraEvidence: [...leafOnlyOnWire.flatMap((w) => [w.source, `cert:${w.leaf.sha1}`]), ...sessionRefs(refused)],
    });
  },
};

/**
 * The refused session that presented a certificate other than the probe's leaf: the probe sees the receive
 * side, the send log what went to EOP. Undefined when the send log agrees or does not say.
 */
function otherCertificateSent(wire: readonly WireChain[], refused: readonly SessionFact[]): SessionFact | undefined {
  const leaves = wire.map((w) => w.leaf);
  return refused.find((s) => {
    const c = s.certificate;
    if (!c) return false;
    if (c.thumbprint) return !leaves.some((l) => l.sha1.toUpperCase() === c.thumbprint);
    const cns = cnNames(c.subject);
    return cns.length > 0 && !leaves.some((l) => cnNames(l.subject).some((n) => cns.includes(n)));
  });
}

/** A refusal and the server's chain error belong to one moment when they are at most a day apart (or undated). */
const SAME_MOMENT_MS = 24 * 60 * 60 * 1000;

function timesOf(findings: readonly Finding[], input: DiagnosisInput): number[] {
  const out: number[] = [];
  const refs = new Set(findings.flatMap((f) => f.evidence));
  for (const ev of input.evidence) {
    if (ev.kind === 'events') for (const r of ev.records) if (refs.has(`${ev.source}#record:${r.recordId}`)) out.push(Date.parse(r.timeCreated));
    if (ev.kind === 'ndr')
      for (const m of ev.messages) if (m.date && (refs.has(`${ev.source}#message:${m.index}`) || refs.has(ev.source))) out.push(Date.parse(m.date));
  }
  for (const s of input.sessions ?? []) if (s.at && s.refs.some((r) => refs.has(r))) out.push(Date.parse(s.at));
  return out.filter((t) => !Number.isNaN(t));
}

/**
 * The chain error and the refusal describe the same moment: certainty needs that tie (a week-old event beside
 * today's NDR is the same server's history, likely but not proof). Undated on either side counts as tied.
 */
function tiedInTime(input: DiagnosisInput, events: readonly Finding[], refusals: readonly Finding[]): boolean {
  const a = timesOf(events, input);
  const b = timesOf(refusals, input);
  if (a.length === 0 || b.length === 0) return true;
  return a.some((x) => b.some((y) => Math.abs(x - y) <= SAME_MOMENT_MS));
}

/**
 * EOP accepted a session presenting the certificate of the chain error, from the same server, after the error
 * was logged. The session's server is known from its log's folder (one per server) or, when every session left
 * from one address, from that; otherwise it is not counted (another server's success proves nothing here).
 */
function acceptedAfter(events: readonly Finding[], sessions: readonly SessionFact[]): boolean {
  const thumbprints = new Set(events.map((f) => String(f.params['thumbprint'] ?? '').toUpperCase()).filter(Boolean));
  const times = events.map((f) => Date.parse(String(f.params['time'] ?? ''))).filter((t) => !Number.isNaN(t));
  const computers = events.map((f) => String(f.params['computer'] ?? '')).filter(Boolean);
  if (thumbprints.size === 0) return false;
  const sources = new Set(sessions.filter((s) => s.toEop).map((s) => s.source ?? ''));
  const sameServer = (s: SessionFact) => {
    const folders = s.log.split(/[\\/]/).slice(0, -1);
    if (folders.some((d) => computers.some((c) => sameServerName(c, d)))) return true;
    if (folders.some((d) => /^[A-Za-z][\w-]{1,14}$/.test(d) && /\d/.test(d))) return false;
    return sources.size === 1;
  };
  return sessions.some((s) => {
    if (!s.toEop || s.outcome !== 'accepted' || !s.certificate?.thumbprint || !thumbprints.has(s.certificate.thumbprint) || !sameServer(s)) return false;
    const at = Date.parse(s.at ?? '');
    return Number.isNaN(at) || times.length === 0 || times.some((t) => at >= t);
  });
}

/**
 * Mail reaches EOP and is accepted: every session to EOP was accepted, or one was accepted with the certificate
 * the supplied file holds.
 */
function mailFlowsWith(sessions: readonly SessionFact[], supplied: readonly Finding[]): boolean {
  const toEop = sessions.filter((s) => s.toEop);
  if (toEop.length > 0 && toEop.every((s) => s.outcome === 'accepted')) return true;
  const leaves = new Set(supplied.map((f) => String(f.params['leafSha1'] ?? '').toUpperCase()).filter(Boolean));
  return toEop.some((s) => s.outcome === 'accepted' && s.certificate?.thumbprint !== undefined && leaves.has(s.certificate.thumbprint));
}

/** Findings that cannot explain a refusal on their own: they leave the bare symptom unexplained (§10, §11.5). */
const NOT_AN_EXPLANATION = [
  'cert.noClientAuthEku',
  'cert.expiresSoon',
  'exchange.tlsCertificateExpiresSoon',
  'capi2.revocationOffline',
  // Sessions that failed before EOP answered (no key, TLS 1.0): other sessions, other facts (§11.1 "Session").
  'smtp.noCredentials',
  'smtp.legacyTls',
];

/**
 * The bare KB 3212877 symptom (§1.3 C1 "How to recognise it"): a session to EOP presented a certificate and was
 * still refused with 5.7.64, and nothing else of medium severity or above was found. Likely when a
 * certificate-based OnPremises connector's name covers the certificate that went out (C2 is then ruled out and
 * the chain is what is left); possible otherwise.
 */
function unexplainedAfterCertificateSent({ findings, evidence, sessions = [] }: DiagnosisInput, refused: readonly SessionFact[]) {
  const attribution = withIds(findings, [ATTRIBUTION_FAILURE]);
  const others = findings.filter((f: Finding) => isActionable(f) && f.id !== ATTRIBUTION_FAILURE && !NOT_AN_EXPLANATION.includes(f.id));
  if (attribution.length === 0 || others.length > 0) return null;
  const withCertificate = refused.filter((s) => s.certificate);
  if (withCertificate.length === 0) return null;
  const patterns = relayConnectors(evidence).map((c) => c.item.tlsSenderCertificateName).filter((n): n is string => Boolean(n));
  const names = withCertificate.flatMap((s) => cnNames(s.certificate?.subject));
  const nameFits = patterns.length > 0 && names.length > 0 && names.every((n) => patterns.some((p) => connectorNameCovers(p, n)));
  if (acceptedAlike(sessions).length > 0) return null;
  const confidence: Confidence = nameFits ? 'likely' : 'possible';
  return makeCause({
    id: 'cause.intermediatesNotSent',
    confidence,
    support: attribution,
    remediation: ['remediation.importIntermediates'],
    params: {
      thumbprint: withCertificate.find((s) => s.certificate?.thumbprint)?.certificate?.thumbprint,
      seenOn: 'sendLog',
    },
    extraEvidence: sessionRefs(withCertificate),
  });
}
