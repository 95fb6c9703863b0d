#!/usr/bin/env node
// Runs every Node test suite of the workspace with node's own test runner.
// Node 20's `--test` takes no globs, so the files are listed here. Sources are
// loaded through tsx with the "ponte-source" condition: no build is needed.
// Usage: node scripts/run-tests.mjs [path-filter ...]
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const filters = process.argv.slice(2);

function findTests(dir) {
  const found = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...findTests(path));
    else if (name.endsWith('.test.ts')) found.push(path);
  }
  return found;
}

const files = ['packages', 'examples', 'scripts']
  .flatMap((dir) => findTests(join(root, dir)))
  .map((file) => relative(root, file))
  // Browser suites (the widgets, the console) run under web-test-runner, not here.
  .filter((file) => !file.startsWith('packages/widgets/') && !file.startsWith('examples/console/'))
  .filter((file) => filters.length === 0 || filters.some((f) => file.includes(f)))
  .sort();

if (files.length === 0) {
  console.error('No test files matched.');
  process.exit(1);
}

const result = spawnSync(
  process.execPath,
  ['--conditions=ponte-source', '--import', 'tsx', '--test', '--test-reporter=spec', ...files],
  { cwd: root, stdio: 'inherit' },
);
process.exit(result.status ?? 1);
