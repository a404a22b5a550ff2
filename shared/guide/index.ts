/** The guide document model and its renderers; the PDF renderer lives in electron/services/pdf (pdfkit). */
export type { Block, ChainNode, ChainPicture, GuideDocument, GuideSection, GuideStep, RichText } from './model';
export { plain } from './model';
export { buildGuide, type GuideInput } from './build-guide';
export { renderMarkdown, escapeMarkdown } from './render-markdown';
export { renderHtml, escapeHtml } from './render-html';
