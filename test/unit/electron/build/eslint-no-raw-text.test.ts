import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The repository's own rule (build/eslint/no-raw-text.mjs) through the real eslint.config.mjs.
const eslint = new ESLint({ cwd: process.cwd() });

async function rawTextHits(markup: string): Promise<number> {
  const source = `<script lang="ts">\n  import { t } from '../lib/i18n.svelte';\n</script>\n\n${markup}\n`;
  const [result] = await eslint.lintText(source, { filePath: 'renderer/src/components/Probe.svelte' });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'relay-doctor/no-raw-text').length;
}

// The first lint loads the TypeScript and Svelte parsers: slow on a busy 2-core machine.
describe('relay-doctor/no-raw-text', { timeout: 60_000 }, () => {
  it('flags words written into markup and into visible attributes', async () => {
    expect(await rawTextHits('<p>Drop files here</p>')).toBe(1);
    expect(await rawTextHits('<button type="button" aria-label="Close">×</button>')).toBe(1);
    expect(await rawTextHits('<img src="x.png" alt="Logo" />')).toBe(1);
  });

  it('accepts translated text, symbols, and style and script bodies', async () => {
    expect(await rawTextHits("<p>{t('ui.drop')} → 2 × 3</p>")).toBe(0);
    expect(await rawTextHits("<button type=\"button\" aria-label={t('ui.close')} class=\"close\">×</button>")).toBe(0);
    expect(await rawTextHits('<p>{1}</p>\n<style>\n  p { color: red; }\n</style>')).toBe(0);
  });
});
