/**
 * The guide as one localized document model (architecture.md "Outputs"): the Svelte screen, Markdown, HTML
 * and PDF all render this, so they say the same thing. Plain data, text already translated; renderers only
 * lay it out and escape it.
 */

/** Text with Windows UI names marked, so every renderer can show them as UI names (bold). */
export type RichText = readonly (string | { readonly ui: string })[];

export type Block =
  | { readonly type: 'paragraph'; readonly text: RichText }
  | { readonly type: 'heading'; readonly text: string }
  | { readonly type: 'steps'; readonly items: readonly RichText[] }
  | { readonly type: 'list'; readonly items: readonly RichText[] }
  | { readonly type: 'code'; readonly language: 'powershell' | 'text'; readonly code: string }
  | { readonly type: 'table'; readonly header: readonly string[]; readonly rows: readonly (readonly string[])[] }
  | { readonly type: 'note'; readonly tone: 'info' | 'warning'; readonly text: RichText }
  | { readonly type: 'chain'; readonly chain: ChainPicture };

/** The chain picture as data: leaf at the top, each issuer below it, a missing issuer shown as a gap. */
export interface ChainPicture {
  readonly caption: string;
  readonly nodes: readonly ChainNode[];
}

export interface ChainNode {
  readonly role: 'leaf' | 'intermediate' | 'root' | 'missing';
  /** Localized role label ("Intermediate CA"). */
  readonly label: string;
  readonly subject: string;
  readonly thumbprint?: string;
  readonly notAfter?: string;
  /** Localized state ("in this fix pack: intermediate-1.cer", "missing on the server"). */
  readonly note?: string;
}

/** A numbered step of the fix: why, then the script way and the manual Windows way. */
export interface GuideStep {
  readonly id: string;
  readonly title: string;
  readonly blocks: readonly Block[];
}

export interface GuideSection {
  readonly id: 'summary' | 'evidence' | 'chain' | 'steps' | 'verify' | 'rollback' | 'collect';
  readonly title: string;
  readonly blocks: readonly Block[];
  readonly steps?: readonly GuideStep[];
}

export interface GuideDocument {
  readonly lang: string;
  readonly title: string;
  readonly subtitle: string;
  readonly meta: readonly { readonly label: string; readonly value: string }[];
  /** The heading of the contents list the HTML guide and the app's preview open with (no list without it). */
  readonly contentsTitle?: string;
  readonly sections: readonly GuideSection[];
}

export function plain(text: RichText): string {
  return text.map((p) => (typeof p === 'string' ? p : p.ui)).join('');
}
