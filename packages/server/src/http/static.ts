import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface StaticFilesOptions {
  /** The built widgets (rollup's output): packages/widgets/dist by default. */
  widgetsDir?: string;
  /** The example sites: examples/ by default; only EXAMPLE_SITES in it are served. */
  examplesDir?: string;
}

// This file sits two levels below packages/server, in src/http or dist/http alike.
const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

/** The folders of examples/ that are web pages; the rest (the SDK script, package files) is not served. */
const EXAMPLE_SITES = new Set(['school-site', 'municipal-portal', 'console', 'shared']);
const EXAMPLE_FILE = /\.(html|css|js|svg|png|webp|woff2)$/;

/** Whether a path under /examples/ may be served: a page's file, or a site's folder (answered with its index.html). */
function isExampleFile(path: string): boolean {
  const [, site = '', ...rest] = path.split('/');
  if (!EXAMPLE_SITES.has(site)) return false;
  return rest.length === 0 || path.endsWith('/') || EXAMPLE_FILE.test(path);
}

/** A `..` path segment, however encoded: `send` answers it 403, which tells that something is there. */
const PARENT_SEGMENT = /(^|\/|\\|%2f|%5c)(\.|%2e){2}(\/|\\|%2f|%5c|$)/i;

/**
 * The type of a script per the HTML standard, where `send` says
 * application/javascript. An onSend hook rather than setHeaders, because
 * @fastify/static names the type again after setHeaders when it answers a
 * pre-compressed file.
 */
async function javascript(_request: FastifyRequest, reply: FastifyReply, payload: unknown) {
  if (String(reply.getHeader('content-type')).startsWith('application/javascript')) reply.header('content-type', 'text/javascript; charset=utf-8');
  return payload;
}

/**
 * Serves the widget bundles at /widgets/ and the example sites at /examples/.
 * Entries (ponte.js, ponte-school-request.js …) keep their names from build
 * to build, so browsers revalidate them (no-cache + ETag); the chunks they
 * import are named by content hash and never change, so they are immutable.
 * Folders that do not exist yet (no build) answer 404, and are picked up
 * once built: files are looked up per request.
 */
export async function staticFiles(app: FastifyInstance, options: StaticFilesOptions = {}): Promise<void> {
  // @fastify/static wants absolute roots; PONTE_WIDGETS_DIR may be relative to the working directory.
  const widgetsDir = resolve(options.widgetsDir ?? `${repoRoot}packages/widgets/dist`);
  const examplesDir = resolve(options.examplesDir ?? `${repoRoot}examples`);
  const chunksDir = join(widgetsDir, 'chunks') + sep;

  // This plugin is encapsulated (no fastify-plugin), so the hook guards only its own routes.
  app.addHook('onRequest', async (request, reply) => {
    if (PARENT_SEGMENT.test(request.url.split('?')[0]!)) return reply.callNotFound();
  });
  app.addHook('onSend', javascript);

  await app.register(fastifyStatic, {
    root: widgetsDir,
    prefix: '/widgets/',
    // Only scripts: nothing else of a build (bundle-sizes.json) is for browsers.
    allowedPath: (path) => path.endsWith('.js'),
    cacheControl: false,
    dotfiles: 'ignore',
    index: false,
    suppressWarning: true,
    decorateReply: false,
    // The build writes a brotli (.br) and a gzip (.gz) copy of every file
    // (rollup.config.js): the best one the browser accepts is answered, with
    // its own ETag; without them, the file is compressed on the fly.
    preCompressed: true,
    setHeaders(reply, path) {
      // NOTE: a cross-origin <script type="module"> is fetched in CORS mode, so
      // a school's page can only run the widgets if their files allow any
      // origin. They are public and need no credentials; the API (/trpc)
      // keeps its own CORS rules.
      reply.header('access-control-allow-origin', '*');
      // rollup.config.js names every file under chunks/ by its content hash.
      reply.header('cache-control', path.startsWith(chunksDir) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });

  await app.register(fastifyStatic, {
    root: examplesDir,
    prefix: '/examples/',
    decorateReply: false,
    allowedPath: isExampleFile,
    // /examples/school-site → /examples/school-site/, so the page's relative links resolve.
    redirect: true,
    cacheControl: false,
    dotfiles: 'ignore',
    suppressWarning: true,
    setHeaders(reply) {
      reply.header('cache-control', 'no-cache');
    },
  });
}
