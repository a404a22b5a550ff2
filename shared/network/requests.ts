import { z } from 'zod';

/**
 * Runtime checks for the three network requests the renderer may make (architecture.md: each check is its
 * own IPC method). Meant for shared/ipc/schemas.ts `requestSchemas`; the shapes match ProbeOptions,
 * FetchIssuerRequest and TestRelayOptions in ./types.
 */
const host = z
  .string()
  .min(1)
  .max(253)
  .regex(/^[A-Za-z0-9_.:-]+$/, 'a host name or IP address');
const port = z.number().int().min(1).max(65535);
const timeoutMs = z.number().int().min(100).max(120_000);
/** No spaces, CR/LF or angle brackets: the value goes into an SMTP command line. */
const smtpToken = z.string().max(254).regex(/^[^\s<>]*$/, 'no spaces, line breaks or angle brackets');

export const networkRequestSchemas = {
  'network:probe': z
    .object({ host, port: port.optional(), implicitTls: z.boolean().optional(), timeoutMs: timeoutMs.optional(), servername: host.optional() })
    .strict(),
  'network:fetchIssuer': z
    .object({ url: z.string().min(1).max(2048), childDer: z.instanceof(Uint8Array) })
    .strict(),
  'network:testRelay': z
    .object({
      host,
      port: port.optional(),
      credentials: z.union([
        z.object({ pfx: z.instanceof(Uint8Array), password: z.string().max(1024) }).strict(),
        z.object({ certPem: z.string().max(1_000_000), keyPem: z.string().max(1_000_000) }).strict(),
      ]),
      heloName: smtpToken.min(1),
      mailFrom: smtpToken,
      rcptTo: smtpToken.min(3),
      timeoutMs: timeoutMs.optional(),
      servername: host.optional(),
    })
    .strict(),
} as const;
