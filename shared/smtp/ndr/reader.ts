import type { Reader } from '../../model/reader';
import type { InputFile } from '../../model/input';
import { err, ok } from '../../result';
import type { NdrEvidence, NdrMessage } from '../types';
import { decodeText, headText } from '../text';
import { readEml, toMessage } from './eml';
import { ndrFacts } from './fields';
import { isCompoundFile, readMsg } from './msg';
import { hasFailureReply, hasNdrMarkers, looksLikeMessage } from './sniff';

type Form = 'eml' | 'msg' | 'text';

function formOf(input: InputFile): { form: Form; score: number } | undefined {
  const name = input.name.toLowerCase();
  if (isCompoundFile(input.bytes)) return { form: 'msg', score: name.endsWith('.msg') ? 8 : 3 };
  const head = headText(input.bytes, 64 * 1024);
  const markers = hasNdrMarkers(head);
  if (looksLikeMessage(head)) return { form: 'eml', score: markers ? 8 : name.endsWith('.eml') ? 6 : 3 };
  if (markers) return { form: 'text', score: 5 };
  // Plain text is claimed only weakly, so it never takes a log or a settings export from its own reader.
  if (hasFailureReply(head)) return { form: 'text', score: 1 };
  return undefined;
}

function evidence(input: InputFile, format: Form, message: NdrMessage): NdrEvidence {
  return { kind: 'ndr', id: `ndr:${input.name}`, source: input.name, format, messages: [message] };
}

/** NDRs: .eml (postal-mime), Outlook .msg (@kenjiuno/msgreader) and pasted NDR text (domain.md §6). */
export const ndrReader: Reader = {
  id: 'smtp.ndr',
  kind: 'ndr',
  sniff(input) {
    return formOf(input)?.score ?? 0;
  },
  async read(input) {
    const form = formOf(input)?.form;
    if (!form) return err({ code: 'input.unrecognized' });
    let message: NdrMessage | undefined;
    try {
      if (form === 'msg') message = readMsg(input.bytes);
      else if (form === 'eml') message = await readEml(input.bytes);
      else message = toMessage(ndrFacts(decodeText(input.bytes)), 0);
    } catch {
      // Both libraries throw on structurally broken input; for the user that is a damaged file.
      return err({ code: 'input.damaged' });
    }
    if (!message) return err({ code: 'input.damaged' });
    if (form === 'text' && message.statusCodes.length === 0 && message.replies.length === 0) {
      return err({ code: 'input.unrecognized' });
    }
    const warnings = message.statusCodes.length === 0 ? [{ code: 'smtp.warning.noDeliveryStatus' }] : [];
    return ok({ evidence: [evidence(input, form, message)], items: 1, ...(warnings.length ? { warnings } : {}) });
  },
};
