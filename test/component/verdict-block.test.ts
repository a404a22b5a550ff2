import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import VerdictBlock from '../../renderer/src/components/VerdictBlock.svelte';
import { setLocale } from '../../renderer/src/lib/i18n.svelte';
import { leadOf } from '../../renderer/src/lib/lead';
import type { EvidenceStore } from '../../renderer/src/wizard/evidence-store.svelte';
import type { CauseReport, Report } from '../../shared/model/report';
import type { Verdict } from '../../shared/model/verdict';

afterEach(cleanup);

const c1: CauseReport = {
  id: 'cause.intermediatesNotSent',
  confidence: 'certain',
  findings: [],
  remediation: ['remediation.importIntermediates'],
  title: '',
  detail: '',
  params: { missingIssuer: 'CN=Contoso Issuing CA 2, O=Contoso', aiaUrls: [], thumbprint: 'AB', seenOn: 'probe' },
};
const c2: CauseReport = { ...c1, id: 'cause.certificateNameMismatch', confidence: 'possible', remediation: [], params: {} };

function report(verdict: Verdict, causes: CauseReport[] = []): Report {
  return {
    schema: 'relay-doctor/report@1',
    generatedAt: '2026-12-07T12:00:00Z',
    validationTime: '2026-12-07T12:00:00Z',
    locale: 'en',
    inputs: [{ file: 'x.cer', kind: 'certificates', status: 'ok', items: 1 }],
    certificates: [],
    chains: [],
    findings: [],
    causes,
    verdict,
  };
}

function draw(r: Report, locale: 'en' | 'de' = 'en') {
  setLocale(locale);
  const onOnward = vi.fn();
  render(VerdictBlock, { props: { lead: leadOf(r), store: {} as EvidenceStore, onOnward } });
  return onOnward;
}

const none = { remediation: [], collect: [] } as const;

describe('VerdictBlock', () => {
  it('names the lead cause, how sure, the one fix and the server to run it on', async () => {
    const onOnward = draw(
      report(
        { status: 'cause', cause: c1.id, confidence: 'certain', next: { action: 'fix', server: 'EX01', remediation: c1.remediation, collect: [] }, alternatives: [c2.id], mismatches: [], symptom: true },
        [c1, c2],
      ),
    );
    const block = screen.getByRole('region', { name: 'The sending server does not send its intermediate certificates' });
    expect(within(block).getByText('How sure: certain. The evidence proves it.')).toBeTruthy();
    expect(within(block).getByText(/^Do this first, on EX01: /)).toBeTruthy();
    // The alternatives are not in the block: the Findings step folds them away below it.
    expect(within(block).queryByText(/name/i)).toBeNull();
    await fireEvent.click(within(block).getByRole('button', { name: 'Build the fix' }));
    expect(onOnward).toHaveBeenCalledOnce();
  });

  it('asks for what is missing on the named server when the evidence is not enough', () => {
    draw(report({ status: 'insufficientEvidence', cause: null, confidence: null, next: { action: 'collect', server: 'EX01', remediation: [], collect: ['capi2Events', 'sendProtocolLog'] }, alternatives: [], mismatches: [], symptom: true }));
    const block = screen.getByRole('region', { name: 'Not enough evidence' });
    expect(within(block).getByText(/^Collect more evidence on EX01: run collect-evidence\.ps1 there.*CAPI2 and transport events.*and the Send connector/)).toBeTruthy();
    expect(within(block).getByRole('button', { name: 'Collect more evidence on EX01' })).toBeTruthy();
  });

  it('says there is nothing to fix, with no button onward, when the evidence shows a healthy relay', () => {
    draw(report({ status: 'healthy', cause: null, confidence: null, next: { action: 'none', ...none }, alternatives: [], mismatches: [], symptom: false }));
    const block = screen.getByRole('region', { name: 'No problem found' });
    expect(within(block).getByText(/^Nothing to fix/)).toBeTruthy();
    expect(within(block).queryByRole('button')).toBeNull();
  });

  it('speaks the user’s language', () => {
    draw(report({ status: 'cause', cause: c1.id, confidence: 'likely', next: { action: 'fix', remediation: c1.remediation, collect: [] }, alternatives: [], mismatches: [], symptom: true }, [c1]), 'de');
    expect(screen.getByRole('button', { name: 'Behebung erstellen' })).toBeTruthy();
    expect(screen.getByText(/^Einschätzung: wahrscheinlich/)).toBeTruthy();
    setLocale('en');
  });
});

describe('leadOf', () => {
  it('gives a report written before the verdict existed one from its ranked causes', () => {
    const { verdict, ...old } = report({ status: 'healthy', cause: null, confidence: null, next: { action: 'none', ...none }, alternatives: [], mismatches: [], symptom: false }, [c2, c1]);
    void verdict;
    const lead = leadOf(old as Report);
    expect(lead.verdict.status).toBe('cause');
    expect(lead.cause?.id).toBe(c1.id);
    expect(lead.alternatives.map((c) => c.id)).toEqual([c2.id]);
  });
});
