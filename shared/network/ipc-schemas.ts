import { z } from 'zod';
import { isHostName } from './host';

/**
 * Runtime checks of the network IPC requests (types in ./ipc.ts). Stricter than a character class: a host is
 * a DNS name, an IPv4 address or a bare IPv6 address, so nothing with spaces, a scheme, a path or a port
 * glued on reaches a socket. Sizes are capped so a page cannot hand main megabytes to chew on.
 */
export { isHostName };

export const host = z.string().max(253).refine(isHostName, 'a host name or IP address');
export const port = z.number().int().min(1).max(65535);
/** No spaces, CR/LF or angle brackets: the value goes into an SMTP command line. */
const smtpToken = z.string().max(254).regex(/^[^\s<>]*$/, 'no spaces, line breaks or angle brackets');
const base64 = (maxChars: number) => z.string().min(4).max(maxChars).regex(/^[A-Za-z0-9+/]+={0,2}$/, 'Base64');

/** A certificate is a few KB; 64 KiB of Base64 leaves room for odd ones. A PFX with its chain is far below 1 MiB. */
export const NETWORK_LIMITS = { certificateChars: 65_536, certificates: 20, urls: 20, urlChars: 2048, pfxChars: 1_398_104, pemChars: 1_000_000, passwordChars: 1024 } as const;

export const networkIpcSchemas = {
  'network:probe': z.object({ host, port: port.optional(), implicitTls: z.boolean().optional() }).strict(),
  'network:fetchIssuers': z
    .object({
      certificates: z.array(base64(NETWORK_LIMITS.certificateChars)).min(1).max(NETWORK_LIMITS.certificates),
      urls: z.array(z.string().min(1).max(NETWORK_LIMITS.urlChars)).min(1).max(NETWORK_LIMITS.urls),
    })
    .strict(),
  'network:testRelay': z
    .object({
      host,
      port: port.optional(),
      credentials: z.union([
        z.object({ pfxBase64: base64(NETWORK_LIMITS.pfxChars), password: z.string().max(NETWORK_LIMITS.passwordChars) }).strict(),
        z.object({ certPem: z.string().min(1).max(NETWORK_LIMITS.pemChars), keyPem: z.string().min(1).max(NETWORK_LIMITS.pemChars) }).strict(),
      ]),
      heloName: smtpToken.min(1),
      mailFrom: smtpToken,
      rcptTo: smtpToken.min(3),
    })
    .strict(),
} as const;
