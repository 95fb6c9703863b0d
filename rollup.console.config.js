// Builds the coordinator console's own script, examples/console/console.js
// (`npm run build:console`): small Lit elements over @ponte/sdk's fetch
// client. The console is an example page that embeds the widgets as any
// integrator would (<script src="/widgets/…">); it is not part of the widget
// library, so it is neither in rollup.config.js nor in the bundle budget.
// What it import()s lazily is a chunk of its own, examples/console/chunks/
// <name>-<hash>.js: the Indicatori view (src/indicators-view.ts) when first
// opened, and Chart.js (through src/bar-chart.ts) when it first draws a chart.
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';

const root = fileURLToPath(new URL('.', import.meta.url));
const consoleDir = `${root}examples/console/`;

export default {
  input: `${consoleDir}src/main.ts`,
  output: { dir: consoleDir, entryFileNames: 'console.js', chunkFileNames: 'chunks/[name]-[hash].js', format: 'es' },
  plugins: [
    // A chunk's name changes with its content: the last build's are taken away, not left beside the new.
    { name: 'ponte-clean-console-chunks', generateBundle: () => rmSync(`${consoleDir}chunks`, { recursive: true, force: true }) },
    // As rollup.config.js: "ponte-source" reads @ponte/sdk from its sources.
    nodeResolve({
      exportConditions: ['ponte-source', 'browser', 'import', 'default'],
      browser: true,
      extensions: ['.ts', '.mjs', '.js', '.json'],
    }),
    esbuild({ tsconfig: `${consoleDir}tsconfig.json`, target: 'es2022', minify: false }),
    terser({ module: true, ecma: 2020, format: { comments: false } }),
  ],
  onwarn(warning, warn) {
    // An unresolved import would be left to the browser to fetch: fail instead.
    if (warning.code === 'UNRESOLVED_IMPORT') throw new Error(warning.message);
    // Dependencies' own cycles and comment placement (zod, through @ponte/forms): nothing to act on here.
    const inDependency = [warning.id, ...(warning.ids ?? [])].some((id) => id?.includes('/node_modules/') || id?.includes('/packages/forms/'));
    if (inDependency && (warning.code === 'CIRCULAR_DEPENDENCY' || warning.code === 'INVALID_ANNOTATION')) return;
    warn(warning);
  },
};
