import type { Component } from 'svelte';
import type { StepPlan, WizardSession } from './wizard-session.svelte';
import { hasOpenQuestions } from '../../../shared/questions/paths';
import StartStep from './steps/StartStep.svelte';
import EnvironmentStep from './steps/EnvironmentStep.svelte';
import EvidenceStep from './steps/EvidenceStep.svelte';
import PreflightStep from './steps/PreflightStep.svelte';
import FindingsStep from './steps/FindingsStep.svelte';
import ChainStep from './steps/ChainStep.svelte';
import FixStep from './steps/FixStep.svelte';

export interface StepProps {
  session: WizardSession;
}

/** One wizard step: its body, its title, and what must be true before Next is offered. */
export interface StepDefinition {
  readonly id: string;
  readonly titleKey: string;
  readonly component: Component<StepProps>;
  /** Next stays disabled until this holds; a step without it can always be left. */
  readonly canAdvance?: (session: WizardSession) => boolean;
  /** Leaving the step changed something the analysis depends on (the admin's answers). */
  readonly reanalyseOnLeave?: boolean;
  /** Whether this case takes the step at all; a step without it is on every path. Skipped steps are not listed. */
  readonly when?: (session: WizardSession) => boolean;
}

/**
 * The ordered registry (style.md §3.6); Wizard.svelte renders whichever is current. Evidence comes first
 * (issue 21 item 1): the questions step then asks only what the evidence left open, and is passed over when
 * nothing is; the renewal path goes from the evidence to its pre-flight (issue 22), until the admin has
 * switched over and checks the server again (then the baseline is the state before the switch).
 */
export const STEPS: readonly StepDefinition[] = [
  { id: 'start', titleKey: 'wizard.start.title', component: StartStep, canAdvance: (s) => s.symptom !== null },
  {
    id: 'evidence',
    titleKey: 'wizard.evidence.title',
    component: EvidenceStep,
    canAdvance: (s) => s.evidence.analysed,
  },
  {
    id: 'environment',
    titleKey: 'wizard.environment.title',
    component: EnvironmentStep,
    reanalyseOnLeave: true,
    when: (s) => hasOpenQuestions(s.symptom, s.evidence.inferred, s.answers),
  },
  {
    id: 'preflight',
    titleKey: 'renewal.preflight.title',
    component: PreflightStep,
    when: (s) => s.symptom === 'renewal' && s.baseline === null,
  },
  { id: 'findings', titleKey: 'wizard.findings.title', component: FindingsStep },
  { id: 'chain', titleKey: 'wizard.chain.title', component: ChainStep },
  { id: 'fix', titleKey: 'wizard.fix.title', component: FixStep },
];

/** The plan the session navigates by: the registry's ids and each step's `when`. */
export const STEP_PLAN: StepPlan = {
  ids: STEPS.map((s) => s.id),
  applies: (index, session) => STEPS[index]?.when?.(session) ?? true,
};

