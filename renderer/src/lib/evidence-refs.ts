import { describeRef as describe } from '../../../shared/report/evidence-ref';
import { t } from './i18n.svelte';

/** An evidence reference in the app's language (shared/report/evidence-ref.ts says how). */
export function describeRef(ref: string): string {
  return describe(ref, t);
}
