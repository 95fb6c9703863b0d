import { createServer, type IncomingMessage } from 'node:http';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/*
 * A small static server for the peers' pages in the first-load benchmark,
 * compressed as Ponte serves its widgets: every text file compressed ahead
 * (brotli at quality 11, gzip at level 9), the best one the browser accepts
 * answered, with Vary: Accept-Encoding. Ponte compresses its own page and
 * its API answers on the fly, at brotli's quality 4: if anything, the peers
 * come out a little smaller than Ponte's way would make them.
 */

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};
/** Fonts are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.svg']);

interface File {
  type: string;
  identity: Buffer;
  br?: Buffer;
  gzip?: Buffer;
}

function filesOf(dir: string): Map<string, File> {
  const files = new Map<string, File>();
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) {
        walk(path);
        continue;
      }
      const ext = extname(name);
      const identity = readFileSync(path);
      const file: File = { type: TYPES[ext] ?? 'application/octet-stream', identity };
      if (COMPRESSIBLE.has(ext)) {
        file.br = brotliCompressSync(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: identity.length } });
        file.gzip = gzipSync(identity, { level: 9 });
      }
      const url = `/${relative(dir, path).split(sep).join('/')}`;
      files.set(url.endsWith('/index.html') ? url.slice(0, -'index.html'.length) : url, file);
    }
  };
  walk(dir);
  return files;
}

/** Whether Accept-Encoding names `coding` without refusing it (q=0). */
function accepts(request: IncomingMessage, coding: string): boolean {
  return String(request.headers['accept-encoding'] ?? '')
    .split(',')
    .some((item) => {
      const [name, ...params] = item.trim().toLowerCase().split(';');
      return name === coding && !params.some((p) => /^\s*q=0(\.0*)?\s*$/.test(p));
    });
}

export interface PeerServer {
  url: string;
  close(): Promise<void>;
}

/** Serves `dir` (its index.html files at their folder's path) on a free port of 127.0.0.1. */
export async function servePeerPages(dir: string): Promise<PeerServer> {
  const files = filesOf(dir);
  const server = createServer((request, response) => {
    const file = files.get(new URL(request.url ?? '/', 'http://peer').pathname);
    if (!file) {
      response.writeHead(404).end();
      return;
    }
    const coding = file.br && accepts(request, 'br') ? 'br' : file.gzip && accepts(request, 'gzip') ? 'gzip' : undefined;
    const body = coding ? file[coding]! : file.identity;
    response.writeHead(200, {
      'content-type': file.type,
      'content-length': body.length,
      'cache-control': 'no-cache',
      vary: 'accept-encoding',
      ...(coding ? { 'content-encoding': coding } : {}),
    });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
