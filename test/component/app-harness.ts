import { render } from '@testing-library/svelte';
import App from '../../renderer/src/App.svelte';
import { STEPS, STEP_PLAN } from '../../renderer/src/wizard/steps';
import { Settings, type KeyValueStore } from '../../renderer/src/wizard/settings.svelte';
import { EvidenceStore } from '../../renderer/src/wizard/evidence-store.svelte';
import { WizardSession } from '../../renderer/src/wizard/wizard-session.svelte';
import { createInlineRunner } from '../../renderer/src/lib/inline-runner';
import { CaseAutosave } from '../../renderer/src/wizard/case-autosave.svelte';
import type { CaseStorage } from '../../renderer/src/lib/case-storage';

/** A KeyValueStore over a Map, so a test can see what Settings remembers. */
export function memoryStore(initial: Record<string, string> = {}): KeyValueStore & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

/** Settings, the evidence store and the wizard session, wired as renderer/src/main.ts wires them. */
function wire(options: { osLocale?: string; store?: KeyValueStore }) {
  const settings = new Settings(options.store ?? memoryStore(), options.osLocale ?? 'en-US');
  let session: WizardSession | undefined;
  const evidence = new EvidenceStore(createInlineRunner(), () => ({
    locale: settings.locale,
    answers: session?.answers ?? {},
  }));
  session = new WizardSession(evidence, STEPS.length, STEP_PLAN);
  return { settings, session, evidence };
}

/**
 * Renders the whole app the way renderer/src/main.ts wires it, with the real engine running on this thread
 * (jsdom has no Web Workers) instead of in the analysis worker.
 */
export function renderApp(options: { osLocale?: string; store?: KeyValueStore } = {}) {
  const { settings, session, evidence } = wire(options);
  const view = render(App, { props: { session, settings, steps: STEPS } });
  return { ...view, settings, session, evidence };
}

/** One app start over a given case storage, autosave included (as main.ts wires it), in English. */
export async function startWithAutosave(storage: CaseStorage) {
  const { settings, session, evidence } = wire({ osLocale: 'en' });
  const autosave = new CaseAutosave(storage, session);
  await autosave.check();
  render(App, { props: { session, settings, steps: STEPS, autosave } });
  return { session, evidence, autosave };
}

/** A drop event payload as Chromium delivers it for plain files (no directory entries). */
export function fileDrop(files: File[]) {
  return {
    dataTransfer: {
      files,
      items: files.map((f) => ({ kind: 'file', type: f.type, getAsFile: () => f, webkitGetAsEntry: () => null })),
      types: ['Files'],
    },
  };
}
