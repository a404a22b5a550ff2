import type { EventNode, EventRecord } from '../types';
import { child } from '../record-from-tree';
import { decodeHresult, type Hresult } from './hresult';
import { decodeTrustStatus, type TrustStatus } from './trust-status';

export const CAPI2_PROVIDER = 'Microsoft-Windows-CAPI2';

/** The CAPI2 events Relay Doctor understands (domain.md §3.2); every other id is kept as "other". */
const KINDS: Readonly<Record<number, Capi2Kind>> = {
  11: 'buildChain',
  30: 'verifyChainPolicy',
  41: 'verifyRevocation',
  90: 'x509Objects',
};

export type Capi2Kind = 'buildChain' | 'verifyChainPolicy' | 'verifyRevocation' | 'x509Objects' | 'other';

/** A certificate as CAPI2 names it: fileRef is "<SHA-1 thumbprint>.cer". */
export interface CertRef {
  readonly subjectName?: string;
  readonly fileRef?: string;
  /** Upper-case SHA-1 thumbprint, when fileRef carries one; links the event to certificate evidence. */
  readonly thumbprint?: string;
  /** NotAfter as event 90 (X509Objects) dumps it, ISO-8601. */
  readonly notAfter?: string;
}

export interface Capi2ChainElement {
  readonly certificate: CertRef;
  readonly trust: TrustStatus;
  readonly revocationResult?: Hresult;
}

export interface Capi2Chain {
  readonly chainRef?: string;
  readonly trust: TrustStatus;
  readonly elements: readonly Capi2ChainElement[];
}

export interface Capi2Event {
  readonly recordId: number;
  readonly eventId: number;
  readonly kind: Capi2Kind;
  readonly level: number;
  readonly timeCreated: string;
  readonly computer: string;
  /** CorrelationAuxInfo/@TaskId: ties the events of one API call together. */
  readonly taskId?: string;
  readonly seqNumber?: number;
  readonly processName?: string;
  /** The certificate the call was about (Certificate child of the root element). */
  readonly certificate?: CertRef;
  /** CertificateChain/@chainRef of event 30 (or of the chain built in event 11). */
  readonly chainRef?: string;
  readonly chains: readonly Capi2Chain[];
  /** Policy/@type of event 30, e.g. CERT_CHAIN_POLICY_SSL. */
  readonly policy?: string;
  readonly result?: Hresult;
  /** Certificates dumped by event 90. */
  readonly objects: readonly CertRef[];
}

export function certRef(node: EventNode | undefined): CertRef | undefined {
  if (!node) return undefined;
  const { subjectName, fileRef } = node.attributes;
  const m = /^([0-9A-Fa-f]{40})(\.\w+)?$/.exec(fileRef ?? '');
  return {
    ...(subjectName !== undefined ? { subjectName } : {}),
    ...(fileRef !== undefined ? { fileRef } : {}),
    ...(m?.[1] ? { thumbprint: m[1].toUpperCase() } : {}),
  };
}

function x509Object(node: EventNode): CertRef {
  const notAfter = child(node, 'NotAfter')?.text;
  return { ...certRef(node), ...(notAfter ? { notAfter } : {}) };
}

function trustOf(node: EventNode | undefined): TrustStatus {
  const ts = child(node, 'TrustStatus');
  return decodeTrustStatus(child(ts, 'ErrorStatus')?.attributes.value, child(ts, 'InfoStatus')?.attributes.value);
}

function chainOf(node: EventNode): Capi2Chain {
  const elements = node.children
    .filter((c) => c.name === 'ChainElement')
    .map((el): Capi2ChainElement => {
      const revocation = decodeHresult(child(child(el, 'RevocationInfo'), 'RevocationResult')?.attributes.value);
      return { certificate: certRef(child(el, 'Certificate')) ?? {}, trust: trustOf(el), ...(revocation ? { revocationResult: revocation } : {}) };
    });
  const chainRef = node.attributes.chainRef;
  return { ...(chainRef ? { chainRef } : {}), trust: trustOf(node), elements };
}

/**
 * Reads one CAPI2 event's UserData (layout verified against a real CAPI2 Operational log and KB 3212877's
 * event 30). Returns null for events of other providers.
 */
export function readCapi2Event(record: EventRecord): Capi2Event | null {
  if (record.provider !== CAPI2_PROVIDER) return null;
  const root = record.data?.children[0];
  const corr = child(root, 'CorrelationAuxInfo')?.attributes;
  const seq = Number(corr?.SeqNumber);
  const chains = (root?.children ?? []).filter((c) => c.name === 'CertificateChain' && c.children.length > 0).map(chainOf);
  const chainRef = child(root, 'CertificateChain')?.attributes.chainRef;
  const certificate = certRef(child(root, 'Certificate'));
  const result = decodeHresult(child(root, 'Result')?.attributes.value);
  const process = child(root, 'EventAuxInfo')?.attributes.ProcessName;
  const policy = child(root, 'Policy')?.attributes.type;
  const kind = KINDS[record.eventId] ?? 'other';
  return {
    recordId: record.recordId,
    eventId: record.eventId,
    kind,
    level: record.level,
    timeCreated: record.timeCreated,
    computer: record.computer,
    ...(corr?.TaskId ? { taskId: corr.TaskId } : {}),
    ...(Number.isFinite(seq) && corr?.SeqNumber !== undefined ? { seqNumber: seq } : {}),
    ...(process ? { processName: process } : {}),
    ...(certificate ? { certificate } : {}),
    ...(chainRef ? { chainRef } : {}),
    chains,
    ...(policy ? { policy } : {}),
    ...(result ? { result } : {}),
    objects: kind === 'x509Objects' ? (root?.children ?? []).filter((c) => c.name === 'Certificate').map(x509Object) : [],
  };
}
