import { describe, expect, it } from 'vitest';
import { buildFixPack, fileBytes } from '../../../../shared/fixpack/build-fixpack';
import { plain, type Block, type GuideDocument } from '../../../../shared/guide/model';
import { escapeMarkdown, renderMarkdown } from '../../../../shared/guide/render-markdown';
import { LOCALES } from '../../../../shared/i18n/locales';
import type { CauseReport } from '../../../../shared/model/report';
import { cause, INTERMEDIATE, LEAF, pfxEvidence, psParser, report } from '../fixpack/helpers';

/** Issue 19: the connector name from cmdlet output that ran two commands when pasted from the guide. */
const HOSTILE = 'Relay $(Start-Process calc.exe)"; Remove-Item -Recurse C:\\Data; "';
const QUOTED = `'${HOSTILE}'`;

/** Every cause whose steps put the inbound or send connector into a command, scripted or guide-only. */
const CAUSES: CauseReport[] = [
  cause('cause.certificateNameMismatch', ['remediation.fixConnectorName'], { inboundConnector: HOSTILE, expectedName: 'relay.contoso.com', currentName: 'old.contoso.com' }),
  cause('cause.senderIpChanged', ['remediation.updateSenderIp'], { inboundConnector: HOSTILE, senderIp: '198.51.100.25' }),
  cause('cause.noMatchingConnector', ['remediation.fixInboundConnector'], { inboundConnector: HOSTILE }),
  cause('cause.wrongCertificatePresented', ['remediation.fixSendConnectorCertificate'], { sendConnector: HOSTILE, thumbprint: LEAF.sha1 }),
  cause('cause.noTls', ['remediation.enableTls'], { sendConnector: HOSTILE }),
  cause('cause.wrongSmartHost', ['remediation.fixSmartHost'], { sendConnector: HOSTILE, smartHost: 'mail.messaging.microsoft.com', suggestedSmartHost: 'contoso-com.mail.protection.outlook.com' }),
];

function texts(doc: GuideDocument): { text: string; code: boolean }[] {
  const blocks: Block[] = doc.sections.flatMap((s) => [...s.blocks, ...(s.steps ?? []).flatMap((st) => st.blocks)]);
  return blocks.flatMap((b): { text: string; code: boolean }[] =>
    b.type === 'code'
      ? [{ text: b.code, code: true }]
      : b.type === 'steps' || b.type === 'list'
        ? b.items.map((i) => ({ text: plain(i), code: false }))
        : b.type === 'paragraph' || b.type === 'note'
          ? [{ text: plain(b.text), code: false }]
          : [],
  );
}

/** A command is a cmdlet name followed by its arguments: here, a connector cmdlet with the value after it. */
const COMMAND_WITH_VALUE = /(?:Get|Set|New)-(?:Inbound|Send)Connector\s+(?:-Identity\s+)?(\S)/g;

describe('values from evidence inside a command in the guide are PowerShell-quoted (issue 19 item 2)', () => {
  for (const locale of LOCALES) {
    it(`quotes the hostile connector name in every command in ${locale}, and it parses as one literal`, async () => {
      const parser = await psParser();
      const r = await buildFixPack({ report: report(CAUSES), evidence: [pfxEvidence()], locale });
      if (!r.ok) throw new Error(r.error.code);
      let commands = 0;
      for (const { text, code } of texts(r.value.guide)) {
        expect(text, text).not.toContain(`"${HOSTILE.slice(0, 8)}`);
        for (const m of text.matchAll(COMMAND_WITH_VALUE)) {
          const rest = text.slice((m.index ?? 0) + m[0].length - 1);
          if (!rest.startsWith("'") && !rest.startsWith('Relay')) continue;
          commands += 1;
          expect(rest.startsWith(QUOTED), `${locale}: ${text}`).toBe(true);
        }
        if (code && text.includes('Start-Process')) {
          // In a code block the name is one single-quoted string: no command named Start-Process or Remove-Item.
          const tree = parser.parse(text)!;
          const names: string[] = [];
          const walk = (n: import('web-tree-sitter').Node) => {
            if (n.type === 'command_name') names.push(n.text);
            for (const c of n.children) if (c) walk(c);
          };
          walk(tree.rootNode);
          expect(names, text).not.toContain('Start-Process');
          expect(names, text).not.toContain('Remove-Item');
        }
      }
      expect(commands, locale).toBeGreaterThan(8);
      // No bare name after a cmdlet either.
      for (const { text } of texts(r.value.guide)) expect(text).not.toMatch(/-(?:Inbound|Send)Connector\s+(-Identity\s+)?Relay \$\(/);
      const md = new TextDecoder().decode(fileBytes(r.value.files.find((f) => f.name === 'guide.md')!));
      const html = new TextDecoder().decode(fileBytes(r.value.files.find((f) => f.name === 'guide.html')!));
      expect(md).not.toContain('"Relay $(');
      expect(html).not.toContain('&quot;Relay $(');
      expect(html).toContain('&#39;Relay $(Start-Process calc.exe)&quot;; Remove-Item -Recurse C:\\Data; &quot;&#39;');
    });
  }
});

describe('Markdown escapes every control character (issue 19 item 3)', () => {
  it('keeps a lone CR, NEL, U+2028 and other controls from starting a block', () => {
    for (const ch of ['\r', '\u0085', '\u2028', '\u2029', '\u000B', '\u000C', '\u001B', '\u0000', '\u009B']) {
      const out = escapeMarkdown(`CN=evil${ch}# Injected heading${ch}\`\`\`powershell${ch}Remove-Item C:\\`);
      expect(out).not.toMatch(/[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u2028\u2029]/);
      expect(out).toContain(`\\<U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`);
    }
  });

  it('writes a subject with a lone CR into guide.md on one line, and the pack is still built', async () => {
    const subject = 'CN=Relay Doctor Test Issuing CA 1\r# Injected\r```powershell\rRemove-Item C:\\Data';
    const forged = { ...INTERMEDIATE, subject };
    const r = await buildFixPack({
      report: report([cause('cause.intermediatesNotSent', ['remediation.importIntermediates'], { thumbprint: LEAF.sha1, missingIssuer: subject })]),
      evidence: [{ ...pfxEvidence(), certificates: [LEAF, forged] }],
      locale: 'en',
    });
    if (!r.ok) throw new Error(r.error.code);
    const md = renderMarkdown(r.value.guide);
    expect(md).not.toMatch(/\r/);
    expect(md.split('\n').filter((l) => l.startsWith('# '))).toEqual(['# Relay Doctor: fix guide']);
    expect(md).not.toMatch(/^```powershell\r?$\n^Remove-Item C:/m);
    expect(md).toContain('\\<U+000D>');
    // The intermediate is still imported: its subject only labels it, spelled out in the script.
    const fix = new TextDecoder().decode(fileBytes(r.value.files.find((f) => f.name === 'fix.ps1')!));
    expect(fix).toContain(`Thumbprint = '${INTERMEDIATE.sha1}'`);
    expect(fix).toContain('<U+000D>');
  });
});
