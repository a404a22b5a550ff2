import type { Evidence } from '../model/evidence';
import type { Report } from '../model/report';
import type { Locale } from '../i18n/locales';
import type { CertificateRecord } from '../x509/types';

/** What the admin chose in the Export step (or on the command line); every field is optional. */
export interface FixPackOptions {
  /** The on-premises Send connector to point at the certificate (Set-SendConnector -TlsCertificateName). */
  readonly sendConnector?: string;
  /** Thumbprint of the certificate the server should present; defaults to the leaf of the first chain. */
  readonly certificateThumbprint?: string;
  /** The Exchange Online inbound connector to correct, and the values it should get. */
  readonly inboundConnector?: {
    readonly name?: string;
    readonly tlsSenderCertificateName?: string;
    readonly senderIpAddresses?: readonly string[];
  };
  /** false leaves the transport-service restart out of fix.ps1 (when present it runs only on -RestartTransport, after asking). */
  readonly restartTransport?: boolean;
  /** Script blocks to use instead of those derived from the causes' remediation ids. */
  readonly scriptBlocks?: readonly string[];
}

/** The fix-pack model: everything the generators read. Pure data; time comes in with the report. */
export interface FixPackInput {
  readonly report: Report;
  readonly evidence: readonly Evidence[];
  readonly locale: Locale;
  /** Zone the guide shows dates in (IANA name); absent: the zone of the machine that builds the pack. */
  readonly timeZone?: string;
  /** Intermediates to import; when absent they are taken from the evidence along the reported chains. */
  readonly intermediates?: readonly CertificateRecord[];
  readonly options?: FixPackOptions;
}

/** One file of the fix pack: text files are written as given (UTF-8), scripts already carry their BOM. */
export type FixPackFile =
  | { readonly name: string; readonly text: string }
  | { readonly name: string; readonly bytes: Uint8Array };

/** The decisions the generators share, made once from the model (shared/fixpack/plan.ts). */
export interface FixPlan {
  readonly locale: Locale;
  /** FixPackInput.timeZone: the zone the guide's dates are shown in. */
  readonly timeZone?: string;
  readonly generatedAt: string;
  readonly causeIds: readonly string[];
  /** Script block ids, in execution order. */
  readonly blocks: readonly string[];
  readonly intermediates: readonly CertificateRecord[];
  /** Thumbprint of the certificate the server should present: the Send connector names it, the check verifies it. */
  readonly leafThumbprint?: string;
  /** That certificate, when the evidence holds it (for the guide's texts). */
  readonly leaf?: CertificateRecord;
  readonly sendConnector?: string;
  readonly inboundConnector?: {
    readonly name?: string;
    readonly tlsSenderCertificateName?: string;
    readonly senderIpAddresses?: readonly string[];
  };
  /**
   * False when no cause has a remediation with a script step (an NDR alone, a guide-only fix): the pack then
   * holds no fix.ps1 or rollback.ps1, only the collector and the guide.
   */
  readonly hasFix: boolean;
  /** What the evidence shows the relay to be: Exchange, IIS 6 SMTP, or not known. */
  readonly platform: 'exchange' | 'iis' | 'unknown';
  /** The server the evidence names to act or collect on (an NDR's reporting or generating server). */
  readonly server?: string;
  /** The evidence shows TLS 1.0/1.1-only failures (smtp.legacyTls): only then is the registry changed. */
  readonly legacyTls: boolean;
  /**
   * Values from the evidence that cannot be written safely into a script (a control character such as NUL
   * or U+2028): left out of the scripts and the guide's commands, each named with its first bad character.
   */
  readonly omitted: readonly { readonly field: string; readonly codePoint: string }[];
  /** The changing script these blocks are written into, as its messages name it (absent: fix.ps1). */
  readonly scriptName?: string;
}
