import { beforeAll, describe, expect, it } from 'vitest';
import type { Node, Parser } from 'web-tree-sitter';
import { buildFixPack, fileBytes } from '../../../../shared/fixpack/build-fixpack';
import { CAUSE_CASES, cause, pfxEvidence, psParser, report } from './helpers';

/** Commands that change the server or the tenant; each must run only after Confirm-Change said yes. */
const MUTATING_COMMANDS = new Set([
  'Set-SendConnector', 'Set-InboundConnector', 'Remove-Item', 'Remove-ItemProperty', 'New-ItemProperty', 'Restart-Service',
  'Import-Certificate', 'Enable-ExchangeCertificate', 'Set-CimInstance',
]);

function all(node: Node, out: Node[] = []): Node[] {
  out.push(node);
  for (const c of node.children) if (c) all(c, out);
  return out;
}

/** True when some enclosing `if`/`elseif` block is entered only through a Confirm-Change condition. */
function guarded(node: Node): boolean {
  for (let n: Node | null = node.parent; n; n = n.parent) {
    if (n.type !== 'statement_block') continue;
    const condition = n.previousNamedSibling;
    if (condition && /\bConfirm-Change\b/.test(condition.text)) return true;
  }
  return false;
}

function mutations(root: Node): Node[] {
  return all(root).filter(
    (n) =>
      (n.type === 'command' && MUTATING_COMMANDS.has(n.children.find((c) => c?.type === 'command_name')?.text ?? '')) ||
      (n.type === 'invokation_expression' && /^\$store\.Add\b/.test(n.text)) ||
      (n.type === 'command' && /^&\s*certutil\.exe\s+-addstore\b/i.test(n.text)),
  );
}

describe('every change in fix.ps1 and rollback.ps1 sits behind Confirm-Change (dry run unless -Apply)', { timeout: 30_000 }, () => {
  let parser: Parser;
  beforeAll(async () => {
    parser = await psParser();
  });

  for (const c of CAUSE_CASES) {
    it(`guards every mutating command for ${c.id}`, async () => {
      const r = await buildFixPack({ report: report([cause(c.id, c.remediation, c.params)]), evidence: [pfxEvidence()], locale: 'en' });
      if (!r.ok) throw new Error(r.error.code);
      for (const name of ['fix.ps1', 'rollback.ps1']) {
        const file = r.value.files.find((f) => f.name === name);
        // A guide-only remediation gets no fix.ps1 at all (plan.hasFix): nothing there can change anything.
        if (!file) continue;
        const text = new TextDecoder().decode(fileBytes(file).slice(3));
        const root = parser.parse(text)!.rootNode;
        const unguarded = mutations(root).filter((n) => !guarded(n)).map((n) => `${name}:${n.startPosition.row + 1}: ${n.text.slice(0, 60)}`);
        expect(unguarded).toEqual([]);
      }
    });
  }

  it('finds the changes it checks in a real fix.ps1 (import, restart) and rollback.ps1 (removal)', async () => {
    const c = CAUSE_CASES[0]!;
    const r = await buildFixPack({ report: report([cause(c.id, c.remediation, c.params)]), evidence: [pfxEvidence()], locale: 'en' });
    if (!r.ok) throw new Error(r.error.code);
    const found = (name: string) =>
      mutations(parser.parse(new TextDecoder().decode(fileBytes(r.value.files.find((f) => f.name === name)!).slice(3)))!.rootNode).map((n) => n.text.split(/[\s(]/)[0]);
    expect(found('fix.ps1')).toEqual(['Import-Certificate', '&', 'Restart-Service']);
    expect(found('rollback.ps1')).toEqual(['Remove-Item']);
  });

  it('notices an unguarded change (the check can fail)', () => {
    const root = parser.parse("if ($x) {\r\n    Set-SendConnector -Identity 'a'\r\n}\r\nif (Confirm-Change -Target 'a' -Action 'b') {\r\n    Remove-Item -LiteralPath 'c'\r\n}\r\n")!.rootNode;
    expect(mutations(root).map((n) => guarded(n))).toEqual([false, true]);
  });
});
