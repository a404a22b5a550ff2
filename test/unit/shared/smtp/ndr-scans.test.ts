import { describe, expect, it } from 'vitest';
import { firstLiteralReply } from '../../../../shared/smtp/ndr/exchange2007';
import { ndrFacts } from '../../../../shared/smtp/ndr/fields';
import { htmlToText } from '../../../../shared/smtp/ndr/html';

// The linear scans replace patterns that took quadratic time on fuzzed input; they must read real NDRs as the
// patterns did.
describe('HTML → text for the field scan', () => {
  it('turns each tag into a line end, as /<[^>]+>/g did', () => {
    const html = '<p>Delivery has failed.</p><b>Remote Server returned \'550 5.7.64 TenantAttribution\'</b>';
    expect(htmlToText(html)).toBe(html.replace(/<[^>]+>/g, '\n'));
    expect(htmlToText(html)).toBe("\nDelivery has failed.\n\nRemote Server returned '550 5.7.64 TenantAttribution'\n");
  });

  it('keeps `<>`, a `<` inside a tag and unclosed `<` as the pattern did', () => {
    for (const html of ['a<>b', '<<a>b', 'x<y', '<a>b<', '<>>c<d>e', '1 < 2, 3 > 2', '<a\nb>c', '']) {
      expect(htmlToText(html)).toBe(html.replace(/<[^>]+>/g, '\n'));
    }
  });
});

describe("Exchange 2007's #code … ## line", () => {
  it('takes the reply up to the ## marks, without the spaces before them', () => {
    expect(firstLiteralReply('#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##')).toBe('550 5.1.1 RESOLVER.ADR.RecipNotFound; not found');
    expect(firstLiteralReply('  #550 5.7.1 Client was not authenticated ##rfc822;a@b.example ##')).toBe('550 5.7.1 Client was not authenticated');
  });

  it('takes the rest of the line when there are no ## marks, and nothing without a reply code', () => {
    expect(firstLiteralReply('#550 5.7.64 TenantAttribution')).toBe('550 5.7.64 TenantAttribution');
    expect(firstLiteralReply('#550-##')).toBe('550-');
    expect(firstLiteralReply('#### Heading')).toBeUndefined();
    expect(firstLiteralReply('x #550 5.1.1 y')).toBeUndefined();
  });

  it('reads every line as /^\\s*#([245]\\d\\d[ -].*?)(?:\\s*##.*)?$/ did', () => {
    const old = /^\s*#([245]\d\d[ -].*?)(?:\s*##.*)?$/;
    for (const line of ['#550 ', '#550  ##', '#550 a ## b ##', '\t#421-x #', '#550 a###', '#550 ##a', '#550 a \u00a0##', ' # 550 a']) {
      expect(firstLiteralReply(line)).toBe(old.exec(line)?.[1]);
    }
  });
});

describe('NDR field lines', () => {
  it('ends a line at U+2028 and U+2029 as at a line feed', () => {
    const facts = ndrFacts('Status: 5.7.64\u2028Diagnostic-Code: smtp; 550 5.7.64 TenantAttribution\u2029Action: failed');
    expect(facts.recipients).toEqual([{ status: '5.7.64', diagnosticCode: 'smtp; 550 5.7.64 TenantAttribution', action: 'failed' }]);
    expect(facts.replies).toEqual(['550 5.7.64 TenantAttribution']);
  });

  it('lists each reply and status code once across texts', () => {
    const facts = ndrFacts('mx1 said: 550 5.1.1 unknown user\nmx2 said: 550 5.1.1 unknown user\nmx3 said: 451 4.7.0 try later');
    ndrFacts('mx4 said: 451 4.7.0 try later\nStatus: 5.1.1', facts);
    expect(facts.replies).toEqual(['550 5.1.1 unknown user', '451 4.7.0 try later']);
    expect(facts.statusCodes).toEqual(['5.1.1', '4.7.0']);
  });
});
