const HEAD = /^\s*#[245]\d\d[ -]/;
const SPACE = /\s/;

/**
 * The reply in Exchange 2007's readable NDR line, `#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##`: from
 * the code up to the first `##` (and the spaces before it), or to the end of the line. This is what
 * `/^\s*#([245]\d\d[ -].*?)(?:\s*##.*)?$/` captures on a line without line terminators, but that lazy pattern
 * re-reads the run of spaces ahead at every character it grows by: a line of 80,000 spaces took 9 s
 * (issue 12). Here the first `##` is found once and the spaces before it are stepped back over.
 */
export function firstLiteralReply(line: string): string | undefined {
  const head = HEAD.exec(line);
  if (!head) return undefined;
  const after = head[0].length;
  const marks = line.indexOf('##', after);
  if (marks === -1) return line.slice(after - 4);
  let end = marks;
  while (end > after && SPACE.test(line.charAt(end - 1))) end--;
  return line.slice(after - 4, end);
}
