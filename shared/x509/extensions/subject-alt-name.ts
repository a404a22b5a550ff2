import type { ExtensionDecoder } from './facts';
import { generalNameText, isGeneralNameList } from './general-name';
import { EXT } from '../oids';

/** RFC 5280 §4.2.1.6: the DNS names Exchange Online compares with TlsSenderCertificateName. */
export const subjectAltName: ExtensionDecoder = {
  oid: EXT.subjectAltName,
  name: 'Subject Alternative Name',
  decode(parsed, facts) {
    const names = (parsed as { altNames?: unknown } | undefined)?.altNames;
    if (!isGeneralNameList(names)) return;
    for (const n of names) {
      const text = generalNameText(n);
      if (text === null) continue;
      if (n.type === 2) facts.dnsNames.push(text);
      else if (n.type === 7) facts.ipAddresses.push(text);
      else if (n.type === 1) facts.emails.push(text);
    }
  },
};
