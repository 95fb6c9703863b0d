import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseAst } from 'rollup/parseAst';
import { templateWhitespace } from './rollup-template-whitespace.mjs';

type Transform = (this: { parse: typeof parseAst }, code: string, id: string) => { code: string } | null;
const hook = templateWhitespace((id) => id.startsWith('/src/')).transform as Transform;
const transform = (code: string, id = '/src/a.js') => hook.call({ parse: parseAst }, code, id)?.code ?? code;

describe('template whitespace', () => {
  it('drops the indentation of html and svg templates, keeping the line breaks', () => {
    const code = 'const a = html`<p>\n      ${x}\n    </p>`;\nconst c = svg`<g>\n  <path/>\n</g>`;';
    assert.equal(transform(code), 'const a = html`<p>\n${x}\n</p>`;\nconst c = svg`<g>\n<path/>\n</g>`;');
  });

  it('compacts css templates without changing selectors', () => {
    const code = 'const b = css`\n  /* why */\n  :host {\n    color: red;\n  }\n  .a :focus-visible, .b > .c {\n    font: 1rem "Titillium Web", sans-serif;\n  }\n`;';
    assert.equal(transform(code), 'const b = css`:host{color:red}.a :focus-visible,.b > .c{font:1rem "Titillium Web",sans-serif}`;');
  });

  it('leaves other templates, strings and other modules alone', () => {
    const code = 'const a = `keep\n    this`;\nconst b = "html`\\n    no`";\nconst c = other`\n    as is`;';
    assert.equal(transform(code), code);
    const lit = 'const a = html`<p>\n    x</p>`;';
    assert.equal(transform(lit, '/node_modules/lit/index.js'), lit);
  });
});
