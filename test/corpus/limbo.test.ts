import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { limboPresent, LIMBO_DIR, serverCases, writeCaseFiles } from './limbo/cases';
import { opensslVerdict, opensslVersion } from './limbo/openssl-verdict';
import { relayDoctorVerdict } from './limbo/relay-doctor-verdict';
import { agreement, agreementTable, type CaseOutcome } from './limbo/agreement-table';

if (!limboPresent) console.warn(`[corpus] SKIPPED x509-limbo suite: ${LIMBO_DIR} is missing (see DEVELOPERS.md)`);

const openssl = opensslVersion();
if (limboPresent && !openssl) console.warn('[corpus] x509-limbo: openssl is not on PATH, its column stays empty');

// Real-world chains (the "online" cases and the CA/B Forum's real cryptography.io chain) must never be refused.
const REAL_WORLD = /^online::|^webpki::cryptographydotio-chain$/;

describe.skipIf(!limboPresent)('x509-limbo server cases (agreement beside OpenSSL)', () => {
  it('agrees with the expected result on at least 90% of SERVER cases, ahead of OpenSSL, with no real-world chain refused', async () => {
    const outcomes: CaseOutcome[] = [];
    for (const c of serverCases()) {
      const files = writeCaseFiles(c);
      const rd = await relayDoctorVerdict(c, files);
      outcomes.push({ id: c.id, expected: c.expected_result, relayDoctor: rd.verdict,
        openssl: openssl ? opensslVerdict(c, files) : null, reasons: rd.reasons });
    }
    const table = agreementTable(outcomes, openssl ?? 'OpenSSL');
    console.log(`\nx509-limbo 2023-12-02, SERVER cases, Relay Doctor vs ${openssl ?? 'OpenSSL (absent)'}\n\n${table}\n`);
    if (process.env['LIMBO_TABLE']) writeFileSync(process.env['LIMBO_TABLE'], table + '\n');
    expect(outcomes.filter((o) => REAL_WORLD.test(o.id) && o.relayDoctor !== o.expected).map((o) => [o.id, o.reasons])).toEqual([]);
    const rate = agreement(outcomes);
    expect(rate.relayDoctor).toBeGreaterThanOrEqual(0.9);
    if (openssl) expect(rate.relayDoctor).toBeGreaterThan(rate.openssl);
  });
});
