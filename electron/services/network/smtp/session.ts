import net from 'node:net';
import { SmtpChannel } from './channel';
import { ehloCapabilities, offersStartTls, type SmtpReply } from './reply';
import { openSocket, type LookupFunction } from '../connect';
import { startTls, type TlsSession } from '../tls/start-tls';
import { networkError, type NetworkError, type NetworkStage } from '../errors';
import { err, ok, type Result } from '../../../../shared/result';
import type { StageTiming } from '../../../../shared/network/types';

export type { StageTiming };

export interface SmtpTarget {
  readonly host: string;
  readonly port: number;
  /** SMTPS (465): TLS from the first byte instead of STARTTLS. */
  readonly implicitTls: boolean;
  readonly timeoutMs: number;
  readonly servername?: string;
  readonly heloName: string;
  readonly lookup?: LookupFunction;
  readonly clientCredentials?: Parameters<typeof startTls>[0]['clientCredentials'];
}

/** Where a conversation stands once TLS is up and EHLO has been repeated over it. */
export interface SecuredSmtp {
  readonly channel: SmtpChannel;
  readonly tls: TlsSession;
  readonly banner: SmtpReply;
  readonly remoteAddress: string;
  /** EHLO keywords in clear (empty for implicit TLS, where there is no clear phase). */
  readonly capabilities: readonly string[];
  readonly capabilitiesAfterTls: readonly string[];
  readonly replies: readonly { readonly stage: NetworkStage; readonly reply: SmtpReply }[];
  readonly timings: StageTiming[];
}

/**
 * The shared opening of the probe and the test relay: connect, banner, EHLO, STARTTLS, handshake, EHLO again
 * (RFC 3207 §4.2: everything learnt before TLS is void). Each stage is timed; failures keep the transcript.
 */
export async function openSecuredSmtp(t: SmtpTarget): Promise<Result<SecuredSmtp, NetworkError>> {
  const timings: StageTiming[] = [];
  const replies: { stage: NetworkStage; reply: SmtpReply }[] = [];
  const opened = await openSocket(t);
  if (!opened.ok) return opened;
  const { socket, remoteAddress } = opened.value;
  if (opened.value.dnsMs !== undefined) timings.push({ stage: 'dns', ms: opened.value.dnsMs });
  timings.push({ stage: 'connect', ms: opened.value.connectMs });
  const channel = new SmtpChannel();
  const fail = <T>(e: NetworkError): Result<T, NetworkError> => {
    socket.destroy();
    return err(e.transcript ? e : { ...e, transcript: [...channel.transcript] });
  };
  const servername = t.servername ?? (net.isIP(t.host) === 0 ? t.host : undefined);

  const handshake = async (): Promise<Result<TlsSession, NetworkError>> => {
    const r = await startTls({ socket, timeoutMs: t.timeoutMs, ...(servername ? { servername } : {}), ...(t.clientCredentials ? { clientCredentials: t.clientCredentials } : {}) });
    if (r.ok) timings.push({ stage: 'tls', ms: r.value.handshakeMs });
    return r;
  };
  const exchange = async (stage: NetworkStage, command: string | null): Promise<Result<SmtpReply, NetworkError>> => {
    const started = performance.now();
    if (command !== null) channel.send(command);
    const r = await channel.reply(stage, t.timeoutMs);
    if (r.ok) {
      timings.push({ stage, ms: performance.now() - started });
      replies.push({ stage, reply: r.value });
    }
    return r;
  };

  let capabilities: string[] = [];
  let session: TlsSession;
  let banner: SmtpReply;
  if (t.implicitTls) {
    const secured = await handshake();
    if (!secured.ok) return fail(secured.error);
    session = secured.value;
    channel.attach(session.socket);
    const b = await exchange('banner', null);
    if (!b.ok) return fail(b.error);
    banner = b.value;
    if (banner.code !== 220) return fail(networkError('network.protocolError', { stage: 'banner', reply: banner.code }));
  } else {
    channel.attach(socket);
    const b = await exchange('banner', null);
    if (!b.ok) return fail(b.error);
    banner = b.value;
    if (banner.code !== 220) return fail(networkError('network.protocolError', { stage: 'banner', reply: banner.code }));
    const ehlo = await exchange('ehlo', `EHLO ${t.heloName}`);
    if (!ehlo.ok) return fail(ehlo.error);
    capabilities = ehlo.value.code === 250 ? ehloCapabilities(ehlo.value) : [];
    if (!offersStartTls(capabilities)) return fail(networkError('network.noStartTls', { host: t.host, port: t.port }));
    const ready = await exchange('starttls', 'STARTTLS');
    if (!ready.ok) return fail(ready.error);
    if (ready.value.code !== 220) return fail(networkError('network.noStartTls', { host: t.host, port: t.port, reply: ready.value.code }));
    if (!channel.detach()) return fail(networkError('network.protocolError', { stage: 'starttls', detail: 'data after STARTTLS reply' }));
    const secured = await handshake();
    if (!secured.ok) return fail(secured.error);
    session = secured.value;
    channel.attach(session.socket);
  }
  const again = await exchange('ehloTls', `EHLO ${t.heloName}`);
  if (!again.ok) {
    // A server that judges the client certificate after the handshake (TLS 1.3 finishes before the server
    // has looked) answers a refusal by closing: to the admin that is a TLS failure, not an SMTP one.
    const closed = again.error.code === 'network.protocolError' && again.error.params?.['detail'] === 'connection closed';
    return fail(closed ? { ...again.error, code: 'network.tlsFailed', params: { stage: 'ehloTls', detail: 'connection closed right after the TLS handshake' } } : again.error);
  }
  const capabilitiesAfterTls = again.value.code === 250 ? ehloCapabilities(again.value) : [];
  return ok({ channel, tls: session, banner, remoteAddress, capabilities, capabilitiesAfterTls, replies, timings });
}

/** Says goodbye politely and closes, whatever the server answers; never fails the caller. */
export async function quit(s: SecuredSmtp, timeoutMs: number): Promise<SmtpReply | null> {
  s.channel.send('QUIT');
  const r = await s.channel.reply('quit', Math.min(timeoutMs, 2000));
  s.tls.socket.end();
  s.tls.socket.destroy();
  return r.ok ? r.value : null;
}
