#!/usr/bin/env node
/**
 * Compares every translation under shared/i18n/locales/<lang>/ with English (the source catalog) and prints,
 * per locale: keys missing, keys extra, area files missing, messages that are not valid ICU, and messages
 * whose arguments differ from English. It looks at every locale folder, also ones not yet in LOCALES, so a
 * translation can be finished before it is switched on.
 *
 *   node scripts/i18n-missing.mjs              report for every locale; exit code 1 when anything is wrong
 *   node scripts/i18n-missing.mjs de fr        only these locales
 *   node scripts/i18n-missing.mjs --todo de    JSON of the English text of every key de lacks, by area file
 *                                              (the work list for a translator)
 *   node scripts/i18n-missing.mjs --changed <git-rev>
 *                                              English keys whose text changed since that commit: translations
 *                                              of them may be stale even though their keys and arguments match
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, TYPE } from '@formatjs/icu-messageformat-parser';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', 'shared', 'i18n', 'locales');
const SOURCE = 'en';

function areasOf(locale) {
  const dir = join(ROOT, locale);
  if (!existsSync(dir)) return new Map();
  const out = new Map();
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    out.set(name.replace(/\.json$/, ''), JSON.parse(readFileSync(join(dir, name), 'utf8')));
  }
  return out;
}

/** Argument names plus the plural/select shape: `count:plural`, `field:select`, plain ones as their name. */
function signature(elements, into = new Set()) {
  for (const el of elements) {
    if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      into.add(`${el.value}:${el.type === TYPE.plural ? 'plural' : 'select'}`);
      for (const opt of Object.values(el.options)) signature(opt.value, into);
    } else if (el.type === TYPE.tag) {
      signature(el.children, into);
    } else if ('value' in el) {
      into.add(el.value);
    }
  }
  return into;
}

/** Braces that survive as literal text: an apostrophe before `{` (French l'{x}) quoted the argument away. */
function literalBraces(elements) {
  for (const el of elements) {
    if (el.type === TYPE.literal && /[{}]/.test(el.value)) return true;
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      for (const o of Object.values(el.options)) if (literalBraces(o.value)) return true;
    }
  }
  return false;
}

/** Select branches must match English exactly (the code picks them); plural ones may differ by language. */
function selectBranches(elements, into = new Map()) {
  for (const el of elements) {
    if (el.type === TYPE.select) into.set(el.value, Object.keys(el.options).sort().join('|'));
    if (el.type === TYPE.plural || el.type === TYPE.select) for (const o of Object.values(el.options)) selectBranches(o.value, into);
  }
  return into;
}

function analyse(message) {
  try {
    const ast = parse(message, { ignoreTag: true });
    return {
      sig: [...signature(ast)].sort().join(','),
      selects: [...selectBranches(ast)].sort().join(';'),
      braces: literalBraces(ast),
    };
  } catch (e) {
    return { error: String(e.message ?? e) };
  }
}

const flat = (areas) => Object.assign({}, ...areas.values());

const args = process.argv.slice(2);
const todo = args[0] === '--todo';
const wanted = args.filter((a) => !a.startsWith('--'));
const source = areasOf(SOURCE);
const sourceFlat = flat(source);

if (args[0] === '--changed') {
  const rev = wanted[0];
  if (!rev) throw new Error('usage: i18n-missing.mjs --changed <git-rev>');
  for (const [area, messages] of source) {
    let old = {};
    try {
      old = JSON.parse(execFileSync('git', ['show', `${rev}:shared/i18n/locales/${SOURCE}/${area}.json`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
    } catch {
      // The area did not exist then: every key is new, which the normal report lists as missing.
    }
    for (const [key, text] of Object.entries(messages)) if (old[key] !== undefined && old[key] !== text) console.log(`${area}: ${key}`);
  }
  process.exit(0);
}

if (todo) {
  const locale = wanted[0];
  if (!locale) throw new Error('usage: i18n-missing.mjs --todo <locale>');
  const have = flat(areasOf(locale));
  const out = {};
  for (const [area, messages] of source) {
    const missing = Object.fromEntries(Object.entries(messages).filter(([k]) => have[k] === undefined));
    if (Object.keys(missing).length) out[area] = missing;
  }
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  process.exit(0);
}

const locales = (wanted.length ? wanted : readdirSync(ROOT)).filter((l) => l !== SOURCE).sort();
let problems = 0;
for (const locale of locales) {
  const areas = areasOf(locale);
  const messages = flat(areas);
  const lines = [];
  for (const area of source.keys()) if (!areas.has(area)) lines.push(`  missing file   ${area}.json`);
  for (const area of areas.keys()) if (!source.has(area)) lines.push(`  extra file     ${area}.json`);
  for (const [area, msgs] of source) {
    for (const key of Object.keys(msgs)) if (messages[key] === undefined) lines.push(`  missing        ${area}: ${key}`);
  }
  for (const [key, message] of Object.entries(messages)) {
    const english = sourceFlat[key];
    if (english === undefined) {
      lines.push(`  extra          ${key}`);
      continue;
    }
    const mine = analyse(message);
    const theirs = analyse(english);
    if (mine.error) lines.push(`  invalid ICU    ${key}: ${mine.error}`);
    else if (mine.sig !== theirs.sig) lines.push(`  arguments      ${key}: ${mine.sig} (en: ${theirs.sig})`);
    else if (mine.selects !== theirs.selects) lines.push(`  select cases   ${key}: ${mine.selects} (en: ${theirs.selects})`);
    else if (mine.braces && !theirs.braces) lines.push(`  quoted brace   ${key}: an apostrophe before { or } turned ICU syntax into text (write '' for an apostrophe)`);
  }
  problems += lines.length;
  console.log(`${locale}: ${lines.length ? `${lines.length} problem(s)` : 'complete'}`);
  for (const line of lines) console.log(line);
}
process.exit(problems ? 1 : 0);
