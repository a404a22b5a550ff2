import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseProbeTarget, probeResultJson, probeSummary } from '../../../../../electron/services/network/cli-hooks';
import { probeSmtp, type ProbeResult } from '../../../../../electron/services/network/probe-smtp';
import { format } from '../../../../../shared/i18n/format';
import { fixture, LOOPBACK, startSmtp, type RunningSmtp, PATIENT_MS } from './local-servers';

describe('parseProbeTarget', () => {
  it.each([
    ['mail.contoso.com', 'mail.contoso.com', 25],
    ['mail.contoso.com:587', 'mail.contoso.com', 587],
    ['192.0.2.10:465', '192.0.2.10', 465],
    ['[2001:db8::1]:2525', '2001:db8::1', 2525],
    ['2001:db8::1', '2001:db8::1', 25],
    ['contoso-com.mail.protection.outlook.com', 'contoso-com.mail.protection.outlook.com', 25],
  ])('reads %s as %s port %i', (text, host, port) => {
    expect(parseProbeTarget(text)).toEqual({ ok: true, value: { host, port } });
  });

  it.each(['', 'mail.contoso.com:0', 'mail.contoso.com:99999', 'mail contoso.com', 'http://mail.contoso.com', '[mail.contoso.com]:25', 'a:b:c'])(
    'refuses %j with network.invalidTarget',
    (text) => {
      const r = parseProbeTarget(text);
      expect(!r.ok && r.error.code).toBe('network.invalidTarget');
    },
  );
});

describe('probe output for the CLI', () => {
  let server: RunningSmtp;
  let probe: ProbeResult;
  beforeAll(async () => {
    server = await startSmtp({ key: fixture('server.key'), cert: fixture('server-full.pem') });
    const r = await probeSmtp({ host: LOOPBACK, port: server.port, timeoutMs: PATIENT_MS });
    if (!r.ok) throw new Error(r.error.code);
    probe = r.value;
  });
  afterAll(() => server.close());

  it('writes JSON with Base64 DER, thumbprints and the receiving-side role', () => {
    const json = probeResultJson(probe) as { schema: string; role: string; certificates: { derBase64: string; sha1: string; subject: string }[] };
    expect(json.schema).toBe('relay-doctor/probe@1');
    expect(json.role).toBe('receivingSide');
    expect(json.certificates).toHaveLength(2);
    expect(json.certificates[0]?.subject).toContain('CN=localhost');
    expect(json.certificates[1]?.subject).toContain('CN=Relay Doctor Test Intermediate');
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it('formats every summary line from the catalogs in English and Czech', () => {
    for (const locale of ['en', 'cs'] as const) {
      const lines = probeSummary(probe).map((m) => format(locale, m.key, m.params));
      expect(lines.some((l) => l === m(locale))).toBe(true);
      for (const l of lines) expect(l).not.toMatch(/^network\./);
    }
    function m(locale: 'en' | 'cs'): string {
      return locale === 'en' ? 'The server sent 2 certificates (exactly as sent)' : 'Server poslal 2 certifikáty (přesně tak, jak je poslal)';
    }
  });
});
