import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/ipc/contract';
import type { Translate } from '../../shared/i18n/format';

/** Microsoft's article for the error this app diagnoses (KB 3212877), shown under Help. */
export const DOCUMENTATION_URL =
  'https://learn.microsoft.com/en-us/exchange/troubleshoot/email-delivery/ndr/tenantattribution-ndr';

export interface MenuActions {
  openEvidence(): void;
  command(command: MenuCommand): void;
  openDocumentation(): void;
}

/**
 * File / View / Help. Labels come from the menu catalog; actions that belong to the page (case files,
 * export, About) are forwarded to it as `menu:command` events.
 */
export function buildMenuTemplate(
  translate: Translate,
  actions: MenuActions,
  options: { platform: NodeJS.Platform; devTools: boolean },
): MenuItemConstructorOptions[] {
  // `&` marks the Alt-key mnemonic on Windows and Linux; macOS has no mnemonics.
  const t: Translate = options.platform === 'darwin' ? (k, p) => translate(k, p).replace(/&(?=\S)/g, '') : translate;
  const file: MenuItemConstructorOptions = {
    label: t('menu.file'),
    submenu: [
      { label: t('menu.openEvidence'), accelerator: 'CmdOrCtrl+O', click: () => actions.openEvidence() },
      { label: t('menu.openCase'), accelerator: 'CmdOrCtrl+Shift+O', click: () => actions.command('openCase') },
      { label: t('menu.saveCase'), accelerator: 'CmdOrCtrl+S', click: () => actions.command('saveCase') },
      { label: t('menu.export'), accelerator: 'CmdOrCtrl+E', click: () => actions.command('export') },
      { type: 'separator' },
      options.platform === 'darwin' ? { role: 'close', label: t('menu.close') } : { role: 'quit', label: t('menu.quit') },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: t('menu.view'),
    submenu: [
      { role: 'resetZoom', label: t('menu.resetZoom') },
      { role: 'zoomIn', label: t('menu.zoomIn') },
      { role: 'zoomOut', label: t('menu.zoomOut') },
      { type: 'separator' },
      { role: 'togglefullscreen', label: t('menu.fullScreen') },
      ...(options.devTools ? [{ role: 'toggleDevTools' } as const] : []),
    ],
  };
  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: t('menu.help'),
    submenu: [
      { label: t('menu.documentation'), click: () => actions.openDocumentation() },
      { type: 'separator' },
      { label: t('menu.about'), click: () => actions.command('about') },
    ],
  };
  // Spelled out (not role: 'editMenu') so that every label is ours; macOS needs it for Cmd+C/V to work.
  const edit: MenuItemConstructorOptions = {
    label: t('menu.edit'),
    submenu: [
      { role: 'undo', label: t('menu.undo') },
      { role: 'redo', label: t('menu.redo') },
      { type: 'separator' },
      { role: 'cut', label: t('menu.cut') },
      { role: 'copy', label: t('menu.copy') },
      { role: 'paste', label: t('menu.paste') },
      { role: 'selectAll', label: t('menu.selectAll') },
    ],
  };
  const macApp: MenuItemConstructorOptions[] = options.platform === 'darwin' ? [{ role: 'appMenu' }] : [];
  return [...macApp, file, edit, view, help];
}
