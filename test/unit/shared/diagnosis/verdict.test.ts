import { describe, expect, it } from 'vitest';
import { verdict } from '../../../../shared/diagnosis/verdict';
import { has } from '../../../../shared/i18n/format';
import { LOCALES } from '../../../../shared/i18n/locales';

const certs = { kind: 'certificates' as const, status: 'ok' as const, items: 2 };
const events = { kind: 'events' as const, status: 'ok' as const, items: 40 };

describe('verdict', () => {
  it('says problem when a cause was diagnosed', () => {
    expect(verdict({ inputs: [certs], findings: [], causes: [{ id: 'cause.noTls' }] })).toBe('problem');
  });

  it('says problem for a finding of medium severity or above even without a cause', () => {
    expect(verdict({ inputs: [certs], findings: [{ severity: 'medium' }], causes: [] })).toBe('problem');
  });

  it('says healthy when a certificate set or SMTP log was read and only low or info findings exist', () => {
    expect(verdict({ inputs: [certs], findings: [{ severity: 'info' }, { severity: 'low' }], causes: [] })).toBe('healthy');
    expect(verdict({ inputs: [{ kind: 'smtpLog', status: 'ok', items: 3 }], findings: [], causes: [] })).toBe('healthy');
  });

  it('says insufficientEvidence when nothing that could show the problem was read', () => {
    expect(verdict({ inputs: [], findings: [], causes: [] })).toBe('insufficientEvidence');
    expect(verdict({ inputs: [events], findings: [], causes: [] })).toBe('insufficientEvidence');
    expect(verdict({ inputs: [{ kind: 'certificates', status: 'rejected' }], findings: [], causes: [] })).toBe('insufficientEvidence');
    expect(verdict({ inputs: [{ kind: 'smtpLog', status: 'ok', items: 0 }], findings: [], causes: [] })).toBe('insufficientEvidence');
  });

  it('has a title and detail for every verdict in every language', () => {
    for (const locale of LOCALES)
      for (const v of ['problem', 'healthy', 'insufficientEvidence'])
        for (const part of ['title', 'detail']) expect(has(locale, `verdict.${v}.${part}`), `${locale} ${v}`).toBe(true);
  });
});
