import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { translator } from '../../../../shared/i18n/format';
import { buildMenuTemplate } from '../../../../electron/main/menu';

function labels(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((i) => [i.label ?? '', ...(Array.isArray(i.submenu) ? labels(i.submenu) : [])]).filter(Boolean);
}

const actions = () => ({ openEvidence: vi.fn(), command: vi.fn(), openDocumentation: vi.fn() });

describe('buildMenuTemplate', () => {
  it('labels every item from the catalog, in each language', () => {
    const en = labels(buildMenuTemplate(translator('en'), actions(), { platform: 'win32', devTools: false }));
    const cs = labels(buildMenuTemplate(translator('cs'), actions(), { platform: 'win32', devTools: false }));
    expect(en).toContain('Open evidence…');
    expect(cs).toContain('Otevřít podklady…');
    // A key that is missing from the catalog would come back as the key itself.
    expect([...en, ...cs].filter((l) => l.startsWith('menu.'))).toEqual([]);
    expect(en).toHaveLength(cs.length);
  });

  it('wires File, View and Help actions', () => {
    const a = actions();
    const template = buildMenuTemplate(translator('en'), a, { platform: 'linux', devTools: false });
    const all = template.flatMap((m) => (Array.isArray(m.submenu) ? m.submenu : []));
    const click = (label: string): void => (all.find((i) => i.label === label)?.click as () => void)();
    click('Open evidence…');
    click('Save case');
    click('About Relay Doctor');
    click('Microsoft article on error 5.7.64');
    expect(a.openEvidence).toHaveBeenCalledOnce();
    expect(a.command.mock.calls).toEqual([['saveCase'], ['about']]);
    expect(a.openDocumentation).toHaveBeenCalledOnce();
    expect(labels(template)).not.toContain('Toggle Developer Tools');
  });

  it('drops Windows mnemonics on macOS and adds the app menu', () => {
    const template = buildMenuTemplate(translator('en'), actions(), { platform: 'darwin', devTools: false });
    expect(template[0]?.role).toBe('appMenu');
    expect(labels(template)).toContain('File');
  });
});
