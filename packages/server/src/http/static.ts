import negotiate from '@fastify/accept-negotiator';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { heldFiles, type Coding } from './held-files.js';

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

/** A `..` path segment, however encoded. */
const PARENT_SEGMENT = /(^|\/|\\|%2f|%5c)(\.|%2e){2}(\/|\\|%2f|%5c|$)/i;

const CODINGS: Coding[] = ['br', 'gzip'];

/** The path under a prefix as segments, or undefined when one could step out of its folder or names a hidden file. */
function segmentsOf(rest: string): string[] | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rest);
  } catch {
    return undefined;
  }
  const segments = decoded.split('/');
  return segments.some((s) => s.startsWith('.') || s.includes('\\') || s.includes('\0')) ? undefined : segments;
}

/** Whether an If-None-Match names `etag` (weakly compared, as for a GET). */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/**
 * Serves the widget bundles at /widgets/ and the example sites at /examples/,
 * from memory (held-files.ts), in brotli or gzip as the browser accepts
 * (the build's own copies for the widgets), each coding with its own strong
 * ETag and `Vary: Accept-Encoding`. Entries (ponte.js,
 * ponte-school-request.js …) keep their names from build to build, so
 * browsers revalidate them (no-cache + ETag); the chunks they import are
 * named by content hash and never change, so they are immutable. Widget
 * files may be loaded by any site (CORS `*`); the example pages are
 * Ponte's own. Before a build, /widgets/ answers 404, and the build is
 * served as soon as it is written.
 */
export async function staticFiles(app: FastifyInstance, options: StaticFilesOptions = {}): Promise<void> {
  // PONTE_WIDGETS_DIR may be relative to the working directory.
  const widgetsDir = resolve(options.widgetsDir ?? `${repoRoot}packages/widgets/dist`);
  const examplesDir = resolve(options.examplesDir ?? `${repoRoot}examples`);
  const files = heldFiles();

  /** Answers the file at `path`, or 404 (Fastify's own) when there is none. */
  function answer(request: FastifyRequest, reply: FastifyReply, path: string, headers: Record<string, string>) {
    const file = files.get(path);
    if (!file) return reply.callNotFound();
    const accepted = request.headers['accept-encoding'];
    const coding = (file.codings.size > 1 && accepted ? negotiate(accepted, CODINGS) : null) ?? 'identity';
    const { bytes, etag } = file.codings.get(coding)!;
    void reply.headers({ ...headers, etag, vary: 'accept-encoding' });
    if (matches(request.headers['if-none-match'], etag)) return reply.status(304).send();
    if (coding !== 'identity') void reply.header('content-encoding', coding);
    return reply.type(file.type).send(bytes);
  }

  app.get('/widgets/*', async (request, reply) => {
    const segments = segmentsOf((request.params as { '*': string })['*']);
    // Only scripts: nothing else of a build (bundle-sizes.json, the .br and .gz copies) is for browsers.
    if (!segments || PARENT_SEGMENT.test(request.url) || !segments.at(-1)!.endsWith('.js')) return reply.callNotFound();
    const path = join(widgetsDir, ...segments);
    if (!path.startsWith(widgetsDir + sep)) return reply.callNotFound();
    return answer(request, reply, path, {
      // NOTE: a cross-origin <script type="module"> is fetched in CORS mode, so
      // a school's page can only run the widgets if their files allow any
      // origin. They are public and need no credentials; the API (/trpc)
      // keeps its own CORS rules.
      'access-control-allow-origin': '*',
      // rollup.config.js names every file under chunks/ by its content hash.
      'cache-control': segments[0] === 'chunks' ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
  });

  app.get('/examples/*', async (request, reply) => {
    const segments = segmentsOf((request.params as { '*': string })['*']);
    if (!segments || PARENT_SEGMENT.test(request.url) || !EXAMPLE_SITES.has(segments[0]!)) return reply.callNotFound();
    // /examples/school-site → /examples/school-site/, so the page's relative links resolve.
    if (segments.length === 1) return reply.redirect(`/examples/${encodeURIComponent(segments[0]!)}/`, 301);
    const last = segments.at(-1)!;
    if (last !== '' && !EXAMPLE_FILE.test(last)) return reply.callNotFound();
    const path = join(examplesDir, ...segments, ...(last === '' ? ['index.html'] : []));
    if (!path.startsWith(examplesDir + sep)) return reply.callNotFound();
    return answer(request, reply, path, { 'cache-control': 'no-cache' });
  });
}
