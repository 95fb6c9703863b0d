// A rollup plugin that drops the indentation inside Lit's html`…`, css`…`
// and svg`…` templates of the given sources. Terser leaves template strings
// as they are, so every indented line of markup and styles would be shipped.
//
// NOTE: only the spaces after a line break go; the break itself stays, so
// text renders the same under `white-space: normal` and `pre-line`. Under
// `pre` or `pre-wrap` (or in a <textarea>'s content) indentation would show:
// write such text as an expression (${'…'}), not as template text.
const TAGS = new Set(['html', 'css', 'svg']);

function visit(node, found) {
  if (Array.isArray(node)) return node.forEach((n) => visit(n, found));
  if (!node || typeof node !== 'object') return;
  if (node.type === 'TaggedTemplateExpression' && node.tag.type === 'Identifier' && TAGS.has(node.tag.name)) {
    for (const quasi of node.quasi.quasis) found.push({ start: quasi.start, end: quasi.end, css: node.tag.name === 'css' });
  }
  for (const [key, value] of Object.entries(node)) if (key !== 'type' && typeof value === 'object') visit(value, found);
}

/**
 * Styles lose all layout whitespace: around braces, semicolons and commas,
 * after a declaration's colon (only after: a space before a colon is a
 * descendant combinator, as in `.a :focus`), and the last semicolon of a rule.
 * Our styles put no such characters inside strings (`content: '. '` is safe).
 */
const compactCss = (text) =>
  text
    .replace(/\/\*[^]*?\*\//g, '')
    .replace(/\s*([{};,])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}')
    .replace(/^\s+|\s+$/g, '');

/** @param {(id: string) => boolean} include which modules to touch (our sources, not dependencies) */
export function templateWhitespace(include) {
  return {
    name: 'ponte-template-whitespace',
    transform(code, id) {
      if (!include(id) || !/\b(html|css|svg)`/.test(code)) return null;
      const quasis = [];
      visit(this.parse(code), quasis);
      let out = code;
      // From the end, so earlier offsets stay valid.
      for (const { start, end, css } of quasis.sort((a, b) => b.start - a.start)) {
        const text = out.slice(start, end).replace(/\n[ \t]+/g, '\n');
        out = out.slice(0, start) + (css ? compactCss(text) : text) + out.slice(end);
      }
      return { code: out, map: null };
    },
  };
}
