/**
 * Hybrid facts the settings readers do not keep: which inbound connectors the Hybrid Configuration Wizard made
 * (ConnectorSource HybridWizard: rewritten by the next HCW run, domain.md §11.4) and the receive connectors'
 * TlsCertificateName (the Default Frontend one goes stale after a renewal, KB 2989382). Read from Format-List
 * text (`Name : value` records separated by blank lines); other formats give nothing, and the check says so.
 */
export interface HybridConnector {
  readonly name: string;
  readonly ref: string;
}

export interface ReceiveConnectorName extends HybridConnector {
  /** `<I>issuer<S>subject`, or '' when the output shows the field empty. */
  readonly tlsCertificateName: string;
}

export interface HybridFacts {
  readonly hybridInbound: readonly HybridConnector[];
  readonly receiveConnectors: readonly ReceiveConnectorName[];
}

export const NO_HYBRID_FACTS: HybridFacts = { hybridInbound: [], receiveConnectors: [] };

const FIELD = /^([A-Za-z][A-Za-z0-9]*)\s*:\s?(.*)$/;
const RECEIVE_KEYS = ['bindings', 'remoteipranges', 'permissiongroups', 'transportrole', 'authmechanism'];

function records(text: string): Array<{ fields: Map<string, string>; line: number }> {
  const out: Array<{ fields: Map<string, string>; line: number }> = [];
  let current: { fields: Map<string, string>; line: number } | null = null;
  text.split(/\r?\n/).forEach((raw, i) => {
    const m = FIELD.exec(raw.trimEnd());
    if (!m) {
      if (raw.trim() === '') current = null;
      return;
    }
    if (!current) {
      current = { fields: new Map(), line: i + 1 };
      out.push(current);
    }
    current.fields.set(m[1]!.toLowerCase(), (m[2] ?? '').trim());
  });
  return out;
}

/** Reads one text input (cmdlet output); `source` is its input name, used in the references. */
export function scanHybridFacts(source: string, text: string): HybridFacts {
  const hybridInbound: HybridConnector[] = [];
  const receiveConnectors: ReceiveConnectorName[] = [];
  for (const r of records(text)) {
    const name = r.fields.get('name') || r.fields.get('identity') || '';
    const ref = `${source}#L${r.line}`;
    if (r.fields.get('connectorsource')?.toLowerCase() === 'hybridwizard' && (r.fields.has('tlssendercertificatename') || r.fields.has('connectortype'))) {
      hybridInbound.push({ name, ref });
    }
    const isReceive = r.fields.has('tlscertificatename') && !r.fields.has('addressspaces') && !r.fields.has('smarthosts') && RECEIVE_KEYS.some((k) => r.fields.has(k));
    if (isReceive) receiveConnectors.push({ name: r.fields.get('identity') || name, ref, tlsCertificateName: r.fields.get('tlscertificatename') ?? '' });
  }
  return { hybridInbound, receiveConnectors };
}

export function mergeHybridFacts(all: readonly HybridFacts[]): HybridFacts {
  return { hybridInbound: all.flatMap((f) => f.hybridInbound), receiveConnectors: all.flatMap((f) => f.receiveConnectors) };
}
