import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import type { Reader } from '../../shared/model/reader';

export interface Seed {
  readonly name: string;
  readonly bytes: Uint8Array;
  /** Where it came from, for the report: `fixtures/…`, `corpus/…` or `generated:…`. */
  readonly origin: string;
}

/** ../shared/corpus beside the repository, unless RELAY_DOCTOR_CORPUS points elsewhere. */
export const corpusDir = (repo: string): string => process.env.RELAY_DOCTOR_CORPUS ?? join(repo, '../shared/corpus');

/** Source code and notes beside the fixtures are not inputs anyone would drop on the app. */
const NOT_INPUT = /\.(ts|mjs|sh|md)$|(^|\/)(SHA256SUMS|LICENSE[^/]*|INDEX\.tsv|PROVENANCE\.md)$|\.snap$/;
/** Seeds above this are cut: a mutated 10 MB log per case would make 100,000 cases take hours. */
const MAX_SEED_BYTES = 256 * 1024;
/** An .evtx cut to its header and two chunks is still a real file, with every structure in it. */
const EVTX_CUT = 4096 + 2 * 65536;
const CORPUS_PER_READER = 40;

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(path));
    else if (entry.isFile() && !NOT_INPUT.test(path)) out.push(path);
  }
  return out;
}

function load(path: string, origin: string): Seed | null {
  const size = statSync(path).size;
  if (size > MAX_SEED_BYTES && !/\.evtx$/i.test(path)) return null;
  const bytes = new Uint8Array(readFileSync(path));
  return { name: basename(path), bytes: bytes.length > MAX_SEED_BYTES ? bytes.slice(0, EVTX_CUT) : bytes, origin };
}

/** Zips made here from fixtures: stored, deflated, nested, with folders (the collector's layout). */
function zipSeeds(fixtures: readonly Seed[]): Seed[] {
  const pick = (re: RegExp) => fixtures.filter((s) => re.test(s.name)).slice(0, 2);
  const files: Record<string, Uint8Array> = {};
  for (const s of [...pick(/\.pem$/), ...pick(/\.log$/), ...pick(/\.xml$/), ...pick(/\.eml$/)]) files[`evidence/${s.name}`] = s.bytes;
  const deflated = zipSync(files, { level: 6 });
  const stored = zipSync(files, { level: 0 });
  const nested = zipSync({ 'inner.zip': stored, 'readme.txt': strToU8('Collected by collect-evidence.ps1\r\n') }, { level: 6 });
  return [
    { name: 'evidence.zip', bytes: deflated, origin: 'generated:zip-deflated' },
    { name: 'evidence-stored.zip', bytes: stored, origin: 'generated:zip-stored' },
    { name: 'nested.zip', bytes: nested, origin: 'generated:zip-nested' },
  ];
}

/**
 * The seeds of every reader: each fixture (and corpus file, when ../shared/corpus is there) goes to every
 * reader whose sniff() claims it. A reader no file claims gets all of them (it must still cope).
 */
export function collectSeeds(readers: readonly Reader[], repo: string): Map<string, Seed[]> {
  const fixturesDir = join(repo, 'test/fixtures');
  const corpus = corpusDir(repo);
  const fixtures = walk(fixturesDir)
    .map((p) => load(p, `fixtures/${p.slice(fixturesDir.length + 1)}`))
    .filter((s): s is Seed => s !== null);
  const real = existsSync(corpus)
    ? walk(corpus)
        .map((p) => load(p, `corpus/${p.slice(corpus.length + 1)}`))
        .filter((s): s is Seed => s !== null)
    : [];
  const all = [...fixtures, ...zipSeeds(fixtures)];
  const seeds = new Map<string, Seed[]>();
  for (const reader of readers) {
    const claims = (s: Seed) => reader.sniff({ name: s.name, bytes: s.bytes }) > 0;
    const own = all.filter(claims);
    const fromCorpus = real.filter(claims);
    // A deterministic spread over the corpus (629 bounces would otherwise crowd out the fixtures).
    const step = Math.max(1, Math.ceil(fromCorpus.length / CORPUS_PER_READER));
    const sampled = fromCorpus.filter((_, i) => i % step === 0);
    seeds.set(reader.id, own.length + sampled.length > 0 ? [...own, ...sampled] : all);
  }
  return seeds;
}
