import type { Component } from 'svelte';
import type { WizardSession } from './wizard-session.svelte';
import StartStep from './steps/StartStep.svelte';
import EnvironmentStep from './steps/EnvironmentStep.svelte';
import EvidenceStep from './steps/EvidenceStep.svelte';
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
}

/** The ordered registry (style.md §3.6); Wizard.svelte renders whichever is current. */
export const STEPS: readonly StepDefinition[] = [
  { id: 'start', titleKey: 'wizard.start.title', component: StartStep, canAdvance: (s) => s.symptom !== null },
  { id: 'environment', titleKey: 'wizard.environment.title', component: EnvironmentStep, reanalyseOnLeave: true },
  {
    id: 'evidence',
    titleKey: 'wizard.evidence.title',
    component: EvidenceStep,
    canAdvance: (s) => s.evidence.analysed,
  },
  { id: 'findings', titleKey: 'wizard.findings.title', component: FindingsStep },
  { id: 'chain', titleKey: 'wizard.chain.title', component: ChainStep },
  { id: 'fix', titleKey: 'wizard.fix.title', component: FixStep },
];
