import type { ScriptBlock } from './types';

/**
 * Restarting the transport service makes it rebuild its Schannel credential with the new chain; whether it
 * is required is not documented (domain.md §9 q7, q8), so it is opt-in (-RestartTransport) and asks first
 * even with -Apply: a restart interrupts mail flow for a moment. MSExchangeTransport on Exchange, and
 * MSExchangeFrontEndTransport as well when a Send connector to Exchange Online has FrontendProxyEnabled
 * (the session then leaves from the Front End Transport service, §11.4); SMTPSVC on IIS SMTP. Without the
 * switch the script says what it did not restart, so nothing is skipped silently.
 */
export const restartTransport: ScriptBlock = {
  id: 'restartTransport',
  titleKey: 'guide.restart.title',
  changes: true,
  applies: () => true,
  fix({ w, m }) {
    w.line`Write-Step ${m('ps.restart.heading')}`;
    w.line`$serviceNames = @('MSExchangeTransport', 'SMTPSVC')`;
    w.open`if ($IsExchange -and @(Get-SendConnector | Where-Object { $_.FrontendProxyEnabled -and (@($_.SmartHosts | ForEach-Object { [string]$_ }) -match '\\.mail\\.protection\\.outlook\\.com\\.?$') }).Count -gt 0) {`;
    w.line`$serviceNames += 'MSExchangeFrontEndTransport'`;
    w.close`}`;
    w.line`$services = @(Get-Service -Name $serviceNames -ErrorAction SilentlyContinue)`;
    w.open`if ($services.Count -eq 0) {`;
    w.line`Write-Host ${m('ps.restart.noService')}`;
    w.close`}`;
    w.open`foreach ($service in $services) {`;
    w.open`if (-not $RestartTransport) {`;
    w.line`Write-Host (${m('ps.restart.skipped')} -f $service.Name)`;
    w.mid`} elseif ((Confirm-Change -Target $service.Name -Action ${m('ps.restart.action')}) -and ($Force -or $script:Cmdlet.ShouldContinue((${m('ps.restart.question')} -f $service.Name), ${m('ps.restart.caption')}))) {`;
    w.line`Restart-Service -Name $service.Name`;
    w.line`Write-Host (${m('ps.restart.done')} -f $service.Name)`;
    w.close`}`;
    w.close`}`;
  },
};
