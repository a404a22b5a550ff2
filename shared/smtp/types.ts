/**
 * One SMTP log line of evidence. `ref` is the evidence reference (`<file>#L<n>`) so findings can point back to
 * it even after sessions from several files were merged.
 */
export interface SmtpLine {
  readonly line: number;
  readonly ref: string;
  /** From the logging server's point of view: what it sent, what it received, or its own note (`*`). */
  readonly direction: 'sent' | 'received' | 'info';
  /** A command (EHLO, MAIL …), a reply (250 …), a connect/disconnect, or a note of the logging server. */
  readonly kind: 'command' | 'reply' | 'connect' | 'disconnect' | 'info';
  readonly text: string;
  /** Exchange's `context` column (for `*` lines it names what `data` holds, e.g. "Certificate subject"). */
  readonly context?: string;
  readonly timestamp?: string;
}

/** A certificate as an Exchange protocol log describes it (only the lines the log had). */
export interface LoggedCertificate {
  readonly subject?: string;
  readonly issuer?: string;
  readonly serial?: string;
  readonly thumbprint?: string;
  readonly dnsNames?: readonly string[];
  /** Evidence references of the lines that described it. */
  readonly refs: readonly string[];
}

export type SessionStatus = 'delivered' | 'rejected' | 'deferred' | 'tlsFailed' | 'unknown';

/** A rebuilt SMTP conversation (Exchange protocol log, IIS SMTP log, probe transcript). */
export interface SmtpSession {
  readonly sessionId: string;
  /** 'client' when the logging server opened the connection (SmtpSend, IIS outbound), else 'server'. */
  readonly role: 'client' | 'server';
  readonly localEndpoint?: string;
  readonly remoteEndpoint?: string;
  /** The peer's host name when a banner or greeting reply names it (EOP: `*.mail.protection.outlook.com`). */
  readonly remoteHost?: string;
  /** The client address the server saw, from `250-<host> Hello [<ip>]` (the public address after NAT). */
  readonly observedClientIp?: string;
  readonly connector?: string;
  readonly ehlo?: string;
  readonly startTls: boolean;
  readonly tlsOutcome?: 'ok' | 'failed';
  readonly tlsError?: string;
  readonly certificateSent?: LoggedCertificate;
  readonly certificateReceived?: LoggedCertificate;
  readonly lines: readonly SmtpLine[];
  /** The decisive reply: the last 4xx/5xx reply, else the last reply. */
  readonly finalReply?: string;
  readonly status: SessionStatus;
  /** False when the log holds only part of the conversation (it may continue in another file). */
  readonly complete: boolean;
  /**
   * On large analyses: how many further complete sessions were identical to this one apart from session id,
   * times, line numbers and local port, and were counted here instead of kept: of the same log (fold.ts), or of
   * later logs of the same format in the analysis (fold-across.ts).
   */
  readonly alike?: number;
}

export interface SmtpLogEvidence {
  readonly kind: 'smtpLog';
  readonly id: string;
  readonly source: string;
  readonly format: 'exchangeSend' | 'exchangeReceive' | 'iis' | 'transcript';
  readonly sessions: readonly SmtpSession[];
}

export interface NdrRecipient {
  readonly recipient?: string;
  readonly action?: string;
  readonly status?: string;
  readonly remoteMta?: string;
  readonly diagnosticCode?: string;
}

/** A non-delivery report, from .eml, .msg or pasted text. */
export interface NdrMessage {
  readonly index: number;
  readonly subject?: string;
  /** When the NDR was written (its Date header, ISO-8601), when the format carries it. */
  readonly date?: string;
  /** The refused message's envelope (P1) sender: the address the NDR was returned to. */
  readonly envelopeSender?: string;
  readonly reportingMta?: string;
  readonly generatingServer?: string;
  /** The server that refused, from "Remote server:" or the host line above "Remote Server returned". */
  readonly remoteServer?: string;
  readonly recipients: readonly NdrRecipient[];
  /** Every SMTP reply text found (DSN Diagnostic-Code, "Remote Server returned '…'", body lines). */
  readonly replies: readonly string[];
  /** Enhanced status codes found, e.g. 5.7.64, in order of first appearance. */
  readonly statusCodes: readonly string[];
}

export interface NdrEvidence {
  readonly kind: 'ndr';
  readonly id: string;
  readonly source: string;
  readonly format: 'eml' | 'msg' | 'text';
  readonly messages: readonly NdrMessage[];
}
