import type { FixPlan } from '../fixpack/types';
import type { Locale } from '../i18n/locales';
import { ScriptWriter } from '../powershell/script-writer';
import type { CertificateRecord } from '../x509/types';
import type { Block, GuideStep } from './model';
import { richText } from './rich';

export interface StepContext {
  readonly plan: FixPlan;
  readonly locale: Locale;
  /** The intermediates with their file names in the pack. */
  readonly packFiles: readonly { readonly file: string; readonly cert: CertificateRecord }[];
}

/**
 * A code block built with the ScriptWriter, so values in the guide are quoted exactly as in fix.ps1. The fix
 * pack refuses values that cannot be quoted before the guide is built, so a failure here cannot happen
 * there; an empty block is the safe answer if it ever does.
 */
export function psCode(build: (w: ScriptWriter) => void): Block {
  const w = new ScriptWriter();
  build(w);
  const r = w.finish();
  return { type: 'code', language: 'powershell', code: r.ok ? r.value.replace(/\r\n$/, '').replace(/\r\n/g, '\n') : '' };
}

function twoPaths(ctx: StepContext, prefix: string, script: Block[], manualKeys: string[], params: Record<string, string> = {}): Block[] {
  const r = (key: string) => richText(ctx.locale, key, params);
  return [
    { type: 'paragraph', text: r(`${prefix}.why`) },
    { type: 'heading', text: r('guide.path.script').join('') },
    { type: 'paragraph', text: r(`${prefix}.script`) },
    ...script,
    { type: 'heading', text: r('guide.path.manual').join('') },
    { type: 'steps', items: manualKeys.map((k) => r(`${prefix}.${k}`)) },
  ];
}

type StepBuilder = (ctx: StepContext) => GuideStep;

/** A value the evidence did not give: shown as a visible `<name>` placeholder, as the remediation texts do. */
const or = (value: string | undefined, name: string) => (value ? value : `<${name}>`);

const title = (ctx: StepContext, key: string) => richText(ctx.locale, key).join('');

/** Guide steps by script block id: the manual twin of each block of fix.ps1. */
export const GUIDE_STEPS: Readonly<Record<string, StepBuilder>> = {
  importIntermediates: (ctx) => ({
    id: 'importIntermediates',
    title: title(ctx, 'guide.import.title'),
    blocks: twoPaths(
      ctx,
      'guide.import',
      ctx.packFiles.length
        ? [
            psCode((w) => {
              for (const { file } of ctx.packFiles) w.line`Import-Certificate -FilePath ${'.\\' + file} -CertStoreLocation 'Cert:\\LocalMachine\\CA'`;
              for (const { file } of ctx.packFiles) w.line`certutil.exe -addstore CA ${'.\\' + file}`;
            }),
          ]
        : [{ type: 'note', tone: 'warning', text: richText(ctx.locale, 'guide.import.noFiles') }],
      ['manual1', 'manual2', 'manual3', 'manual4', 'manual5'],
      { subject: ctx.plan.leaf?.subject ?? or(ctx.plan.leafThumbprint, 'thumbprint') },
    ),
  }),
  setSendConnectorCertificate: (ctx) => {
    const thumbprint = or(ctx.plan.leafThumbprint, 'thumbprint');
    const connector = or(ctx.plan.sendConnector, 'sendConnector');
    return {
      id: 'setSendConnectorCertificate',
      title: title(ctx, 'guide.sendConnector.title'),
      blocks: twoPaths(
        ctx,
        'guide.sendConnector',
        [
          psCode((w) => {
            w.line`$c = Get-ExchangeCertificate -Thumbprint ${thumbprint}`;
            w.line`Set-SendConnector -Identity ${connector} -TlsCertificateName ('<I>' + $c.Issuer + '<S>' + $c.Subject)`;
          }),
        ],
        ['manual1'],
        { connector, thumbprint },
      ),
    };
  },
  setInboundConnectorName: (ctx) => {
    const connector = or(ctx.plan.inboundConnector?.name, 'inboundConnector');
    const name = or(ctx.plan.inboundConnector?.tlsSenderCertificateName, 'expectedName');
    return {
      id: 'setInboundConnectorName',
      title: title(ctx, 'guide.inboundName.title'),
      blocks: twoPaths(
        ctx,
        'guide.inboundName',
        [psCode((w) => w.line`Set-InboundConnector -Identity ${connector} -TlsSenderCertificateName ${name}`)],
        ['manual1', 'manual2'],
        { connector, name },
      ),
    };
  },
  setInboundConnectorIps: (ctx) => {
    const connector = or(ctx.plan.inboundConnector?.name, 'inboundConnector');
    const ips = ctx.plan.inboundConnector?.senderIpAddresses ?? ['<senderIp>'];
    return {
      id: 'setInboundConnectorIps',
      title: title(ctx, 'guide.inboundIps.title'),
      blocks: twoPaths(
        ctx,
        'guide.inboundIps',
        [psCode((w) => w.line`Set-InboundConnector -Identity ${connector} -SenderIPAddresses ${ips}`)],
        ['manual1', 'manual2'],
        { connector, ips: ips.join(', ') },
      ),
    };
  },
  enableTls12: (ctx) => ({
    id: 'enableTls12',
    title: title(ctx, 'guide.tls12.title'),
    blocks: twoPaths(
      ctx,
      'guide.tls12',
      [
        psCode((w) => {
          const key = 'HKLM:\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client';
          w.line`if (-not (Test-Path -LiteralPath ${key})) { New-Item -Path ${key} -Force | Out-Null }`;
          w.line`New-ItemProperty -LiteralPath ${key} -Name 'Enabled' -Value 1 -PropertyType DWord -Force`;
          w.line`New-ItemProperty -LiteralPath ${key} -Name 'DisabledByDefault' -Value 0 -PropertyType DWord -Force`;
        }),
      ],
      ['manual1', 'manual2', 'manual3'],
    ),
  }),
  restartTransport: (ctx) => ({
    id: 'restartTransport',
    title: title(ctx, 'guide.restart.title'),
    blocks: twoPaths(ctx, 'guide.restart', [psCode((w) => w.line`.\\fix.ps1 -Apply -RestartTransport`)], ['manual1']),
  }),
};
