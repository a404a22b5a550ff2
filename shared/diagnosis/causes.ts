import type { CauseRule } from './cause-rule';

/** Registry of cause rules, numbered as domain.md §1.3 (C1–C11). */
export const CAUSE_RULES: readonly CauseRule[] = [];
