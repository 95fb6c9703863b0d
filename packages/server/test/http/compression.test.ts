import assert from 'node:assert/strict';
import { request } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { compressedCopies } from '../../../../scripts/rollup-precompress.mjs';
import { COMPRESSION_THRESHOLD_BYTES } from '../../src/http/compression.js';
import { signIn, startTestServer, type TestServer } from '../helpers/test-server.js';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** the bytes as they came over the wire */
  body: Buffer;
}

/** A request whose bytes come back as sent: fetch() would ask for and undo the compression itself. */
function send(base: string, path: string, headers: Record<string, string> = {}, options: { method?: string; body?: Buffer } = {}): Promise<Answer> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, method: options.method ?? 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** The body as the browser reads it, after undoing its Content-Encoding. */
function decoded(answer: Answer): string {
  const encoding = answer.headers['content-encoding'];
  const bytes = encoding === 'br' ? brotliDecompressSync(answer.body) : encoding === 'gzip' ? gunzipSync(answer.body) : answer.body;
  return bytes.toString('utf8');
}

const varies = (answer: Answer) => String(answer.headers.vary ?? '').toLowerCase().split(/\s*,\s*/);

const BROWSER = 'gzip, deflate, br, zstd';
/** Modules as rollup writes them, long enough for compression to show. */
const CHUNK = `export const lit=${JSON.stringify('const html=(s,...v)=>[s,v];'.repeat(80))};`;
const ENTRY = `import"./chunks/lit-DdG5xzQ1.js";${'/* entry */'.repeat(20)}`;

function writeBuild(root: string, files: Record<string, string>, precompressed: boolean) {
  for (const [path, text] of Object.entries(files)) {
    const file = join(root, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    if (!precompressed) continue;
    // The build's own copies (rollup.config.js), written the way it writes them.
    const { br, gz } = compressedCopies(Buffer.from(text));
    writeFileSync(`${file}.br`, br);
    writeFileSync(`${file}.gz`, gz);
  }
}

describe('compressed answers', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'ponte-compression-'));
  const widgetsDir = join(tmp, 'dist');
  let ts: TestServer;

  before(async () => {
    writeBuild(widgetsDir, { 'ponte.js': ENTRY, 'chunks/lit-DdG5xzQ1.js': CHUNK }, true);
    // A chunk the build did not compress (an older build): compressed on the fly.
    writeBuild(widgetsDir, { 'chunks/plain-Bq3x9Lw2.js': CHUNK }, false);
    ts = await startTestServer('sqlite', { widgetsDir });
  });
  after(async () => {
    await ts.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('answers a hashed chunk in brotli or gzip when accepted, as it is when not, immutable every time', async () => {
    const etags = new Set<string>();
    for (const [accept, encoding] of [
      [BROWSER, 'br'],
      ['gzip', 'gzip'],
      ['identity', undefined],
      ['br;q=0, gzip;q=0', undefined],
      [undefined, undefined],
    ] as const) {
      const res = await send(ts.url, '/widgets/chunks/lit-DdG5xzQ1.js', accept === undefined ? {} : { 'accept-encoding': accept });
      assert.equal(res.status, 200, accept);
      assert.equal(res.headers['content-encoding'], encoding, accept);
      assert.equal(decoded(res), CHUNK, accept);
      assert.equal(Number(res.headers['content-length']), res.body.length, accept);
      if (encoding) assert.ok(res.body.length < CHUNK.length / 2, `${accept}: ${res.body.length} bytes`);
      assert.ok(varies(res).includes('accept-encoding'), `${accept}: vary ${res.headers.vary}`);
      assert.equal(res.headers['content-type'], 'text/javascript; charset=utf-8', accept);
      assert.equal(res.headers['cache-control'], 'public, max-age=31536000, immutable', accept);
      assert.equal(res.headers['access-control-allow-origin'], '*', accept);
      assert.equal(res.headers['cross-origin-resource-policy'], 'cross-origin', accept);
      assert.equal(res.headers['x-content-type-options'], 'nosniff', accept);
      etags.add(String(res.headers.etag));
    }
    // One tag per representation: a cache never takes the brotli bytes for the gzip ones.
    assert.equal(etags.size, 3);
  });

  it('revalidates an entry by the ETag of the representation the browser holds', async () => {
    const first = await send(ts.url, '/widgets/ponte.js', { 'accept-encoding': BROWSER });
    assert.equal(first.headers['content-encoding'], 'br');
    assert.equal(first.headers['cache-control'], 'no-cache');
    assert.equal(decoded(first), ENTRY);
    const etag = String(first.headers.etag);
    const again = await send(ts.url, '/widgets/ponte.js', { 'accept-encoding': BROWSER, 'if-none-match': etag });
    assert.equal(again.status, 304);
    assert.ok(varies(again).includes('accept-encoding'));
    // The same tag from a client that now takes only gzip names bytes it will not get.
    const other = await send(ts.url, '/widgets/ponte.js', { 'accept-encoding': 'gzip', 'if-none-match': etag });
    assert.equal(other.status, 200);
    assert.equal(other.headers['content-encoding'], 'gzip');
  });

  it('compresses on the fly a built file that has no compressed copies', async () => {
    const res = await send(ts.url, '/widgets/chunks/plain-Bq3x9Lw2.js', { 'accept-encoding': BROWSER });
    assert.equal(res.status, 200);
    assert.equal(res.headers['content-encoding'], 'br');
    assert.equal(decoded(res), CHUNK);
    assert.ok(varies(res).includes('accept-encoding'));
    assert.equal(res.headers['content-type'], 'text/javascript; charset=utf-8');
    assert.equal(res.headers['cache-control'], 'public, max-age=31536000, immutable');
  });

  it('does not answer the compressed copies by their own names', async () => {
    for (const path of ['/widgets/ponte.js.br', '/widgets/ponte.js.gz', '/widgets/chunks/lit-DdG5xzQ1.js.br']) {
      assert.equal((await send(ts.url, path, { 'accept-encoding': BROWSER })).status, 404, path);
    }
  });

  it('compresses the example pages, keeping their security and cache headers', async () => {
    const res = await send(ts.url, '/examples/school-site/', { 'accept-encoding': BROWSER });
    assert.equal(res.status, 200);
    assert.equal(res.headers['content-encoding'], 'br');
    assert.ok(decoded(res).includes('<ponte-school-request'));
    assert.ok(varies(res).includes('accept-encoding'));
    assert.match(String(res.headers['content-type']), /^text\/html/);
    assert.equal(res.headers['cache-control'], 'no-cache');
    assert.match(String(res.headers['content-security-policy']), /script-src 'self'/);
    assert.equal(res.headers['x-frame-options'], 'SAMEORIGIN');
    const plain = await send(ts.url, '/examples/school-site/');
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.equal(decoded(plain), decoded(res));
  });

  it('compresses a tRPC answer above the threshold, keeping CORS and its Vary', async () => {
    const path = `/trpc/forms.get?input=${encodeURIComponent(JSON.stringify({ id: 'school-request' }))}`;
    const origin = 'http://ponte.test';
    const plain = await send(ts.url, path, { origin });
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.ok(plain.body.length > COMPRESSION_THRESHOLD_BYTES, `${plain.body.length} bytes`);
    for (const [accept, encoding] of [
      [BROWSER, 'br'],
      ['gzip', 'gzip'],
    ] as const) {
      const res = await send(ts.url, path, { origin, 'accept-encoding': accept });
      assert.equal(res.status, 200, accept);
      assert.equal(res.headers['content-encoding'], encoding, accept);
      assert.ok(res.body.length < plain.body.length / 2, `${accept}: ${res.body.length} bytes`);
      assert.equal(decoded(res), decoded(plain), accept);
      assert.equal((JSON.parse(decoded(res)) as { result: { data: { id: string } } }).result.data.id, 'school-request');
      assert.match(String(res.headers['content-type']), /^application\/json/, accept);
      // CORS's Origin and tRPC's own, beside Accept-Encoding: a shared cache must tell all of them apart.
      for (const header of ['origin', 'trpc-accept', 'accept', 'accept-encoding']) assert.ok(varies(res).includes(header), `${accept}: vary ${res.headers.vary}`);
      assert.equal(res.headers['access-control-allow-origin'], origin, accept);
      assert.match(String(res.headers['access-control-expose-headers']), /retry-after/, accept);
      assert.equal(res.headers['x-content-type-options'], 'nosniff', accept);
      assert.equal(res.headers['set-cookie'], undefined, accept);
    }
  });

  it('sends a tRPC answer below the threshold as it is', async () => {
    const res = await send(ts.url, '/trpc/organisations.current', { 'accept-encoding': BROWSER, 'x-ponte-key': 'pk_demo_manzoni', origin: 'http://ponte.test' });
    assert.equal(res.status, 200);
    assert.ok(res.body.length < COMPRESSION_THRESHOLD_BYTES, `${res.body.length} bytes`);
    assert.equal(res.headers['content-encoding'], undefined);
    assert.equal(Number(res.headers['content-length']), res.body.length);
    assert.ok(varies(res).includes('origin'), `vary ${res.headers.vary}`);
    assert.ok(JSON.parse(decoded(res)).result.data.id);
  });

  it('compresses a tRPC error envelope as any answer, keeping its status', async () => {
    // A form sent empty: one message per required field, in a few kilobytes.
    const body = Buffer.from(JSON.stringify({ formId: 'school-request', version: 1, data: {}, idempotencyKey: '0f9c1d64-7a4b-4d8e-9f1a-2b3c4d5e6f70' }));
    const headers = { 'content-type': 'application/json', 'x-ponte-key': 'pk_demo_manzoni', 'accept-encoding': BROWSER };
    const res = await send(ts.url, '/trpc/submissions.submit', headers, { method: 'POST', body });
    assert.equal(res.status, 400);
    assert.equal(res.headers['content-encoding'], 'br');
    const envelope = JSON.parse(decoded(res)) as { error: { data: { httpStatus: number; fieldErrors?: Record<string, string>; stack?: string } } };
    assert.equal(envelope.error.data.httpStatus, 400);
    assert.ok(Object.keys(envelope.error.data.fieldErrors ?? {}).length > 5);
    assert.equal(envelope.error.data.stack, undefined);
  });

  it('does not inflate a compressed request body: the API reads JSON as sent', async () => {
    const body = gzipSync(JSON.stringify({ email: 'coordinatrice@demo.ponte.test', password: 'ponte-demo-2026' }));
    const res = await send(ts.url, '/trpc/auth.signIn', { 'content-type': 'application/json', 'content-encoding': 'gzip' }, { method: 'POST', body });
    assert.ok(res.status >= 400 && res.status < 500, String(res.status));
    assert.doesNotMatch(decoded(res), /"token"/);
  });

  it('leaves the iCal feeds uncompressed, their strong ETag naming the text as sent', async () => {
    const staff = ts.client({ token: await signIn(ts, 'coordinatrice@demo.ponte.test') });
    const [mediator] = await staff.mediators.list.query({});
    const [organisation] = await staff.organisations.list.query();
    // A few appointments, so that the feed is long enough to be worth compressing.
    const monday = new Date(Date.UTC(2027, 2, 1, 8));
    for (let day = 0; day < 4; day++) {
      const start = new Date(monday.getTime() + day * 86_400_000).toISOString();
      await staff.scheduling.book.mutate({ mediatorId: mediator!.id, organisationId: organisation!.id, action: '1', start, durationMinutes: 60, mode: 'video', override: true, overrideReason: 'test' });
    }
    const feed = await staff.calendarFeeds.rotate.mutate({ ownerKind: 'mediator', ownerId: mediator!.id });
    const path = new URL(feed.url).pathname;
    const plain = await send(ts.url, path);
    const res = await send(ts.url, path, { 'accept-encoding': BROWSER });
    assert.equal(res.status, 200);
    assert.ok(res.body.length > COMPRESSION_THRESHOLD_BYTES, `${res.body.length} bytes`);
    assert.equal(res.headers['content-encoding'], undefined);
    assert.equal(res.headers.etag, plain.headers.etag);
    assert.equal(res.body.toString('utf8'), plain.body.toString('utf8'));
  });
});
