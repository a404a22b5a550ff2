import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import DropZone from '../../renderer/src/components/DropZone.svelte';
import type { NamedBlob } from '../../renderer/src/lib/dropped-files';

afterEach(cleanup);

/**
 * jsdom has no file chooser, so this does what a browser does once the user picks: the input holds the
 * chosen Files (a folder pick names each by `webkitRelativePath`), its value reads C:\fakepath\<name>, and
 * `change` fires only when the selection differs from what the input already holds. Emptying `value`
 * empties the selection, as in a browser.
 */
function choose(input: HTMLInputElement, files: File[]): void {
  const held = input.files ? Array.from(input.files) : [];
  if (held.length === files.length && held.every((f, i) => f === files[i])) return;
  let selection: File[] = files;
  const list = (): FileList =>
    Object.assign([...selection], { item: (i: number) => selection[i] ?? null }) as unknown as FileList;
  Object.defineProperty(input, 'files', { configurable: true, get: list });
  Object.defineProperty(input, 'value', {
    configurable: true,
    get: () => (selection[0] ? `C:\\fakepath\\${selection[0].name}` : ''),
    set: (v: string) => {
      if (v === '') selection = [];
    },
  });
  void fireEvent.change(input);
}

function inFolder(path: string, text: string): File {
  const file = new File([text], path.split('/').pop()!);
  Object.defineProperty(file, 'webkitRelativePath', { value: path });
  return file;
}

function renderZone() {
  const batches: NamedBlob[][] = [];
  const { container } = render(DropZone, { props: { onFiles: (files: NamedBlob[]) => void batches.push(files) } });
  const inputs = Array.from(container.querySelectorAll<HTMLInputElement>('input[type="file"]'));
  const filesInput = inputs.find((i) => !i.hasAttribute('webkitdirectory'))!;
  const folderInput = inputs.find((i) => i.hasAttribute('webkitdirectory'))!;
  return { batches, filesInput, folderInput };
}

describe('Browse… and Add a folder…', () => {
  it('are real buttons with their labels; the inputs behind them are out of the tab order and hidden from screen readers', () => {
    const { filesInput, folderInput } = renderZone();
    expect(screen.getByRole('button', { name: 'Browse…' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Add a folder…' })).toBeTruthy();
    for (const input of [filesInput, folderInput]) {
      expect(input.tabIndex).toBe(-1);
      expect(input.getAttribute('aria-hidden')).toBe('true');
    }
    expect(filesInput.multiple).toBe(true);
    expect(filesInput.accept.split(',')).toEqual(expect.arrayContaining(['.cer', '.evtx', '.log', '.eml', '.zip']));
  });

  it('opens the matching input when a button is pressed', async () => {
    const { filesInput, folderInput } = renderZone();
    const opened: string[] = [];
    filesInput.addEventListener('click', () => opened.push('files'));
    folderInput.addEventListener('click', () => opened.push('folder'));
    await fireEvent.click(screen.getByRole('button', { name: 'Browse…' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Add a folder…' }));
    expect(opened).toEqual(['files', 'folder']);
  });

  it('hands the chosen files to onFiles as the Files themselves, named by their file names', async () => {
    const { batches, filesInput } = renderZone();
    const cert = new File(['-----BEGIN CERTIFICATE-----'], 'leaf.cer');
    const log = new File(['#Software: Microsoft Exchange Server'], 'SEND20240101-1.LOG');
    choose(filesInput, [cert, log]);
    expect(batches).toHaveLength(1);
    expect(batches[0]!.map((f) => f.name)).toEqual(['leaf.cer', 'SEND20240101-1.LOG']);
    // No copy: the blob is the picked File, read later by the worker in pieces.
    expect(batches[0]![0]!.blob).toBe(cert);
    expect(await batches[0]![1]!.blob.text()).toBe('#Software: Microsoft Exchange Server');
  });

  it('names the files of a picked folder by their path from the folder on, as a dropped folder names them', () => {
    const { batches, folderInput } = renderZone();
    choose(folderInput, [inFolder('Logs/SmtpSend/SEND1.LOG', 'a'), inFolder('Logs/SmtpReceive/RECV1.LOG', 'b')]);
    expect(batches[0]!.map((f) => f.name)).toEqual(['Logs/SmtpSend/SEND1.LOG', 'Logs/SmtpReceive/RECV1.LOG']);
  });

  it('takes the same file chosen twice in a row', () => {
    const { batches, filesInput } = renderZone();
    const cert = new File(['x'], 'leaf.cer');
    choose(filesInput, [cert]);
    choose(filesInput, [cert]);
    expect(batches.map((b) => b.map((f) => f.name))).toEqual([['leaf.cer'], ['leaf.cer']]);
    expect(filesInput.value).toBe('');
  });
});
