/**
 * Notes on the root element whether the keyboard or a pointer was used last (`data-input`), so CSS can show
 * a focus ring on a programmatically focused heading only for keyboard users (app.css). Chromium's own
 * :focus-visible also matches a script's focus() on first load, before any input at all.
 */
export function trackInputModality(root: HTMLElement = document.documentElement): () => void {
  const keyboard = (e: KeyboardEvent) => {
    // Modifier presses alone (Ctrl for a shortcut, Shift) do not move focus.
    if (!['Shift', 'Control', 'Alt', 'Meta'].includes(e.key)) root.dataset['input'] = 'keyboard';
  };
  const pointer = () => {
    root.dataset['input'] = 'pointer';
  };
  window.addEventListener('keydown', keyboard, true);
  window.addEventListener('pointerdown', pointer, true);
  return () => {
    window.removeEventListener('keydown', keyboard, true);
    window.removeEventListener('pointerdown', pointer, true);
  };
}
