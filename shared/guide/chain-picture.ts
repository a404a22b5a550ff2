import { format } from '../i18n/format';
import { formatList } from '../i18n/lists';
import type { Locale } from '../i18n/locales';
import type { CertificateReport, ChainReport } from '../model/report';
import type { CertificateRecord } from '../x509/types';
import { cnFirst } from '../x509/cn-first';
import { formatLocalDate, type TimeZone } from '../i18n/dates';
import type { ChainNode, ChainPicture } from './model';

export interface ChainPictureInput {
  readonly chain: ChainReport;
  readonly certificates: ReadonlyMap<string, CertificateRecord>;
  /** sha1 → file name in the fix pack, for the intermediates it carries. */
  readonly packFiles: ReadonlyMap<string, string>;
  readonly locale: Locale;
  readonly timeZone?: TimeZone;
  /**
   * The report's certificates: the root a store or the admin's own roots anchored the chain with is there but
   * not in the evidence, and the picture must still name it and call it a root.
   */
  readonly reported?: readonly CertificateReport[];
}

/**
 * One reported chain as a picture: leaf first, then each issuer; when the chain stops at a missing issuer a
 * "missing" node shows its name and where the CA publishes it (AIA), which is what the admin must fetch.
 */
export function chainPicture({ chain, certificates, packFiles, locale, timeZone, reported = [] }: ChainPictureInput): ChainPicture {
  const t = (key: string, params: Record<string, string> = {}) => format(locale, key, params);
  const fromReport = new Map(reported.map((c) => [c.sha1.toUpperCase(), c]));
  const nodes: ChainNode[] = chain.path.map((sha1, i) => {
    const cert = certificates.get(sha1.toUpperCase()) ?? fromReport.get(sha1.toUpperCase());
    const role: ChainNode['role'] = i === 0 ? 'leaf' : cert?.selfSigned ? 'root' : 'intermediate';
    const file = packFiles.get(sha1.toUpperCase());
    // The anchor of a chain judged against the admin's own roots (--trust, "Trust this root") is theirs: say so.
    const theirs = role === 'root' && i === chain.path.length - 1 && chain.trustStore === 'user';
    return {
      role,
      label: t(`guide.chain.role.${role}`),
      subject: cert ? cnFirst(cert.subject) : sha1,
      thumbprint: sha1.toUpperCase(),
      ...(cert ? { notAfter: t('guide.chain.validUntil', { date: formatLocalDate(cert.notAfter, locale, timeZone) }) } : {}),
      ...(file ? { note: t('guide.chain.inPack', { file }) } : theirs ? { note: t('guide.chain.trustedByYou') } : {}),
    };
  });
  if (chain.missingIssuer) {
    const urls = chain.aiaUrls ?? [];
    // The pack may carry the missing issuer (downloaded, or supplied separately): say so on the gap itself.
    const carried = [...certificates.values()].find((c) => c.subject === chain.missingIssuer && packFiles.has(c.sha1.toUpperCase()));
    nodes.push({
      role: 'missing',
      label: t('guide.chain.role.missing'),
      subject: cnFirst(chain.missingIssuer),
      ...(carried ? { thumbprint: carried.sha1.toUpperCase() } : {}),
      note: carried
        ? t('guide.chain.inPack', { file: packFiles.get(carried.sha1.toUpperCase()) ?? '' })
        : urls.length
          ? t('guide.chain.aia', { urls: formatList(locale, urls, 'unit') })
          : t('guide.chain.missingNote'),
    });
  }
  const leaf = certificates.get(chain.leaf.toUpperCase());
  return {
    caption: t('guide.chain.caption', {
      subject: leaf ? cnFirst(leaf.subject) : chain.leaf,
      store: t(`guide.chain.store.${chain.trustStore}`),
      status: t(`guide.chain.status.${chain.status}`),
    }),
    nodes,
  };
}
