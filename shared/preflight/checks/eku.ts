import type { PreflightCheck } from '../types';
import { result } from '../context';

const SERVER_AUTH = '1.3.6.1.5.5.7.3.1';
const CLIENT_AUTH = '1.3.6.1.5.5.7.3.2';
const ANY = '2.5.29.37.0';

/**
 * Client Authentication EKU (domain.md §10, §11.5). The server presents this certificate as a TLS client;
 * whether Exchange's Schannel refuses a serverAuth-only one is not documented, so a missing clientAuth is at
 * most "unconfirmed" (warn), never a certain break.
 */
export const eku: PreflightCheck = {
  id: 'preflight.eku',
  run({ leaf }) {
    const id = this.id;
    const ref = [`cert:${leaf.sha1}`];
    if (leaf.eku === null) return result(id, 'pass', 'anyPurpose', {}, ref);
    if (leaf.eku.includes(CLIENT_AUTH) || leaf.eku.includes(ANY)) return result(id, 'pass', 'clientAuth', { eku: leaf.eku }, ref);
    return result(id, 'warn', leaf.eku.includes(SERVER_AUTH) ? 'serverAuthOnly' : 'noClientAuth', { eku: leaf.eku }, ref);
  },
};
