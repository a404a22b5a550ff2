import { describe, expect, it } from 'vitest';
import { nextQuestions } from '../../../../shared/questions/next';
import { inferAnswers, combineAnswers } from '../../../../shared/questions/infer';
import { QUESTIONS } from '../../../../shared/questions/tree';
import { optionKey } from '../../../../shared/questions/types';
import { has } from '../../../../shared/i18n/format';
import { LOCALES } from '../../../../shared/i18n/locales';
import type { EventLogEvidence } from '../../../../shared/eventlog/types';
import { CERT_CONNECTOR, IP_CONNECTOR, REFUSED, finding, session, settings, smtpLog } from '../diagnosis/builders';

const ids = (qs: { id: string }[]) => qs.map((q) => q.id);
const transportEvent: EventLogEvidence = {
  kind: 'events',
  id: 'app.evtx',
  source: 'app.evtx',
  format: 'evtx',
  records: [{ recordId: 1, eventId: 12014, provider: 'MSExchangeFrontEndTransport', channel: 'Application', level: 2, timeCreated: '2026-11-01T00:00:00Z', computer: 'EX01', system: {}, data: null }],
};

describe('inferAnswers', () => {
  it('knows an Exchange sender from a send protocol log, Get-SendConnector output or a transport event', () => {
    expect(inferAnswers([smtpLog([session('a@contoso.com', REFUSED)])]).sendingSystem).toBe('exchange');
    expect(inferAnswers([settings({ send: [{ name: 'To EOP' }] })]).sendingSystem).toBe('exchange');
    expect(inferAnswers([transportEvent]).sendingSystem).toBe('exchange');
  });

  it('knows an IIS sender from an IIS SMTP log, and leaves mixed evidence to the admin', () => {
    const iis = smtpLog([], 'iis', 'ex240514.log');
    expect(inferAnswers([iis]).sendingSystem).toBe('iis');
    expect(inferAnswers([iis, transportEvent]).sendingSystem).toBeUndefined();
  });

  it('reads the connector type and name from Get-InboundConnector, ignoring disabled and Partner connectors', () => {
    expect(inferAnswers([settings({ inbound: [CERT_CONNECTOR] })])).toEqual({ connectorType: 'certificate', tlsSenderCertificateName: '*.contoso.com' });
    expect(inferAnswers([settings({ inbound: [IP_CONNECTOR, { ...CERT_CONNECTOR, enabled: false }] })])).toEqual({ connectorType: 'ip' });
    expect(inferAnswers([settings({ inbound: [IP_CONNECTOR, CERT_CONNECTOR] })])).toEqual({ tlsSenderCertificateName: '*.contoso.com' });
  });

  it('reads a Format-Table without ConnectorType, but never a Partner connector', () => {
    const untyped = { name: 'Relay', tlsSenderCertificateName: 'mail.contoso.com' };
    expect(inferAnswers([settings({ inbound: [untyped] })])).toEqual({ connectorType: 'certificate', tlsSenderCertificateName: 'mail.contoso.com' });
    expect(inferAnswers([settings({ inbound: [{ ...untyped, connectorType: 'Partner' }] })])).toEqual({});
  });

  it('takes the expected name from a name-mismatch finding', () => {
    expect(inferAnswers([], [finding('cert.nameMismatch', { expected: 'mail.contoso.com' })])).toEqual({ tlsSenderCertificateName: 'mail.contoso.com' });
  });

  it('never answers the renewal or internal-mail questions', () => {
    const all = inferAnswers([smtpLog([session('a@contoso.com', REFUSED)]), settings({ inbound: [CERT_CONNECTOR], send: [{ name: 'x' }] })]);
    expect(all.recentRenewal).toBeUndefined();
    expect(all.internalMailFlows).toBeUndefined();
  });

  it('lets explicit answers win when combined', () => {
    expect(combineAnswers([settings({ inbound: [CERT_CONNECTOR] })], [], { connectorType: 'ip' }).connectorType).toBe('ip');
  });
});

describe('nextQuestions', () => {
  it('asks all but the Exchange-only question when nothing is known', () => {
    expect(ids(nextQuestions([], [], {}))).toEqual(['sendingSystem', 'connectorType', 'tlsSenderCertificateName', 'recentRenewal']);
  });

  it('does not ask what an Exchange send log and Get-InboundConnector output already answer', () => {
    const evidence = [smtpLog([session('a@contoso.com', REFUSED)]), settings({ inbound: [CERT_CONNECTOR] })];
    expect(ids(nextQuestions(evidence, [], {}))).toEqual(['recentRenewal', 'internalMailFlows']);
  });

  it('skips the certificate name for an IP-based connector and the renewal question outside Exchange', () => {
    expect(ids(nextQuestions([], [], { sendingSystem: 'iis', connectorType: 'ip' }))).toEqual([]);
    expect(ids(nextQuestions([], [], { sendingSystem: 'exchange', connectorType: 'ip' }))).toEqual(['recentRenewal', 'internalMailFlows']);
  });

  it('asks nothing more once everything is answered', () => {
    const answers = { sendingSystem: 'exchange', connectorType: 'unknown', tlsSenderCertificateName: 'x.contoso.com', recentRenewal: false, internalMailFlows: true } as const;
    expect(nextQuestions([], [], answers)).toEqual([]);
  });

  it('does not ask the connector type again after "I don\'t know"', () => {
    expect(ids(nextQuestions([], [], { connectorType: 'unknown' }))).not.toContain('connectorType');
  });
});

describe('question texts', () => {
  it('exist in every language for every question and option', () => {
    for (const locale of LOCALES) {
      for (const q of QUESTIONS) {
        expect(has(locale, q.titleKey), `${locale} ${q.titleKey}`).toBe(true);
        expect(has(locale, q.helpKey), `${locale} ${q.helpKey}`).toBe(true);
        const options = q.input === 'yesNo' ? ['yes', 'no'] : (q.options ?? []);
        for (const o of options) expect(has(locale, optionKey(q.id, o)), `${locale} ${optionKey(q.id, o)}`).toBe(true);
      }
    }
  });
});
