import MsgReaderModule from '@kenjiuno/msgreader';
import type { NdrMessage } from '../types';
import { ndrFacts } from './fields';
import { htmlToText } from './html';
import './msg-guard';
import { toMessage } from './eml';

/** The CommonJS package's default export arrives wrapped or not, depending on the bundler. */
type MsgReaderCtor = new (data: ArrayBuffer | DataView) => {
  getFileData(): { subject?: string; body?: string; bodyHtml?: string; headers?: string; error?: string };
};
const MsgReader: MsgReaderCtor =
  (MsgReaderModule as unknown as { default?: MsgReaderCtor }).default ?? (MsgReaderModule as unknown as MsgReaderCtor);

/** OLE compound file signature: what every Outlook .msg starts with. */
export const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;

export function isCompoundFile(bytes: Uint8Array): boolean {
  return CFB_MAGIC.every((b, i) => bytes[i] === b);
}

/**
 * An Outlook .msg (an NDR saved from Outlook: REPORT.IPM.Note.NDR) through @kenjiuno/msgreader. Outlook
 * keeps the readable report in the body and the original transport headers; both are read for the fields.
 * Returns undefined when the compound file holds no message.
 */
export function readMsg(bytes: Uint8Array): NdrMessage | undefined {
  const copy = bytes.slice().buffer;
  const data = new MsgReader(copy).getFileData();
  // msgreader reports some corruption in `error` and silently returns nothing for the rest.
  if (data.error || (!data.subject && !data.body && !data.bodyHtml && !data.headers)) return undefined;
  const facts = ndrFacts(data.body ?? '');
  if (!data.body && data.bodyHtml) ndrFacts(htmlToText(data.bodyHtml), facts);
  if (data.headers) ndrFacts(data.headers, facts);
  return toMessage(facts, 0, data.subject);
}
