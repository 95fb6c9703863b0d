#!/usr/bin/env node
// Fails when a package imports against the direction of
// docs/architecture.md#packages-and-the-import-direction:
//   forms <- server; forms + server (types only) <- sdk <- widgets;
//   examples may import anything and nothing imports them.
// Checks the sources (src/) of every package; tests may start a server.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

// `--root DIR` checks another tree: the checker's own test uses it.
const rootArg = process.argv.indexOf('--root');
const root = rootArg > 0 ? process.argv[rootArg + 1] : new URL('..', import.meta.url).pathname;

/** For each package, what its sources may import: at run time, and as types only. */
const RULES = {
  forms: { runtime: [], typeOnly: [] },
  server: { runtime: ['forms'], typeOnly: [] },
  sdk: { runtime: ['forms'], typeOnly: ['server'] },
  widgets: { runtime: ['forms', 'sdk'], typeOnly: ['server'] },
};

const IMPORT = /(^|\n)\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function sources(dir) {
  let out = [];
  let names = [];
  try {
    names = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of names) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out = out.concat(sources(path));
    else if (/\.(ts|js|mjs)$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

function targetPackage(specifier, fromPackage, file) {
  const scoped = specifier.match(/^@ponte\/([^/]+)/);
  if (scoped) return scoped[1];
  if (specifier.startsWith('.')) {
    const resolved = relative(root, join(file, '..', specifier));
    const m = resolved.match(/^(packages|examples)\/([^/]+)/);
    if (!m) return null;
    return m[1] === 'examples' ? 'examples' : m[2] === fromPackage ? null : m[2];
  }
  return null;
}

const problems = [];
for (const [pkg, rule] of Object.entries(RULES)) {
  for (const file of sources(join(root, 'packages', pkg, 'src'))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(IMPORT)) {
      const specifier = m[4] ?? m[5];
      const typeOnly = Boolean(m[3]);
      const target = targetPackage(specifier, pkg, file);
      if (!target || target === pkg) continue;
      const ok = rule.runtime.includes(target) || (typeOnly && rule.typeOnly.includes(target));
      if (!ok) {
        const how = typeOnly ? 'type import' : 'import';
        problems.push(`${relative(root, file)}: ${how} of '${specifier}' goes against the direction ${pkg} may import (${[...rule.runtime, ...rule.typeOnly.map((t) => `${t} (types only)`)].join(', ') || 'nothing of ours'})`);
      }
    }
  }
}

if (problems.length) {
  console.error(`Import direction (docs/architecture.md) broken in ${problems.length} place(s):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('Import direction: ok (forms <- server; forms + server types <- sdk <- widgets).');
