import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { precompress } from './rollup-precompress.mjs';

type WriteBundle = (options: { dir?: string; file?: string }, bundle: Record<string, unknown>) => void;

describe('precompress', () => {
  it('writes a brotli and a gzip copy beside every file of the build, each undoing to the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ponte-precompress-'));
    try {
      const files = { 'ponte.js': 'import"./chunks/a-1.js";', 'chunks/a-1.js': `export const a=${JSON.stringify('lit '.repeat(500))};` };
      mkdirSync(join(dir, 'chunks'));
      for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
      (precompress().writeBundle as WriteBundle)({ dir }, Object.fromEntries(Object.keys(files).map((name) => [name, {}])));
      for (const [name, text] of Object.entries(files)) {
        assert.equal(brotliDecompressSync(readFileSync(join(dir, `${name}.br`))).toString(), text, name);
        assert.equal(gunzipSync(readFileSync(join(dir, `${name}.gz`))).toString(), text, name);
      }
      assert.ok(readFileSync(join(dir, 'chunks/a-1.js.br')).length < files['chunks/a-1.js'].length / 10);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
