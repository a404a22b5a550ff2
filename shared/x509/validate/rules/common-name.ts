import { ipText } from '../../profile/general-names';
import { leafIsServerCertificate, type PathRule } from '../path-rule';

const CN = '2.5.4.3';

/** RFC 5952 §4 text of an IPv6 address: lower case, no leading zeros, the first longest run of zero groups as `::`. */
function rfc5952(bytes: Uint8Array): string {
  const groups = ipText(bytes).split(':');
  let best = { at: -1, len: 1 };
  for (let i = 0; i < groups.length; ) {
    if (groups[i] !== '0') {
      i++;
      continue;
    }
    let j = i;
    while (j < groups.length && groups[j] === '0') j++;
    if (j - i > best.len) best = { at: i, len: j - i };
    i = j;
  }
  if (best.at < 0) return groups.join(':');
  return `${groups.slice(0, best.at).join(':')}::${groups.slice(best.at + best.len).join(':')}`;
}

/**
 * The A-label form of a host name written with Unicode labels (IDNA, through the WHATWG URL parser every runtime
 * has); null when it is no host name. Older certificates (before BRs 7.1.4.3 asked for an exact copy) carry the
 * U-label form of their SAN's A-label in the CN, as badssl's production `xn--n1aae7f7o` certificate does: that is
 * the same name, not a stray one.
 */
function asciiHost(name: string): string | null {
  try {
    return new URL(`http://${name}/`).hostname;
  } catch {
    return null;
  }
}

/**
 * BRs 7.1.4.3: a server certificate's CN, when present, is exactly one entry, and it is a character-for-character
 * copy of one of its SAN dNSNames, or a SAN iPAddress written as RFC 3986 (IPv4) or RFC 5952 (IPv6) text. Exchange
 * Online compares the connector's name with the CN as well as the SANs, so a CN that is in no SAN is a name the
 * certificate authority never validated: no public CA may issue it (and most TLS clients ignore the CN). High, not
 * critical: Exchange Online is not known to refuse it, and x509-limbo 2023's name-constraint cases expect such
 * leaves (CN example.com, SAN foo.bar.example.com) to validate.
 */
export const commonNameRule: PathRule = {
  ids: ['cert.commonNameNotInSan'],
  check(p) {
    const leaf = p.profiles[0]!;
    const san = leaf.subjectAltName?.value;
    if (!san || leaf.record.selfSigned || p.profiles.length < 2 || !leafIsServerCertificate(p)) return [];
    const cns = leaf.subjectAttributes.filter((a) => a.oid === CN).map((a) => a.value);
    if (cns.length === 0) return [];
    const allowed = new Set<string>();
    for (const n of san) {
      if (n.kind === 'dns') allowed.add(n.text);
      else if (n.kind === 'ip' && n.bytes.length === 4) allowed.add(ipText(n.bytes));
      else if (n.kind === 'ip' && n.bytes.length === 16) allowed.add(rfc5952(n.bytes));
    }
    const lowerAllowed = new Set([...allowed].map((a) => a.toLowerCase()));
    const stray = cns.find((cn) => !allowed.has(cn) && !lowerAllowed.has(asciiHost(cn) ?? ''));
    if (cns.length === 1 && stray === undefined) return [];
    return [{ id: 'cert.commonNameNotInSan', index: 0, params: { commonName: stray ?? cns.join(', '), count: cns.length } }];
  },
};
