import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PRODUCTION_CSP } from '../../../../electron/main/csp';

/** Directive name → sorted sources, so that order and spacing do not matter. */
function directives(policy: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const part of policy.split(';').map((p) => p.trim()).filter(Boolean)) {
    const [name = '', ...sources] = part.split(/\s+/);
    out[name] = sources.sort();
  }
  return out;
}

describe('PRODUCTION_CSP', () => {
  it('matches the policy in renderer/index.html (plus frame-ancestors, which only a header can set)', () => {
    const html = readFileSync('renderer/index.html', 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta, 'renderer/index.html has a CSP meta tag').toBeDefined();
    const { 'frame-ancestors': frameAncestors, ...header } = directives(PRODUCTION_CSP);
    expect(frameAncestors).toEqual(["'none'"]);
    expect(header).toEqual(directives(meta ?? ''));
  });

  it('lets the page reach no network and run no inline or eval script', () => {
    const d = directives(PRODUCTION_CSP);
    expect(d['connect-src']).toEqual(["'none'"]);
    expect(d['default-src']).toEqual(["'none'"]);
    expect(d['script-src']).toEqual(["'self'"]);
  });
});
