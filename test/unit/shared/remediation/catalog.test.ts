import { describe, expect, it } from 'vitest';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { REMEDIATIONS, remediationById } from '../../../../shared/remediation/catalog';
import { remediationParams } from '../../../../shared/remediation/catalog-params';
import { SCRIPT_BLOCK_IDS } from '../../../../shared/remediation/types';
import { format, has } from '../../../../shared/i18n/format';
import { catalog } from '../../../../shared/i18n/catalog';
import { LOCALES, SOURCE_LOCALE } from '../../../../shared/i18n/locales';
import { diagnose } from '../../../../shared/diagnosis/diagnose';
import { finding, input } from '../diagnosis/builders';

/** The ids the brief and findings.md's causes promise, one or more per cause. */
const EXPECTED_IDS = [
  'remediation.importIntermediates',
  'remediation.fixConnectorName',
  'remediation.updateSenderIp',
  'remediation.addAcceptedDomain',
  'remediation.fixEnvelopeSender',
  'remediation.fixSendConnectorCertificate',
  'remediation.fixInboundConnector',
  'remediation.enableTls',
  'remediation.uniqueCertificatePerTenant',
  'remediation.renewCertificate',
  'remediation.clientAuthCertificate',
  'remediation.fixSmartHost',
];

function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const el of elements) if (el.type === TYPE.argument) into.add(el.value);
  return into;
}

describe('the remediation catalog', () => {
  it('holds every promised id exactly once', () => {
    expect(REMEDIATIONS.map((r) => r.id).sort()).toEqual([...EXPECTED_IDS].sort());
  });

  it('has a title, a detail and every step in every language', () => {
    for (const locale of LOCALES) {
      for (const r of REMEDIATIONS) {
        for (const key of [r.titleKey, r.detailKey, ...r.stepsKeys]) expect(has(locale, key), `${locale}:${key}`).toBe(true);
        for (const p of r.parameters) expect(has(locale, `remediation.param.${p.name}`), `${locale}:param ${p.name}`).toBe(true);
        expect(has(locale, `remediation.side.${r.side}`)).toBe(true);
      }
    }
  });

  it('uses in its texts only the parameters the entry declares', () => {
    const source = catalog(SOURCE_LOCALE);
    for (const r of REMEDIATIONS) {
      const declared = r.parameters.map((p) => p.name);
      for (const key of [r.titleKey, r.detailKey, ...r.stepsKeys]) {
        const used = [...argumentsOf(parse(source[key] ?? '', { ignoreTag: true }))];
        // {ps_<name>} is the same parameter quoted for a command (catalog-params.ts).
        for (const name of used) expect(declared, `${key} uses {${name}}`).toContain(name.replace(/^ps_/, ''));
      }
    }
  });

  it('lists only script blocks the fix-pack generator knows, and a documentation link', () => {
    for (const r of REMEDIATIONS) {
      expect(r.stepsKeys.length).toBeGreaterThan(0);
      for (const b of r.scriptBlocks) expect(SCRIPT_BLOCK_IDS).toContain(b);
      expect(r.docUrl).toMatch(/^https:\/\//);
    }
  });

  it('formats every step with placeholders when the cause knew nothing, and with the values when it did', () => {
    for (const locale of LOCALES) {
      for (const r of REMEDIATIONS) {
        for (const key of r.stepsKeys) expect(() => format(locale, key, remediationParams(r))).not.toThrow();
      }
    }
    const entry = remediationById('remediation.importIntermediates');
    expect(entry).toBeDefined();
    if (!entry) return;
    const step1 = format('en', entry.stepsKeys[0] ?? '', remediationParams(entry, { aiaUrls: ['http://a/1.crt', 'http://a/2.crt'] }));
    expect(step1).toContain('<missingIssuer>');
    expect(step1).toContain('http://a/1.crt, http://a/2.crt');
  });

  it('gives every cause a remediation whose parameters the cause can fill', () => {
    const causes = diagnose(
      input([
        finding('chain.missingIntermediate', { missingIssuer: 'CN=Contoso Issuing CA 1', aiaUrls: ['http://aia/ca.crt'] }, ['cert:AB']),
        finding('smtp.tenantAttribution'),
      ]),
    );
    const c1 = causes.find((c) => c.id === 'cause.intermediatesNotSent');
    const entry = remediationById(c1?.remediation[0] ?? '');
    expect(entry && remediationParams(entry, c1?.params)).toEqual({
      missingIssuer: 'CN=Contoso Issuing CA 1',
      ps_missingIssuer: "'CN=Contoso Issuing CA 1'",
      aiaUrls: 'http://aia/ca.crt',
      ps_aiaUrls: "'http://aia/ca.crt'",
      thumbprint: 'AB',
      ps_thumbprint: "'AB'",
    });
  });
});

describe('the catalog and the fix-pack script blocks', () => {
  it('names only blocks the script generator really has', async () => {
    const { SCRIPT_BLOCKS } = await import('../../../../shared/remediation/scripts/registry');
    const provided = SCRIPT_BLOCKS.map((b) => b.id);
    for (const id of SCRIPT_BLOCK_IDS) expect(provided, id).toContain(id);
  });
});
