import type { Locale } from '../i18n/locales';
import type { Evidence } from '../model/evidence';
import type { ChainReport } from '../model/report';
import type { PreflightReport, PreflightVerdict } from '../preflight/types';
import type { FixPackFile } from '../fixpack/types';
import type { GuideDocument } from '../guide/model';
import type { CertificateRecord } from '../x509/types';

/** relay-doctor/switchover@1 (DEVELOPERS.md "Switch-over pack"). */
export const SWITCHOVER_SCHEMA = 'relay-doctor/switchover@1';

/** The relay the pack switches: Exchange (Send connector) or IIS 6 SMTP (SMTPSVC). */
export type SwitchOverPlatform = 'exchange' | 'iis';

/** What the admin may choose; every field is optional. */
export interface SwitchOverOptions {
  /** The Send connector to point at the new certificate; else the one to Exchange Online in the evidence. */
  readonly sendConnector?: string;
  /** Exchange or IIS SMTP; else what the evidence shows (Exchange when it shows neither). */
  readonly platform?: SwitchOverPlatform;
}

/**
 * The switch-over model (issue 22 item 2): the pre-flight's report, the evidence it read and the chains the
 * engine built from it. Pure data, so the app's worker and the CLI build the same pack.
 */
export interface SwitchOverInput {
  readonly preflight: PreflightReport;
  readonly evidence: readonly Evidence[];
  /** The engine's chains (Analysis.chains / report.chains): the intermediates are taken along the new leaf's. */
  readonly chains: readonly ChainReport[];
  readonly locale: Locale;
  readonly options?: SwitchOverOptions;
}

/** The decisions the scripts and the guide share, made once (shared/switchover/plan.ts). */
export interface SwitchOverPlan {
  readonly locale: Locale;
  readonly generatedAt: string;
  readonly platform: SwitchOverPlatform;
  readonly verdict: PreflightVerdict;
  /** The titles of the pre-flight checks that failed: the script refuses -Apply without -Force while there are any. */
  readonly failed: readonly string[];
  /** The new certificate. `tlsCertificateName` is the `<I>issuer<S>subject` Set-SendConnector takes. */
  readonly certificate: CertificateRecord;
  readonly tlsCertificateName: string;
  /**
   * The PFX/P12 the script imports from its own folder (never copied into the pack: it holds the key, and its
   * password is asked at run time). Absent for a .cer/.p7b/.pem: the key must already be on the server.
   */
  readonly pfxFile?: string;
  /** Intermediates of the new chain to put into LocalMachine\CA (never the root). */
  readonly intermediates: readonly CertificateRecord[];
  /** The Send connector to repoint (Exchange); absent when the evidence names none: the script finds it. */
  readonly sendConnector?: string;
  /** What that connector names today, from the evidence (the guide's "before"; the script backs up the live value). */
  readonly currentTlsCertificateName?: string;
  /** Its SourceTransportServers as the evidence lists them (the script reads the live list). */
  readonly sourceServers: readonly string[];
  /** Values that could not be written into a script (a control character), each named. */
  readonly omitted: readonly { readonly field: string; readonly codePoint: string }[];
}

/** report.json of the pack: what the scripts will do, for the record and for the app. */
export interface SwitchOverReport {
  readonly schema: typeof SWITCHOVER_SCHEMA;
  readonly generatedAt: string;
  readonly locale: string;
  readonly platform: SwitchOverPlatform;
  readonly preflight: { readonly verdict: PreflightVerdict; readonly failed: readonly string[]; readonly warnings: readonly string[] };
  readonly certificate: {
    readonly sha1: string;
    readonly subject: string;
    readonly issuer: string;
    readonly notAfter: string;
    readonly tlsCertificateName: string;
    readonly pfxFile?: string;
  };
  readonly intermediates: readonly { readonly sha1: string; readonly subject: string }[];
  readonly sendConnector?: string;
  readonly currentTlsCertificateName?: string;
  readonly sourceServers: readonly string[];
  readonly files: readonly string[];
  readonly omitted: SwitchOverPlan['omitted'];
}

export interface SwitchOverPack {
  /** guide.md, guide.html, switch-over.ps1, rollback.ps1, report.json, in this order. */
  readonly files: readonly FixPackFile[];
  readonly guide: GuideDocument;
  readonly plan: SwitchOverPlan;
  readonly report: SwitchOverReport;
}

export interface SwitchOverError {
  readonly code: 'switchover.noCertificate' | 'switchover.selfSigned' | 'ps.quote.controlCharacter' | 'ps.value.notInteger' | 'fixpack.secretFound';
  readonly params?: Readonly<Record<string, string | number>>;
}
