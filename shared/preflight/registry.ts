import type { PreflightCheck } from './types';
import { chainSendable } from './checks/chain-sendable';
import { rootTrusted } from './checks/root-trusted';
import { connectorNames } from './checks/connector-names';
import { acceptedDomainsCheck } from './checks/accepted-domains';
import { eku } from './checks/eku';
import { keyStrength } from './checks/key-strength';
import { signature } from './checks/signature';
import { validity } from './checks/validity';
import { privateKey } from './checks/private-key';
import { sendConnectorName, sendConnectorRepoint } from './checks/send-connector';
import { hybrid } from './checks/hybrid';

/** Every pre-flight check, in the order the report lists them. Ids are stable (DEVELOPERS.md). */
export const PREFLIGHT_CHECKS: readonly PreflightCheck[] = [
  validity,
  privateKey,
  chainSendable,
  rootTrusted,
  connectorNames,
  acceptedDomainsCheck,
  eku,
  keyStrength,
  signature,
  sendConnectorName,
  sendConnectorRepoint,
  hybrid,
];
