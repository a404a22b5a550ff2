// svelte/no-raw-text is not in eslint-plugin-svelte 3: this small rule does that job. Letters written
// straight into a component's markup, or into an attribute the user sees or hears (aria-label, title, alt,
// placeholder), bypass the i18n catalogs. Symbols, numbers and whitespace are fine.
const VISIBLE_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'title', 'alt', 'placeholder', 'label']);
const LETTER = /\p{L}/u;

export const noRawText = {
  meta: {
    type: 'problem',
    docs: { description: 'User-visible text in Svelte markup must come from the i18n catalogs (t(…)).' },
    messages: { raw: 'Literal text "{{text}}" is shown to the user: use t(\'…\') with a catalog key.' },
    schema: [],
  },
  create(context) {
    const report = (node, value) => {
      const text = value.trim();
      if (LETTER.test(text)) context.report({ node, messageId: 'raw', data: { text: text.slice(0, 40) } });
    };
    return {
      SvelteText(node) {
        // <style> and <script> bodies are text nodes too, but not shown to anyone.
        const inside = context.sourceCode.getAncestors(node).some((a) => a.type === 'SvelteStyleElement' || a.type === 'SvelteScriptElement');
        if (!inside) report(node, node.value);
      },
      SvelteAttribute(node) {
        if (!VISIBLE_ATTRIBUTES.has(node.key.name)) return;
        for (const part of node.value) if (part.type === 'SvelteLiteral') report(part, part.value);
      },
    };
  },
};
