import type { Answers } from '../../../shared/model/answers';
import type { Report } from '../../../shared/model/report';

/** The wizard's state as saved between runs: what the admin said and gave, not what was derived from it. */
export interface CaseFile {
  readonly version: 1;
  readonly savedAt: string;
  readonly symptom: string | null;
  readonly answers: Answers;
  readonly stepIndex: number;
  /** The id of the step it was saved at (renderer/src/wizard/steps.ts); absent in cases saved before steps had ids. */
  readonly step?: string;
  /** The report from before the fix, when the admin is checking the server again. */
  readonly baseline?: Report | null;
  /** The evidence as given; `role: 'newCertificate'` marks the renewal path's new certificate. */
  readonly items: ReadonlyArray<{ readonly name: string; readonly source: 'file' | 'paste'; readonly blob: Blob; readonly role?: 'newCertificate' }>;
  /** The root files the admin trusts for this case; absent in cases saved before the app could trust a root. */
  readonly trusted?: ReadonlyArray<{ readonly name: string; readonly blob: Blob }>;
}

export interface CaseStorage {
  load(): Promise<CaseFile | null>;
  save(file: CaseFile): Promise<void>;
  clear(): Promise<void>;
}

const DB = 'relay-doctor';
const STORE = 'cases';
const KEY = 'current';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

/**
 * The case lives in the renderer's own IndexedDB: Blobs are stored as Blobs (no copy into a string), it
 * never leaves the machine, and no IPC channel is needed. Failures (quota, private mode) resolve to "no
 * saved case" / "not saved" rather than breaking the wizard.
 */
export function indexedDbCaseStorage(factory: IDBFactory = indexedDB): CaseStorage {
  let db: Promise<IDBDatabase> | null = null;
  const open = (): Promise<IDBDatabase> => {
    db ??= new Promise((resolve, reject) => {
      const req = factory.open(DB, 1);
      req.onupgradeneeded = () => req.result.createObjectStore(STORE);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error('IndexedDB open failed'));
    });
    return db;
  };
  const store = async (mode: IDBTransactionMode) => (await open()).transaction(STORE, mode).objectStore(STORE);
  return {
    async load() {
      try {
        const value = (await request((await store('readonly')).get(KEY))) as CaseFile | undefined;
        return value?.version === 1 ? value : null;
      } catch {
        return null;
      }
    },
    async save(file) {
      try {
        await request((await store('readwrite')).put(file, KEY));
      } catch {
        // Not saved (quota, storage disabled): the wizard goes on; the next change tries again.
      }
    },
    async clear() {
      try {
        await request((await store('readwrite')).delete(KEY));
      } catch {
        // Nothing to clear.
      }
    },
  };
}

/** Keeps the case in memory only: for component tests (jsdom has no IndexedDB) and as a fallback. */
export function memoryCaseStorage(): CaseStorage & { current: CaseFile | null } {
  const self = {
    current: null as CaseFile | null,
    load: async () => self.current,
    save: async (file: CaseFile) => void (self.current = file),
    clear: async () => void (self.current = null),
  };
  return self;
}
