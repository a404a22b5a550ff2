/** A run of PowerShell source and what it is, for the script preview's colouring. */
export interface Token {
  readonly kind: 'comment' | 'string' | 'variable' | 'command' | 'parameter' | 'keyword' | 'text';
  readonly text: string;
}

const KEYWORDS = new Set(
  'if else elseif foreach for while do switch function param return try catch finally throw begin process end trap break continue exit'.split(' '),
);

// One alternation, tried left to right at each position; order matters (comments and strings first).
const RULES: ReadonlyArray<[Token['kind'], RegExp]> = [
  ['comment', /<#[\s\S]*?(?:#>|$)|#.*/y],
  ['string', /'(?:[^']|'')*'?|"(?:[^"`]|`.)*"?|@'[\s\S]*?'@|@"[\s\S]*?"@/y],
  ['variable', /\$(?:\{[^}]*\}|[\w:]+)/y],
  ['parameter', /-[A-Za-z][\w]*/y],
  ['command', /\b[A-Z][a-z]+-[A-Za-z]+\b/y],
  ['keyword', /\b[a-z]+\b/y],
];

/**
 * Splits a script into coloured runs. Not a parser (the tree-sitter check in tests is), just enough for a
 * readable preview; unknown text passes through unchanged, so the joined tokens always equal the source.
 */
export function highlightPowerShell(source: string): Token[] {
  const out: Token[] = [];
  let text = '';
  let i = 0;
  outer: while (i < source.length) {
    for (const [kind, re] of RULES) {
      re.lastIndex = i;
      const m = re.exec(source);
      if (!m || m[0].length === 0) continue;
      if (kind === 'keyword' && !KEYWORDS.has(m[0].toLowerCase())) continue;
      if (text) out.push({ kind: 'text', text });
      text = '';
      out.push({ kind, text: m[0] });
      i += m[0].length;
      continue outer;
    }
    text += source[i];
    i += 1;
  }
  if (text) out.push({ kind: 'text', text });
  return out;
}
