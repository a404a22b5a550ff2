import type { FixPlan } from '../fixpack/types';
import { format } from '../i18n/format';
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
 * A code block built with the ScriptWriter, so values in the guide are quoted exactly as in fix.ps1. The plan
 * has already left out values that cannot be quoted (plan.omitted), so a failure here cannot happen there;
 * an empty block is the safe answer if it ever does.
 */
export function psCode(build: (w: ScriptWriter) => void): Block {
  const w = new ScriptWriter();
  build(w);
  const r = w.finish();
  return { type: 'code', language: 'powershell', code: r.ok ? r.value.replace(/\r\n$/, '').replace(/\r\n/g, '\n') : '' };
}

function why(ctx: StepContext, prefix: string, params: Record<string, string>): Block {
  return { type: 'paragraph', text: richText(ctx.locale, `${prefix}.why`, params) };
}

function scriptPath(ctx: StepContext, prefix: string, script: Block[], params: Record<string, string>): Block[] {
  return [
    { type: 'heading', text: richText(ctx.locale, 'guide.path.script').join('') },
    { type: 'paragraph', text: richText(ctx.locale, `${prefix}.script`, params) },
    ...script,
  ];
}

function manualPath(ctx: StepContext, prefix: string, manualKeys: string[], params: Record<string, string>): Block[] {
  return [
    { type: 'heading', text: richText(ctx.locale, 'guide.path.manual').join('') },
    { type: 'steps', items: manualKeys.map((k) => richText(ctx.locale, `${prefix}.${k}`, params)) },
  ];
}

function twoPaths(ctx: StepContext, prefix: string, script: Block[], manualKeys: string[], params: Record<string, string> = {}): Block[] {
  return [why(ctx, prefix, params), ...scriptPath(ctx, prefix, script, params), ...manualPath(ctx, prefix, manualKeys, params)];
}

type StepBuilder = (ctx: StepContext) => GuideStep;

/** A value the evidence did not give: shown as a visible `<name>` placeholder, as the remediation texts do. */
const or = (value: string | undefined, name: string) => (value ? value : `<${name}>`);

const title = (ctx: StepContext, key: string) => richText(ctx.locale, key).join('');

const SCHANNEL = 'HKLM:\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\';
const NET_KEYS = [
  'HKLM:\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319',
  'HKLM:\\SOFTWARE\\WOW6432Node\\Microsoft\\.NETFramework\\v4.0.30319',
  'HKLM:\\SOFTWARE\\Microsoft\\.NETFramework\\v2.0.50727',
  'HKLM:\\SOFTWARE\\WOW6432Node\\Microsoft\\.NETFramework\\v2.0.50727',
];

/**
 * Guide steps by script block id: the manual twin of each block of fix.ps1. Copy-paste commands are written
 * so that each line is safe on its own (a console may run pasted lines one by one): a lookup that finds
 * nothing leaves `$null`, and the next line stops with a clear error instead of changing anything.
 */
export const GUIDE_STEPS: Readonly<Record<string, StepBuilder>> = {
  importIntermediates: (ctx) => ({
    id: 'importIntermediates',
    title: title(ctx, 'guide.import.title'),
    blocks: [
      ...twoPaths(
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
      { type: 'note', tone: 'info', text: richText(ctx.locale, 'guide.import.everyServer') },
      { type: 'note', tone: 'info', text: richText(ctx.locale, 'guide.import.root') },
    ],
  }),
  setSendConnectorCertificate: (ctx) => {
    const thumbprint = or(ctx.plan.leafThumbprint, 'thumbprint');
    const connector = or(ctx.plan.sendConnector, 'sendConnector');
    const params = { connector, thumbprint };
    return {
      id: 'setSendConnectorCertificate',
      title: title(ctx, 'guide.sendConnector.title'),
      blocks: twoPaths(
        ctx,
        'guide.sendConnector',
        [
          psCode((w) => {
            w.line`(Get-SendConnector -Identity ${connector}).SourceTransportServers | ForEach-Object { Get-ExchangeCertificate -Server ([string]$_) -Thumbprint ${thumbprint} } | Format-List -Property ${['Identity', 'HasPrivateKey', 'Services']}`;
            w.line`$c = Get-ExchangeCertificate -Thumbprint ${thumbprint} -ErrorAction SilentlyContinue`;
            w.line`if (-not $c) { Write-Error ${format(ctx.locale, 'guide.sendConnector.notFound', { thumbprint })} } else { Set-SendConnector -Identity ${connector} -TlsCertificateName ('<I>' + $c.Issuer + '<S>' + $c.Subject) }`;
          }),
        ],
        ['manual1'],
        params,
      ),
    };
  },
  setInboundConnectorName: (ctx) => {
    const connector = or(ctx.plan.inboundConnector?.name, 'inboundConnector');
    const name = or(ctx.plan.inboundConnector?.tlsSenderCertificateName, 'expectedName');
    return {
      id: 'setInboundConnectorName',
      title: title(ctx, 'guide.inboundName.title'),
      blocks: [
        ...twoPaths(
          ctx,
          'guide.inboundName',
          [
            psCode((w) => {
              w.line`Get-InboundConnector -Identity ${connector} | Format-List -Property ${['Name', 'ConnectorType', 'ConnectorSource', 'TlsSenderCertificateName']}`;
              w.line`Set-InboundConnector -Identity ${connector} -TlsSenderCertificateName ${name}`;
            }),
          ],
          ['manual1', 'manual2'],
          { connector, name },
        ),
        { type: 'note', tone: 'warning', text: richText(ctx.locale, 'guide.inbound.hybridWizard') },
      ],
    };
  },
  setInboundConnectorIps: (ctx) => {
    const connector = or(ctx.plan.inboundConnector?.name, 'inboundConnector');
    const ips = ctx.plan.inboundConnector?.senderIpAddresses ?? ['<senderIp>'];
    return {
      id: 'setInboundConnectorIps',
      title: title(ctx, 'guide.inboundIps.title'),
      blocks: [
        ...twoPaths(
          ctx,
          'guide.inboundIps',
          [
            psCode((w) => {
              w.line`Get-InboundConnector -Identity ${connector} | Format-List -Property ${['Name', 'ConnectorType', 'ConnectorSource', 'SenderIPAddresses']}`;
              w.line`Set-InboundConnector -Identity ${connector} -SenderIPAddresses ${ips}`;
            }),
          ],
          ['manual1', 'manual2'],
          { connector, ips: ips.join(', ') },
        ),
        { type: 'note', tone: 'warning', text: richText(ctx.locale, 'guide.inbound.hybridWizard') },
      ],
    };
  },
  // domain.md §11.4: for a relay that does not STARTTLS the fix is its own TLS setting, so the guide leads
  // with it (IIS 6 Manager's Outbound Security dialog, the Send connector on Exchange), then the script.
  enableStartTls: (ctx) => {
    const connector = or(ctx.plan.sendConnector, 'sendConnector');
    const params = { connector };
    return {
      id: 'enableStartTls',
      title: title(ctx, 'guide.startTls.title'),
      blocks: [
        why(ctx, 'guide.startTls', params),
        ...manualPath(ctx, 'guide.startTls', ['manual1', 'manual2', 'manual3'], params),
        ...scriptPath(
          ctx,
          'guide.startTls',
          [
            psCode((w) => {
              w.line`Get-SendConnector -Identity ${connector} | Format-List -Property ${['Name', 'RequireTLS', 'IgnoreSTARTTLS', 'TlsAuthLevel', 'SmartHosts']}`;
              w.line`Set-SendConnector -Identity ${connector} -RequireTLS $true -IgnoreSTARTTLS $false`;
            }),
          ],
          params,
        ),
      ],
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
          for (const side of ['Client', 'Server']) {
            const key = SCHANNEL + side;
            w.line`if (-not (Test-Path -LiteralPath ${key})) { New-Item -Path ${key} -Force | Out-Null }`;
            w.line`New-ItemProperty -LiteralPath ${key} -Name 'Enabled' -Value 1 -PropertyType DWord -Force | Out-Null`;
            w.line`New-ItemProperty -LiteralPath ${key} -Name 'DisabledByDefault' -Value 0 -PropertyType DWord -Force | Out-Null`;
          }
        }),
        { type: 'paragraph', text: richText(ctx.locale, 'guide.tls12.dotnet') },
        psCode((w) => {
          w.open`foreach ($key in ${NET_KEYS}) {`;
          w.line`if (-not (Test-Path -LiteralPath $key)) { New-Item -Path $key -Force | Out-Null }`;
          w.line`New-ItemProperty -LiteralPath $key -Name 'SystemDefaultTlsVersions' -Value 1 -PropertyType DWord -Force | Out-Null`;
          w.line`New-ItemProperty -LiteralPath $key -Name 'SchUseStrongCrypto' -Value 1 -PropertyType DWord -Force | Out-Null`;
          w.close`}`;
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
