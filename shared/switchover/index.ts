/**
 * The switch-over pack's public API (issue 22 item 2): the CLI's `preflight … --out` and the app's renewal
 * path call `buildSwitchOverPack`; pure, so it runs in the renderer's worker.
 */
export { buildSwitchOverPack, SWITCHOVER_FILES } from './build-pack';
export { buildSwitchOverPlan } from './plan';
export type { SwitchOverError, SwitchOverInput, SwitchOverOptions, SwitchOverPack, SwitchOverPlan, SwitchOverPlatform, SwitchOverReport } from './types';
export { SWITCHOVER_SCHEMA } from './types';
