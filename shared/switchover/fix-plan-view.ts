import type { FixPlan } from '../fixpack/types';
import type { SwitchOverPlan } from './types';

/**
 * The switch-over seen as a fix plan, so that the fix pack's own script blocks (importIntermediates,
 * enableStartTls, verifyChain) write the same PowerShell here: one implementation of the KB 3212877 import,
 * of IIS's Outbound Security and of the local-stores verification.
 */
export function asFixPlan(plan: SwitchOverPlan): FixPlan {
  return {
    locale: plan.locale,
    generatedAt: plan.generatedAt,
    causeIds: [],
    blocks: [],
    intermediates: plan.intermediates,
    leafThumbprint: plan.certificate.sha1.toUpperCase(),
    leaf: plan.certificate,
    ...(plan.sendConnector ? { sendConnector: plan.sendConnector } : {}),
    hasFix: true,
    platform: plan.platform,
    legacyTls: false,
    omitted: plan.omitted,
    scriptName: 'switch-over.ps1',
  };
}
