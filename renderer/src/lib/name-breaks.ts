/**
 * A file name or path cut after each separator (`\ / _ - .`) and before none: where it may wrap without
 * splitting a word (`C:\Logs\` `SEND20261128-` `1.LOG`). Joined back, the pieces are the name unchanged.
 */
export function nameBreaks(name: string): string[] {
  return name.split(/(?<=[\\/_.-])(?=[^\\/_.-])/);
}
