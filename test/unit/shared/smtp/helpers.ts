import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { InputFile } from '../../../../shared/model/input';
import { DEFAULT_LIMITS } from '../../../../shared/model/input';
import type { ReadOptions } from '../../../../shared/model/reader';

const FIXTURES = fileURLToPath(new URL('../../../fixtures/', import.meta.url));

/** A fixture as the engine sees it: its name relative to test/fixtures, and its bytes. */
export function fixture(path: string): InputFile {
  return { name: path.split('/').at(-1) ?? path, bytes: new Uint8Array(readFileSync(FIXTURES + path)) };
}

export function textInput(name: string, text: string): InputFile {
  return { name, bytes: new TextEncoder().encode(text) };
}

export const READ_OPTIONS: ReadOptions = { limits: DEFAULT_LIMITS };

export const CONTEXT = { now: new Date('2024-06-01T00:00:00Z'), trustAnchors: [], answers: {} };
