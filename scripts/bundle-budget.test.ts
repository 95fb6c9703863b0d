import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';

const script = new URL('./bundle-budget.mjs', import.meta.url).pathname;

// A tiny dist shaped like rollup's output: entries at the top, chunks below.
// ponte-a.js needs shared and x before it can run; lazy-3 and lazy-4 come
// later through import(), and lazy-3 also needs shared, already loaded.
const FIXTURE: Record<string, string> = {
  'ponte.js': 'import"./ponte-a.js";import"./ponte-b.js";',
  'ponte-a.js': 'import{s}from"./chunks/shared-1.js";export*from"./chunks/x-2.js";export const a=()=>import("./chunks/lazy-3.js").then(m=>m.default+s);',
  'ponte-b.js': 'export{s as b}from"./chunks/shared-1.js";',
  'chunks/shared-1.js': 'export const s="shared";',
  'chunks/x-2.js': 'import"./shared-1.js";export const x=2;',
  'chunks/lazy-3.js': 'import{s}from"./shared-1.js";export default ()=>import("./lazy-4.js").then(()=>s);',
  'chunks/lazy-4.js': 'export const deep=4;',
};

const gz = (file: string) => gzipSync(Buffer.from(FIXTURE[file]!), { level: 9 }).length;
const total = (files: string[]) => files.reduce((n, f) => n + gz(f), 0);

interface Report {
  entries: Array<{ entry: string; own: number; firstLoad: number; firstLoadFiles: string[]; lazy: number; lazyFiles: string[]; ok: boolean }>;
  library: { bytes: number; files: number; ok: boolean };
}

const dirs: string[] = [];
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function run(files: Record<string, string>, ...args: string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'ponte-budget-'));
  dirs.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const result = spawnSync(process.execPath, [script, '--dir', dir, ...args], { encoding: 'utf8' });
  const report = () => JSON.parse(readFileSync(join(dir, 'bundle-sizes.json'), 'utf8')) as Report;
  return { result, report };
}

describe('bundle budget', () => {
  it('counts static imports in the first load and import() chunks as lazy', () => {
    const { result, report } = run(FIXTURE);
    assert.equal(result.status, 0, result.stderr);
    const a = report().entries.find((e) => e.entry === 'ponte-a.js')!;
    assert.deepEqual(a.firstLoadFiles, ['chunks/shared-1.js', 'chunks/x-2.js', 'ponte-a.js']);
    assert.equal(a.own, gz('ponte-a.js'));
    assert.equal(a.firstLoad, total(a.firstLoadFiles));
    assert.deepEqual(a.lazyFiles, ['chunks/lazy-3.js', 'chunks/lazy-4.js']);
    assert.equal(a.lazy, total(a.lazyFiles));
  });

  it('follows entries that import entries, and counts the whole library once', () => {
    const { result, report } = run(FIXTURE);
    const { entries, library } = report();
    const all = entries.find((e) => e.entry === 'ponte.js')!;
    assert.deepEqual(all.firstLoadFiles, ['chunks/shared-1.js', 'chunks/x-2.js', 'ponte-a.js', 'ponte-b.js', 'ponte.js']);
    const b = entries.find((e) => e.entry === 'ponte-b.js')!;
    assert.deepEqual(b.lazyFiles, []);
    assert.equal(library.files, Object.keys(FIXTURE).length);
    assert.equal(library.bytes, total(Object.keys(FIXTURE)));
    assert.match(result.stdout, /whole library \(7 files\)/);
  });

  it('fails when a widget’s first load or the library is over budget', () => {
    const firstLoad = run(FIXTURE, '--first-load-kb', '0.05');
    assert.equal(firstLoad.result.status, 1);
    assert.match(firstLoad.result.stderr, /ponte-a\.js: first load/);
    assert.doesNotMatch(firstLoad.result.stderr, /ponte\.js: first load/, 'ponte.js answers to the library budget only');
    const library = run(FIXTURE, '--library-kb', '0.1');
    assert.equal(library.result.status, 1);
    assert.match(library.result.stderr, /whole library/);
  });

  it('refuses an import it cannot follow, rather than under-count', () => {
    const { result } = run({ 'ponte-x.js': 'import"./chunks/missing-1.js";' });
    assert.equal(result.status, 1);
    assert.match(result.stderr, /missing-1\.js/);
  });
});
