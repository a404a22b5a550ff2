import { openSecuredSmtp, quit, type SecuredSmtp } from '../smtp/session';
import type { SmtpReply } from '../smtp/reply';
import type { LookupFunction } from '../connect';
import { tlsCredentialOptions } from './client-credentials';
import { networkError, type NetworkError, type NetworkStage } from '../errors';
import { DEFAULT_TIMEOUT_MS } from '../probe-smtp';
import { err, ok, type Result } from '../../../../shared/result';
import type { RelayOutcome, RelayStep, TestRelayOptions, TestRelayResult } from '../../../../shared/network/types';

export type { RelayOutcome, RelayStep, TestRelayOptions, TestRelayResult };

/** An address goes into a command line: CR, LF and angle brackets would let it smuggle a second command. */
const SAFE_ADDRESS = /^[^\s<>\r\n]{0,254}$/;

function isTenantAttribution(reply: SmtpReply): boolean {
  return reply.enhanced === '5.7.64' || reply.lines.some((l) => /TenantAttribution/i.test(l));
}

/**
 * Test relay: STARTTLS presenting the client certificate and its chain, EHLO, MAIL FROM, RCPT TO, then QUIT.
 * It never sends DATA, so no message can be delivered: the RCPT reply already tells whether Exchange Online
 * attributed the session to the tenant (250) or not (550 5.7.64).
 */
export async function testRelay(opts: TestRelayOptions, deps: { readonly lookup?: LookupFunction } = {}): Promise<Result<TestRelayResult, NetworkError>> {
  const port = opts.port ?? 25;
  if (!opts.host || !Number.isInteger(port) || port < 1 || port > 65535) {
    return err(networkError('network.invalidTarget', { target: `${opts.host}:${String(port)}` }));
  }
  for (const [field, value] of [['mailFrom', opts.mailFrom], ['rcptTo', opts.rcptTo], ['heloName', opts.heloName]] as const) {
    if (!SAFE_ADDRESS.test(value) || (field !== 'mailFrom' && value === '')) return err(networkError('network.invalidAddress', { field }));
  }
  const credentials = tlsCredentialOptions(opts.credentials);
  if (!credentials.ok) return credentials;
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const opened = await openSecuredSmtp({
    host: opts.host,
    port,
    implicitTls: false,
    timeoutMs,
    heloName: opts.heloName,
    clientCredentials: credentials.value,
    ...(opts.servername ? { servername: opts.servername } : {}),
    ...(deps.lookup ? { lookup: deps.lookup } : {}),
  });
  if (!opened.ok) return opened;
  const s = opened.value;
  const steps: RelayStep[] = [...s.replies];
  const ask = async (stage: NetworkStage, command: string): Promise<Result<SmtpReply, NetworkError>> => {
    const started = performance.now();
    s.channel.send(command);
    const r = await s.channel.reply(stage, timeoutMs);
    if (r.ok) {
      steps.push({ stage, reply: r.value });
      s.timings.push({ stage, ms: performance.now() - started });
    }
    return r;
  };
  let outcome: RelayOutcome = 'rejected';
  const mail = await ask('mailFrom', `MAIL FROM:<${opts.mailFrom}>`);
  if (!mail.ok) return fail(s, mail.error);
  if (isTenantAttribution(mail.value)) outcome = 'tenantAttributionDenied';
  else if (mail.value.code >= 200 && mail.value.code < 300) {
    const rcpt = await ask('rcptTo', `RCPT TO:<${opts.rcptTo}>`);
    if (!rcpt.ok) return fail(s, rcpt.error);
    outcome = isTenantAttribution(rcpt.value) ? 'tenantAttributionDenied' : rcpt.value.code >= 200 && rcpt.value.code < 300 ? 'accepted' : 'rejected';
  }
  const presented = s.tls.ownCertificates();
  const server = s.tls.peerCertificates();
  const bye = await quit(s, timeoutMs);
  if (bye) steps.push({ stage: 'quit', reply: bye });
  return ok({
    host: opts.host,
    port,
    remoteAddress: s.remoteAddress,
    tls: { protocol: s.tls.protocol, cipher: s.tls.cipherStandardName },
    presentedCertificates: presented ? presented.map((d) => new Uint8Array(d)) : null,
    serverCertificates: server.ders.map((d) => new Uint8Array(d)),
    steps,
    outcome,
    timings: s.timings,
    transcript: s.channel.transcript,
  });
}

function fail(s: SecuredSmtp, e: NetworkError): Result<never, NetworkError> {
  s.tls.socket.destroy();
  return err(e.transcript ? e : { ...e, transcript: [...s.channel.transcript] });
}
