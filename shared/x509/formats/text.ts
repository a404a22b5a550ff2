/**
 * Bytes → text for PEM and Base64 inputs. PowerShell's Out-File writes UTF-16LE with a BOM on Windows
 * PowerShell 5.1, so a pasted or redirected certificate may arrive that way.
 */
export function bytesToText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8').decode(bytes);
}

/** True when the first bytes look like text (no control bytes other than whitespace), for sniffing. */
export function looksLikeText(bytes: Uint8Array, max = 4096): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
  const n = Math.min(bytes.length, max);
  if (n === 0) return false;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b < 9 || (b > 13 && b < 32) || b === 127) return false;
  }
  return true;
}

/** How much of an input textHead decodes. */
export const TEXT_HEAD_BYTES = 1 << 20;

/** The head of the input as text, for sniffing without decoding a large file. */
export function textHead(bytes: Uint8Array, max = TEXT_HEAD_BYTES): string {
  return bytesToText(bytes.subarray(0, max));
}
