import { fileURLToPath } from 'node:url';
import { Language, Parser } from 'web-tree-sitter';

let parser: Parser | null = null;

/** True when tree-sitter-powershell parses the script without ERROR or MISSING nodes (toolchain.md). */
export async function parsesAsPowerShell(source: string): Promise<boolean> {
  if (!parser) {
    await Parser.init();
    const wasm = fileURLToPath(new URL('../../../node_modules/tree-sitter-powershell/tree-sitter-powershell.wasm', import.meta.url));
    parser = new Parser();
    parser.setLanguage(await Language.load(wasm));
  }
  const tree = parser.parse(source.replace(/^\uFEFF/, ''));
  return tree !== null && !tree.rootNode.hasError;
}
