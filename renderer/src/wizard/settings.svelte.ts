import { getContext, setContext } from 'svelte';
import { LOCALES, resolveLocale, type Locale } from '../../../shared/i18n/locales';
import { paperForLocale, parsePaperSize, type PaperSize } from '../../../shared/fixpack/paper';
import { getLocale, setLocale } from '../lib/i18n.svelte';

/** The part of the Web Storage API settings need; localStorage in the app, a Map-backed one in tests. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const LOCALE_KEY = 'relay-doctor.locale';
const PAPER_KEY = 'relay-doctor.paper';

function isLocale(value: string | null): value is Locale {
  return value !== null && (LOCALES as readonly string[]).includes(value);
}

/**
 * The user's remembered preferences. The language follows the OS until the user picks one; the pick is
 * stored so the next start opens in it (issue 2: "first run follows the OS, choice remembered").
 */
export class Settings {
  #store: KeyValueStore | null;
  #chosen = $state(false);
  #paper = $state<PaperSize>('A4');

  constructor(store: KeyValueStore | null, osLocaleTag: string | undefined) {
    this.#store = store;
    const saved = store?.getItem(LOCALE_KEY) ?? null;
    this.#chosen = isLocale(saved);
    setLocale(isLocale(saved) ? saved : resolveLocale(osLocaleTag));
    // The guide's paper follows the locale (Letter for en-US) until the admin picks one beside "Save fix pack…".
    this.#paper = parsePaperSize(store?.getItem(PAPER_KEY) ?? '') ?? paperForLocale(osLocaleTag);
  }

  /** The paper guide.pdf is saved on: the admin's last choice, else their locale's. */
  get paper(): PaperSize {
    return this.#paper;
  }

  choosePaper(paper: PaperSize): void {
    this.#paper = paper;
    this.#store?.setItem(PAPER_KEY, paper);
  }

  get locale(): Locale {
    return getLocale();
  }

  /** True once the user has picked a language themselves. */
  get chosen(): boolean {
    return this.#chosen;
  }

  chooseLocale(locale: Locale): void {
    setLocale(locale);
    this.#chosen = true;
    this.#store?.setItem(LOCALE_KEY, locale);
  }

  /** The OS language reported by main (app:info) refines the first guess, never a user's own choice. */
  followOsLocale(tag: string): void {
    if (!this.#chosen) setLocale(resolveLocale(tag));
  }
}

const SETTINGS = Symbol('settings');

/** Makes the settings reachable from any component below the caller (App), without threading a prop through every step. */
export function provideSettings(settings: Settings): void {
  setContext(SETTINGS, settings);
}

/** The app's settings; undefined in a component rendered on its own (a test), which then uses the defaults. */
export function useSettings(): Settings | undefined {
  return getContext<Settings | undefined>(SETTINGS);
}
