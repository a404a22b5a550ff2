import { mount } from 'svelte';
import './app.css';
import App from './App.svelte';
import { STEPS, STEP_PLAN } from './wizard/steps';
import { Settings } from './wizard/settings.svelte';
import { EvidenceStore } from './wizard/evidence-store.svelte';
import { WizardSession } from './wizard/wizard-session.svelte';
import { createWorkerRunner } from './lib/worker-runner';
import { diagApi } from './lib/diag-api';
import { indexedDbCaseStorage, memoryCaseStorage } from './lib/case-storage';
import { CaseAutosave } from './wizard/case-autosave.svelte';
import { CaseFiles } from './wizard/case-files.svelte';
import { t } from './lib/i18n.svelte';
import { AboutView } from './wizard/about.svelte';
import { followLocaleInMain } from './lib/main-locale.svelte';
import { trackInputModality } from './lib/input-modality';

trackInputModality();

const settings = new Settings(window.localStorage, navigator.language);
const runner = createWorkerRunner(
  () => new Worker(new URL('./workers/analyze.worker.ts', import.meta.url), { type: 'module', name: 'analyze' }),
);
// The store reads the session lazily (answers change while the wizard runs), hence the late binding.
let session: WizardSession | undefined;
const evidence = new EvidenceStore(runner, () => ({ locale: settings.locale, answers: session?.answers ?? {} }));
session = new WizardSession(evidence, STEPS.length, STEP_PLAN);

const autosave = new CaseAutosave(typeof indexedDB === 'undefined' ? memoryCaseStorage() : indexedDbCaseStorage(), session);
void autosave.check();
// A change made just before the window closes or reloads is saved too, not left on the autosave's timer.
window.addEventListener('pagehide', () => void autosave.flush());

// Main's API exists in the app and the e2e harness; without it (a plain browser) there is no file to save to.
const api = diagApi();
const caseFiles = api
  ? new CaseFiles(api, session, () => `${t('ui.caseFile.defaultName')}-${new Date().toISOString().slice(0, 10)}`)
  : undefined;
const about = new AboutView(api);

const target = document.getElementById('app');
if (!target) throw new Error('renderer/index.html lacks #app');
mount(App, { target, props: { session, settings, steps: STEPS, autosave, about, ...(caseFiles ? { caseFiles } : {}) } });
performance.mark('relay-doctor:interactive');

// Main knows the OS language better than navigator.language, and owns the root list the worker judges
// chains against (the renderer cannot read Node's). Both arrive after the first paint.
if (api) {
  followLocaleInMain(api, () => settings.locale);
  void api.appInfo({}).then((info) => {
    if (info.ok) settings.followOsLocale(info.value.osLocale);
  });
  void api.trustAnchors({}).then((anchors) => {
    if (!anchors.ok) return;
    evidence.setTrustAnchors(anchors.value);
    if (evidence.items.length > 0) void evidence.analyze();
  });
  // Menu commands whose action lives here; Export… opens the Fix and export step once there is something to export.
  api.onMenuCommand(({ command }) => {
    if (command === 'openCase') return void caseFiles?.open();
    if (command === 'saveCase') return void caseFiles?.save();
    if (command === 'about') return void about.show();
    if (command !== 'export' || !evidence.analysed) return;
    session.furthest = session.stepCount - 1;
    session.goTo(session.stepCount - 1);
  });
  // File ▸ Open evidence…, a file association or a second launch hand files in from main.
  api.onEvidenceOpened(({ files }) => {
    void evidence.addFiles(files.map((f) => ({ name: f.name, blob: new Blob([new Uint8Array(f.bytes)]) })));
  });
}
