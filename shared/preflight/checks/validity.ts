import type { PreflightCheck } from '../types';
import { DAY_MS, result } from '../context';

/** Days before notAfter from which a renewal is due again (warn). */
export const EXPIRES_SOON_DAYS = 30;

/** Validity at the time of the check (`--at`): not yet valid, already expired, expires soon. */
export const validity: PreflightCheck = {
  id: 'preflight.validity',
  run({ leaf, now }) {
    const id = this.id;
    const params = { notBefore: leaf.notBefore, notAfter: leaf.notAfter };
    const ref = [`cert:${leaf.sha1}`];
    const t = now.getTime();
    if (t < Date.parse(leaf.notBefore)) return result(id, 'fail', 'notYetValid', { ...params, days: Math.ceil((Date.parse(leaf.notBefore) - t) / DAY_MS) }, ref);
    if (t > Date.parse(leaf.notAfter)) return result(id, 'fail', 'expired', { ...params, days: Math.floor((t - Date.parse(leaf.notAfter)) / DAY_MS) }, ref);
    const days = Math.floor((Date.parse(leaf.notAfter) - t) / DAY_MS);
    if (days < EXPIRES_SOON_DAYS) return result(id, 'warn', 'expiresSoon', { ...params, days }, ref);
    return result(id, 'pass', 'valid', { ...params, days }, ref);
  },
};
