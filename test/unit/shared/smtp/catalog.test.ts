import { describe, expect, it } from 'vitest';
import { analyzeEvidence } from '../../../../shared/engine/analyze';
import { readInputs } from '../../../../shared/engine/read-inputs';
import { smtpAnalyzer } from '../../../../shared/smtp/analyzer';
import { settingsAnalyzer } from '../../../../shared/settings/analyzer';
import { format, has } from '../../../../shared/i18n/format';
import { LOCALES } from '../../../../shared/i18n/locales';
import { TEXT_RULES } from '../../../../shared/smtp/rules/registry';
import { CONTEXT, fixture, READ_OPTIONS } from './helpers';

/** Groups of fixtures analysed together; between them they give every finding both analyzers know. */
const GROUPS = [
  ['settings/get-inboundconnector-fl.txt', 'smtp/SEND20240516-1.log', 'smtp/SEND20240516-2.log', 'settings/get-accepteddomain-ft.txt'],
  ['settings/get-inboundconnector-fl.txt', 'settings/get-exchangecertificate-fl.txt', 'smtp/exchange-send-no-starttls.log'],
  ['settings/get-sendconnector-fl.txt', 'settings/get-exchangecertificate-fl.txt'],
  ['settings/get-inboundconnector.json'],
].map((g) => g.map(fixture));

const ALL = [
  'smtp/exchange-send-5.7.64-cert-sent.log',
  'smtp/exchange-send-nocredentials.log',
  'smtp/exchange-send-socketerror.log',
  'smtp/exchange-send-no-starttls.log',
  'smtp/exchange-send-family-codes.log',
  'smtp/SEND20240516-1.log',
  'smtp/SEND20240516-2.log',
  'smtp/iis-smtpsvc-ex240514.log',
  'ndr/pasted-attr36.txt',
  'settings/get-inboundconnector-fl.txt',
  'settings/get-inboundconnector.json',
  'settings/get-sendconnector-fl.txt',
  'settings/get-exchangecertificate-fl.txt',
  'settings/get-accepteddomain-ft.txt',
].map(fixture);

describe('SMTP and settings texts', () => {
  it('has a title and detail in every language for every SMTP rule', () => {
    for (const locale of LOCALES) {
      for (const id of [...TEXT_RULES.map((r) => r.id), 'smtp.noStartTls']) {
        expect(has(locale, `${id}.title`) && has(locale, `${id}.detail`), `${locale}:${id}`).toBe(true);
      }
    }
  });

  it('formats every finding and warning the fixtures produce, in every language, with its params', async () => {
    const findings = [];
    const outcomes = [];
    for (const inputs of [ALL, ...GROUPS]) {
      const read = await readInputs(inputs, READ_OPTIONS);
      outcomes.push(...read.outcomes);
      findings.push(...(await analyzeEvidence(read.evidence, CONTEXT, [smtpAnalyzer, settingsAnalyzer], [])).findings);
    }
    expect([...new Set(findings.map((f) => f.id))].sort()).toEqual([
      'acceptedDomain.certificateDomainNotAccepted',
      'connector.disabled',
      'connector.invalidName',
      'connector.ipNotListed',
      'connector.nameMismatch',
      'connector.notOnPremises',
      'exchangeCertificate.noPrivateKey',
      'exchangeCertificate.notEnabledForSmtp',
      'sendConnector.staleCertificateName',
      'smtp.attr36',
      'smtp.directSendRejected',
      'smtp.legacyTls',
      'smtp.noCredentials',
      'smtp.noStartTls',
      'smtp.outdatedServer',
      'smtp.tenantAttribution',
      'smtp.untrustedRoot',
      'smtp.wrongRegion',
    ]);
    for (const locale of LOCALES) {
      for (const f of findings) {
        for (const part of ['title', 'detail']) {
          const key = `${f.id}.${part}`;
          expect(has(locale, key), `${locale}:${key}`).toBe(true);
          const text = format(locale, key, f.params);
          expect(text).not.toContain('{');
        }
      }
      for (const o of outcomes) for (const w of o.warnings ?? []) expect(has(locale, w.code), w.code).toBe(true);
    }
  });
});
