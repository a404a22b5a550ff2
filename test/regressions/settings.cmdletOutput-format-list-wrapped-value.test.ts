import { describe, expect, it } from 'vitest';
import { parseFormatList } from '../../shared/settings/formats/format-list';

// parseFormatList re-joined the whole value, and re-tested it for a trailing `...`, on every continuation line,
// so a value wrapped over n lines cost O(n²): a fuzzed 756 KB Format-List took 9.8 s and two 4 MB ones never
// answered (fuzzer, seed 1, cases 21592 and 93979). The pieces are now joined once when the value ends.
describe('Format-List parser on a value wrapped over many lines', () => {
  it('joins 40,000 continuation lines, with one space at each break', () => {
    const text = `Name : Outbound\nSmartHosts : first\n${'    mail.contoso.com\n'.repeat(40_000)}Enabled : True\n`;
    const records = parseFormatList(text);
    expect(records).toHaveLength(1);
    const props = records[0]?.props;
    expect(props?.get('name')).toBe('Outbound');
    expect(props?.get('enabled')).toBe('True');
    const hosts = String(props?.get('smarthosts'));
    expect(hosts.length).toBe('first'.length + 40_000 * ' mail.contoso.com'.length);
    expect(hosts.startsWith('first mail.contoso.com mail.contoso.com')).toBe(true);
    expect(records[0]?.truncated).toBeUndefined();
  });

  it('still marks a record truncated when the last wrapped piece ends in PowerShell’s `...`', () => {
    const [rec] = parseFormatList('TlsCertificateName : <I>CN=Contoso\n    Issuing CA<S>CN=mail.contoso...\nEnabled : True\n');
    expect(rec?.props.get('tlscertificatename')).toBe('<I>CN=Contoso Issuing CA<S>CN=mail.contoso...');
    expect(rec?.truncated).toBe(true);
  });

  it('drops the empty first piece when a value starts on the continuation line', () => {
    const [rec] = parseFormatList('AddressSpaces :\n    {smtp:*;1}\nName : Out\n');
    expect(rec?.props.get('addressspaces')).toBe('{smtp:*;1}');
    expect([...(rec?.props.keys() ?? [])]).toEqual(['addressspaces', 'name']);
  });
});
