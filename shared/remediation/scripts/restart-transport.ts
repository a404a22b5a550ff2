import type { ScriptBlock } from './types';

/**
 * Restarting the transport service makes it rebuild its Schannel credential with the new chain; whether it
 * is required is not documented (domain.md §9 q7, q8), so it is opt-in (-RestartTransport) and asks first
 * even with -Apply: a restart interrupts mail flow for a moment. MSExchangeTransport on Exchange, SMTPSVC on
 * IIS SMTP.
 */
export const restartTransport: ScriptBlock = {
  id: 'restartTransport',
  titleKey: 'guide.restart.title',
  applies: () => true,
  fix({ w, m }) {
    w.line`Write-Step ${m('ps.restart.heading')}`;
    w.line`$service = Get-Service -Name 'MSExchangeTransport', 'SMTPSVC' -ErrorAction SilentlyContinue | Select-Object -First 1`;
    w.open`if (-not $service) {`;
    w.line`Write-Host ${m('ps.restart.noService')}`;
    w.mid`} elseif (-not $RestartTransport) {`;
    w.line`Write-Host (${m('ps.restart.skipped')} -f $service.Name)`;
    w.mid`} elseif ((Confirm-Change -Target $service.Name -Action ${m('ps.restart.action')}) -and ($Force -or $script:Cmdlet.ShouldContinue((${m('ps.restart.question')} -f $service.Name), ${m('ps.restart.caption')}))) {`;
    w.line`Restart-Service -Name $service.Name`;
    w.line`Write-Host (${m('ps.restart.done')} -f $service.Name)`;
    w.close`}`;
  },
};
