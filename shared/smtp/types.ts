/** One SMTP line of evidence, with where it came from so findings can point back to it. */
export interface SmtpLine {
  readonly line: number;
  readonly direction: 'sent' | 'received' | 'info';
  readonly text: string;
  readonly timestamp?: string;
}

/** A rebuilt SMTP conversation (Exchange protocol log, IIS SMTP log, probe transcript). */
export interface SmtpSession {
  readonly sessionId: string;
  readonly localEndpoint?: string;
  readonly remoteEndpoint?: string;
  readonly connector?: string;
  readonly ehlo?: string;
  readonly startTls: boolean;
  readonly tlsOutcome?: 'ok' | 'failed';
  readonly tlsError?: string;
  readonly certificateSent?: {
    readonly subject?: string;
    readonly issuer?: string;
    readonly serial?: string;
    readonly thumbprint?: string;
    readonly dnsNames?: readonly string[];
  };
  readonly lines: readonly SmtpLine[];
  readonly finalReply?: string;
}

export interface SmtpLogEvidence {
  readonly kind: 'smtpLog';
  readonly id: string;
  readonly source: string;
  readonly format: 'exchangeSend' | 'exchangeReceive' | 'iis' | 'transcript';
  readonly sessions: readonly SmtpSession[];
}

/** A non-delivery report, from .eml, .msg or pasted text. */
export interface NdrMessage {
  readonly index: number;
  readonly subject?: string;
  readonly reportingMta?: string;
  readonly generatingServer?: string;
  readonly recipients: ReadonlyArray<{
    readonly recipient?: string;
    readonly action?: string;
    readonly status?: string;
    readonly remoteMta?: string;
    readonly diagnosticCode?: string;
  }>;
  /** Every SMTP reply text found (DSN Diagnostic-Code, "Remote Server returned '…'", body lines). */
  readonly replies: readonly string[];
  /** Enhanced status codes found, e.g. 5.7.64. */
  readonly statusCodes: readonly string[];
}

export interface NdrEvidence {
  readonly kind: 'ndr';
  readonly id: string;
  readonly source: string;
  readonly format: 'eml' | 'msg' | 'text';
  readonly messages: readonly NdrMessage[];
}
