import type { GeneralNameLike } from './facts';
import { toHex } from '../bytes';

/** A GeneralName's value as text: strings as is, IP addresses dotted or colon-hex (RFC 5280 §4.2.1.6). */
export function generalNameText(name: GeneralNameLike): string | null {
  if (typeof name.value === 'string') return name.value;
  if (name.type === 7) {
    const hex = (name.value as { valueBlock?: { valueHexView?: Uint8Array } }).valueBlock?.valueHexView;
    if (!hex) return null;
    if (hex.length === 4) return Array.from(hex).join('.');
    if (hex.length === 16) return (toHex(hex).match(/.{4}/g) ?? []).join(':').toLowerCase();
    return toHex(hex);
  }
  return null;
}

export function isGeneralNameList(value: unknown): value is GeneralNameLike[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'object' && v !== null && 'type' in v);
}
