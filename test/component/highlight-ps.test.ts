import { describe, expect, it } from 'vitest';
import { highlightPowerShell } from '../../renderer/src/lib/highlight-ps';

describe('highlightPowerShell', () => {
  const script = "# import\nImport-Certificate -FilePath 'C:\\a b.cer' -CertStoreLocation Cert:\\LocalMachine\\CA\nif ($ok) { Write-Host \"done $x\" }";

  it('gives back exactly the source when the runs are joined', () => {
    expect(highlightPowerShell(script).map((t) => t.text).join('')).toBe(script);
  });

  it('marks comments, cmdlets, parameters, strings, variables and keywords', () => {
    const kinds = new Map(highlightPowerShell(script).map((t) => [t.text, t.kind]));
    expect(kinds.get('# import')).toBe('comment');
    expect(kinds.get('Import-Certificate')).toBe('command');
    expect(kinds.get('-FilePath')).toBe('parameter');
    expect(kinds.get("'C:\\a b.cer'")).toBe('string');
    expect(kinds.get('$ok')).toBe('variable');
    expect(kinds.get('if')).toBe('keyword');
  });
});
