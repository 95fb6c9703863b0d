// Builds the embeddable widgets into packages/widgets/dist/ (`npm run build:widgets`):
//   ponte.js                every widget, for the one-script-tag embed;
//   ponte-<widget>.js       one entry per widget, for pages that want only one;
//   chunks/<name>-<hash>.js code shared by entries, and what widgets import() lazily.
// Entries keep stable names (served with no-cache, revalidated by ETag);
// chunks are named by content hash (served immutable). See packages/server/src/http/static.ts.
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';
import { templateWhitespace } from './scripts/rollup-template-whitespace.mjs';

const root = fileURLToPath(new URL('.', import.meta.url));
const widgets = `${root}packages/widgets/`;
const serverSources = `${root}packages/server/`;

const WIDGETS = [
  'school-request',
  'school-report',
  'service-request',
  'service-report',
  'ethnoclinical-request',
  'school-questionnaire',
  'request-status',
];

const input = {
  ponte: `${widgets}src/ponte.ts`,
  ...Object.fromEntries(WIDGETS.map((w) => [`ponte-${w}`, `${widgets}src/${w}/ponte-${w}.ts`])),
};

/**
 * DESIGN §2: the widget bundle never contains server code. The sources only
 * import the server's types, which esbuild erases; should a value import slip
 * in (and past scripts/check-import-direction.mjs), stop the build here rather
 * than ship database code to school websites.
 */
function noServerCode() {
  return {
    name: 'ponte-no-server-code',
    buildEnd() {
      const leaked = [...this.getModuleIds()].filter((id) => id.startsWith(serverSources));
      if (leaked.length > 0) {
        this.error(`server code would be bundled into the widgets:\n  ${leaked.join('\n  ')}`);
      }
    },
  };
}

/**
 * Empties dist before writing: chunk names change with their content, and a
 * stale chunk left behind would be served and counted by the bundle budget.
 */
function cleanDist(dir) {
  return {
    name: 'ponte-clean-dist',
    generateBundle() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export default {
  input,
  output: {
    dir: `${widgets}dist`,
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
  },
  // Lit's development build warns in the console; the default conditions
  // pick its production build. "ponte-source" reads @ponte/forms and
  // @ponte/sdk from their TypeScript sources, so no prior tsc build is needed.
  plugins: [
    nodeResolve({
      exportConditions: ['ponte-source', 'browser', 'import', 'default'],
      browser: true,
      extensions: ['.ts', '.mjs', '.js', '.json'],
    }),
    esbuild({
      // The widgets' tsconfig carries experimentalDecorators and
      // useDefineForClassFields: false, which Lit's decorators need.
      tsconfig: `${widgets}tsconfig.json`,
      target: 'es2022',
      minify: false,
    }),
    templateWhitespace((id) => id.startsWith(`${widgets}src/`)),
    noServerCode(),
    cleanDist(`${widgets}dist`),
    terser({ module: true, ecma: 2020, compress: { passes: 2 }, format: { comments: false } }),
  ],
  treeshake: {
    // NOTE: @trpc/client declares no "sideEffects" in its package.json, so
    // rollup keeps every module its index re-exports, used or not (wsLink and
    // its helpers: some 6 kB minified). Its modules only define functions and
    // classes; packages that do declare the field keep their own answer.
    // @trpc/server (whose observable and error helpers the client imports) has
    // no "sideEffects" field either, and its modules are as pure.
    moduleSideEffects: (id) => !/\/node_modules\/@trpc\/(client|server)\//.test(id),
  },
  // A widget must not load anything from a third party (DESIGN §6): every
  // import is resolved into the bundle, none left to the browser.
  external: [],
  onwarn(warning, warn) {
    // An unresolved import would be left to the browser to fetch: fail instead.
    if (warning.code === 'UNRESOLVED_IMPORT') throw new Error(warning.message);
    // zod's own cycles and comment placement: nothing we can act on.
    const inDependency = [warning.id, ...(warning.ids ?? [])].some((id) => id?.includes('/node_modules/'));
    if (inDependency && (warning.code === 'CIRCULAR_DEPENDENCY' || warning.code === 'INVALID_ANNOTATION')) return;
    warn(warning);
  },
};
