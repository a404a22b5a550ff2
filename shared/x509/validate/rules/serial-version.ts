import { isRoot, isVettedRoot, type PathRule, type Violation } from '../path-rule';

/**
 * RFC 5280 §4.1.2.2 and BRs 7.1: a serial number is a positive integer of at most 20 octets (and non-zero);
 * BRs 7.1.1 and RFC 5280 §6.1.4 (k): certificates of a path other than the trust anchor are version 3.
 * CryptoAPI accepts zero, negative and long serials and v1 leaves; these follow RFC 5280 and the BRs because
 * no CA of Microsoft's root program may issue such a certificate, so one that has them is not from the CA it
 * claims or was issued in breach of the program's rules, and other receivers refuse it.
 */
export const serialVersionRule: PathRule = {
  ids: ['cert.serialNumberInvalid', 'cert.notVersion3'],
  check(p) {
    const out: Violation[] = [];
    p.profiles.forEach((profile, i) => {
      if (isVettedRoot(p, i)) return;
      const serial = profile.raw.serial;
      const negative = serial.length > 0 && (serial[0]! & 0x80) !== 0;
      const zero = serial.every((b) => b === 0);
      const octets = serial.length > 1 && serial[0] === 0 ? serial.length - 1 : serial.length;
      if (negative || zero || octets > 20) {
        out.push({ id: 'cert.serialNumberInvalid', index: i, params: { problem: negative ? 'negative' : zero ? 'zero' : 'tooLong', octets } });
      }
      if (!isRoot(p, i) && profile.record.version !== 3) out.push({ id: 'cert.notVersion3', index: i, params: { version: profile.record.version } });
    });
    return out;
  },
};
