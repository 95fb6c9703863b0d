// Builds the embeddable widgets into packages/widgets/dist/ (`npm run build:widgets`):
//   ponte.js                every widget, for the one-script-tag embed;
//   ponte-<widget>.js       one entry per widget, for pages that want only one;
//   chunks/<hash>.js        code shared by entries, and what widgets import() lazily;
//   <file>.br, <file>.gz    each of those compressed ahead, for the server to answer.
// Entries keep stable names (served with no-cache, revalidated by ETag);
// chunks are named by content hash (served immutable). See packages/server/src/http/static.ts.
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';
import { precompress } from './scripts/rollup-precompress.mjs';
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
  'booking',
  'mediator-calendar',
];

const input = {
  ponte: `${widgets}src/ponte.ts`,
  ...Object.fromEntries(WIDGETS.map((w) => [`ponte-${w}`, `${widgets}src/${w}/ponte-${w}.ts`])),
};

/**
 * docs/architecture.md#packages-and-the-import-direction: the widget bundle
 * never contains server code. The sources only
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

/*
 * Chunks (docs/architecture.md#bundles-and-budgets: the library is budgeted file by file, gzip -9, and one
 * file gzips smaller than two, so there are few):
 *   core        what every widget needs before it can draw: Lit, the SDK's
 *               fetch client, tokens, locale, events;
 *   form        the form renderer and what of @ponte/forms it draws with,
 *               for the six form widgets;
 *   services    the status checker, the booking widget and the mediator
 *               calendar, which share one file: each loads the others' few
 *               kilobytes, and the library saves a file's worth of gzip;
 *   lazy        what a form needs only once someone works in it: zod and
 *               the forms compiler (validation); import()ed as the form
 *               first draws, beside its definition, not before it;
 *   popover     the popover class and its placement (the language and country
 *               lists, the calendar's details), import()ed on first use: its
 *               own file, so the calendar does not load the validator with it.
 * A first-load module goes with the one widget family that reaches it, and
 * to core when several do; the entries only define their elements, and
 * ponte.js, for all of them, import()s the classes through ponte-forms.ts and
 * ponte-services.ts, which go with their families' chunks.
 * NOTE: a module named here pulls in the modules it imports that are not
 * named themselves, whether tree-shaking kept those imports or not, so the
 * lazy modules are named explicitly: were @ponte/forms's barrel left to a
 * first-load chunk, it would drag zod into the first load (an earlier
 * attempt did). A new module only the validator uses belongs in LAZY; left
 * out, it lands in a first-load chunk and `npm run bundle:budget` shows it.
 */
const POPOVER = /\/widgets\/src\/internal\/(popover|place-floating)\.ts$/;
const LAZY =
  /\/node_modules\/zod\/|\/forms\/src\/(field-schemas|form-checks|translate-issues|normalize-submission|validate-submission|field-values|compile-form)\.ts$|\/widgets\/src\/internal\/validation\.ts$/;

/**
 * The family of a widget entry: the six form widgets share one renderer; the
 * status checker, the booking widget and the staff calendar share the
 * services chunk, so what only they use (the calendar borrows booking's
 * local dates and fields) stays out of the form widgets' first load.
 */
function familyOf(entryName) {
  return ['ponte-request-status', 'ponte-booking', 'ponte-mediator-calendar'].includes(entryName) ? 'services' : 'form';
}

/** first-load module → the families of the widget entries that import it statically, transitively */
function familiesByModule({ getModuleIds, getModuleInfo }) {
  const families = new Map();
  for (const entry of [...getModuleIds()].filter((m) => getModuleInfo(m).isEntry)) {
    const name = Object.entries(input).find(([, path]) => path === entry)?.[0];
    // ponte.js defines every widget: it adds no family of its own.
    if (!name || name === 'ponte') continue;
    const seen = new Set();
    const stack = [...getModuleInfo(entry).importedIds];
    while (stack.length) {
      const m = stack.pop();
      if (seen.has(m)) continue;
      seen.add(m);
      stack.push(...(getModuleInfo(m)?.importedIds ?? []));
    }
    for (const m of seen) {
      if (!getModuleInfo(m)?.isIncluded || getModuleInfo(m).isEntry) continue;
      if (!families.has(m)) families.set(m, new Set());
      families.get(m).add(familyOf(name));
    }
  }
  return families;
}

function chunkOf(id, meta) {
  chunkOf.families ??= familiesByModule(meta);
  // The popover apart from the validator: the calendar's details popover
  // then loads under a kilobyte, not zod and the forms compiler too.
  if (POPOVER.test(id)) return 'popover';
  // The two lists ponte.js import()s: each goes with its family's chunk,
  // not into a file of its own to wait for before the chunk.
  if (/\/widgets\/src\/ponte-forms\.ts$/.test(id)) return 'form';
  if (/\/widgets\/src\/ponte-services\.ts$/.test(id)) return 'services';
  if (LAZY.test(id)) return 'lazy';
  // Barrels and modules tree-shaking dropped: they emit nothing, but where
  // they sit decides which chunk imports which, so they go with the validator
  // (the only code that reaches the rest of @ponte/forms).
  if (!meta.getModuleInfo(id).isIncluded) return id.includes('/forms/src/') ? 'lazy' : undefined;
  const families = chunkOf.families.get(id);
  if (!families) return undefined;
  // Every widget imports @ponte/forms through its barrel, so every widget
  // seems to reach all of it; in fact the renderer uses it, the booking
  // widget only its language names (and the Intl helper that countries share),
  // and the status, booking and calendar widgets its shared vocabulary
  // (statuses and modes in words), which the form widgets do not use.
  if (id.includes('/forms/src/')) {
    if (/\/forms\/src\/vocabulary\.ts$/.test(id)) return 'services';
    return /\/forms\/src\/(languages|display-names|locale)\.ts$/.test(id) ? 'core' : 'form';
  }
  if (families.size > 1) return 'core';
  // One family: its chunk (the status, booking and calendar widgets share
  // theirs, so their entries hold only the element's definition).
  const [family] = families;
  return family === 'form' ? 'form' : 'services';
}

export default {
  input,
  output: {
    dir: `${widgets}dist`,
    format: 'es',
    entryFileNames: '[name].js',
    // NOTE: the hash alone, without the chunk's name (core, form…): every
    // entry names the chunks it imports, and in files of a hundred bytes
    // nothing compresses (some 120 bytes gzip over the library, against its budget).
    chunkFileNames: 'chunks/[hash].js',
    manualChunks: chunkOf,
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
    terser({ module: true, ecma: 2020, compress: { passes: 3, pure_getters: true }, format: { comments: false } }),
    // <file>.br and <file>.gz beside every file, answered by the server to browsers that accept them.
    precompress(),
  ],
  treeshake: {
    // NOTE: @trpc/client declares no "sideEffects" in its package.json, so
    // rollup keeps every module its index re-exports, used or not (wsLink and
    // its helpers: some 6 kB minified). Its modules only define functions and
    // classes; packages that do declare the field keep their own answer.
    // @trpc/server (whose observable and error helpers the client imports) has
    // no "sideEffects" field either, and its modules are as pure.
    // NOTE: zod does declare it (only its root compile.js has side effects),
    // but its subpaths (zod/v4/core, zod/v4/mini…) carry package.json files
    // of their own without the field, and @rollup/plugin-node-resolve reads
    // the nearest one: zod's global schema registry, which nothing here
    // uses, was kept for its side effect (some 170 bytes gzip). Zod's own
    // answer is restored here.
    moduleSideEffects: (id) =>
      !/\/node_modules\/(@trpc\/(client|server)|zod)\//.test(id) || /\/node_modules\/zod\/compile\.js$/.test(id),
  },
  // A widget must not load anything from a third party (docs/architecture.md#bundles-and-budgets): every
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
