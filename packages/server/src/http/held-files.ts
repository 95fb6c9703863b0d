import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/*
 * The files Ponte serves (the widget build, the example sites) held in
 * memory, each in every coding it is sent in. They are a few dozen files
 * that change only with a new build, and a page's first load waits on them:
 * read from disk per request they cost several trips through the file
 * system's thread pool each, the slowest part of a widget's first load on a
 * busy machine. A file is read again when its size or modification time
 * changes (one stat per request, no thread pool), so a build written while
 * the server runs is served at once.
 */

export type Coding = 'br' | 'gzip' | 'identity';

export interface Representation {
  bytes: Buffer;
  /** strong: each coding's bytes have a tag of their own, so a cache never takes one for another */
  etag: string;
}

export interface HeldFile {
  type: string;
  /** identity always; br and gzip for text, from the build's own copies (`<file>.br`, `<file>.gz`) or made when read */
  codings: Map<Coding, Representation>;
}

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  // The type the HTML standard names for scripts.
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
};
/** Types compression shrinks: text; images and fonts are compressed already. */
const TEXT = new Set(['.html', '.css', '.js', '.svg']);

/** The types of the files Ponte may serve, by extension. */
export function servableType(path: string): string | undefined {
  return TYPES[extname(path)];
}

function representation(bytes: Buffer): Representation {
  return { bytes, etag: `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"` };
}

/** A copy the build wrote beside the file, if there is one as new as the file itself. */
function copyBeside(path: string, source: { mtimeMs: number }): Buffer | undefined {
  const stat = statSync(path, { throwIfNoEntry: false });
  return stat?.isFile() && stat.mtimeMs >= source.mtimeMs ? readFileSync(path) : undefined;
}

function read(path: string, stat: { mtimeMs: number }): HeldFile {
  const bytes = readFileSync(path);
  const codings = new Map<Coding, Representation>([['identity', representation(bytes)]]);
  if (TEXT.has(extname(path))) {
    // As the build compresses (scripts/rollup-precompress.mjs): brotli at its best, gzip at level 9.
    const br = copyBeside(`${path}.br`, stat) ?? brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } });
    const gz = copyBeside(`${path}.gz`, stat) ?? gzipSync(bytes, { level: 9 });
    codings.set('br', representation(br));
    codings.set('gzip', representation(gz));
  }
  return { type: servableType(path)!, codings };
}

/**
 * The files read so far, by absolute path. `get` answers a regular file of a
 * servable type, read anew if it changed since it was held, or undefined
 * when there is none.
 */
export function heldFiles(): { get(path: string): HeldFile | undefined } {
  const held = new Map<string, { version: string; file: HeldFile }>();
  return {
    get(path) {
      if (!servableType(path)) return undefined;
      const stat = statSync(path, { throwIfNoEntry: false });
      if (!stat?.isFile()) {
        held.delete(path);
        return undefined;
      }
      const version = `${stat.size} ${stat.mtimeMs}`;
      let entry = held.get(path);
      if (entry?.version !== version) {
        entry = { version, file: read(path, stat) };
        held.set(path, entry);
      }
      return entry.file;
    },
  };
}
