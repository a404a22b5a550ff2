import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createWriteGrants } from '../../../../electron/main/write-grants';

describe('createWriteGrants', () => {
  it('allows the chosen folder and what lies inside it, nothing before a folder was chosen', () => {
    const g = createWriteGrants(path.posix);
    expect(g.allows('/home/admin/Documents/contoso')).toBe(false);
    expect(g.grant('/home/admin/Documents')).toBe(true);
    expect(g.allows('/home/admin/Documents')).toBe(true);
    expect(g.allows('/home/admin/Documents/contoso/guide.pdf')).toBe(true);
    expect(g.allows('/home/admin/Documents/..foo/x')).toBe(true); // a name starting with two dots is still inside
  });

  it('refuses a path that leaves the folder, a sibling with the same prefix, and anything relative', () => {
    const g = createWriteGrants(path.posix);
    g.grant('/home/admin/Documents');
    for (const target of [
      '/home/admin/Documents/../.bashrc',
      '/home/admin/Documents/contoso/../../.ssh/authorized_keys',
      '/home/admin/DocumentsEvil/x',
      '/etc/cron.d/x',
      'contoso/guide.pdf',
      '',
      '/home/admin/Documents/a\u0000/x',
    ]) {
      expect(g.allows(target), target).toBe(false);
    }
  });

  it('records only absolute folders as a native dialog returns them', () => {
    const g = createWriteGrants(path.posix);
    for (const answer of ['', '.', 'Documents', '../x', '/tmp/a\u0000b']) expect(g.grant(answer), answer).toBe(false);
    expect(g.allows('/tmp/a')).toBe(false);
  });

  it('understands Windows paths: drive letters, case and either separator', () => {
    const g = createWriteGrants(path.win32);
    expect(g.grant('C:\\Users\\admin\\Documents')).toBe(true);
    expect(g.allows('c:\\users\\ADMIN\\documents\\contoso\\fix.ps1')).toBe(true);
    expect(g.allows('C:/Users/admin/Documents/contoso/fix.ps1')).toBe(true);
    for (const target of ['D:\\Users\\admin\\Documents\\x', 'C:\\Users\\admin\\Documents\\..\\AppData\\x', '\\\\server\\share\\x', 'C:x']) {
      expect(g.allows(target), target).toBe(false);
    }
  });
});
