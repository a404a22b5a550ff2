import type { ScriptBlock } from './types';
import { importIntermediates } from './import-intermediates';
import { setSendConnectorCertificate } from './send-connector';
import { setInboundConnectorIps, setInboundConnectorName } from './inbound-connector';
import { enableTls12 } from './enable-tls12';
import { enableStartTls } from './enable-starttls';
import { restartTransport } from './restart-transport';
import { verifyChain } from './verify-chain';

/**
 * Every script block, in the order fix.ps1 runs them: certificates first (KB 3212877), then what points at
 * the certificate on premises, then Exchange Online, then Schannel, then the restart, and the check last.
 * The remediation catalog refers to these ids (`scriptBlocks`).
 */
export const SCRIPT_BLOCKS: readonly ScriptBlock[] = [
  importIntermediates,
  setSendConnectorCertificate,
  setInboundConnectorName,
  setInboundConnectorIps,
  enableStartTls,
  enableTls12,
  restartTransport,
  verifyChain,
];

export function scriptBlock(id: string): ScriptBlock | undefined {
  return SCRIPT_BLOCKS.find((b) => b.id === id);
}
