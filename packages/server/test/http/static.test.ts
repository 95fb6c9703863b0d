import assert from 'node:assert/strict';
import { request } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

/** A GET that sends the path exactly as written: fetch() would resolve `..` before sending. */
function rawGet(base: string, path: string, headers: Record<string, string> = {}) {
  const url = new URL(base);
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

function writeTree(root: string, files: Record<string, string>) {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

describe('widget bundles and examples over HTTP', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'ponte-static-'));
  const widgetsDir = join(tmp, 'dist');
  let ts: TestServer;

  before(async () => {
    // A build's shape: stable entry names, hashed chunks, and a report that is not for browsers.
    writeTree(widgetsDir, {
      'ponte.js': 'import"./chunks/lit-DdG5xzQ1.js";',
      'ponte-school-request.js': 'import"./chunks/lit-DdG5xzQ1.js";',
      'chunks/lit-DdG5xzQ1.js': 'export const lit=1;',
      'bundle-sizes.json': '{}',
      '.secret.js': 'no',
    });
    ts = await startTestServer('sqlite', { widgetsDir });
  });
  after(async () => {
    await ts.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('serves an entry as a module script any site may load, revalidated by ETag', async () => {
    const res = await fetch(`${ts.url}/widgets/ponte.js`, { headers: { origin: 'https://www.icmanzoni.edu.it' } });
    assert.equal(res.status, 200);
    assert.equal(await res.text(), 'import"./chunks/lit-DdG5xzQ1.js";');
    assert.equal(res.headers.get('content-type'), 'text/javascript; charset=utf-8');
    assert.equal(res.headers.get('cache-control'), 'no-cache');
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    assert.equal(res.headers.get('cross-origin-resource-policy'), 'cross-origin');
    assert.equal(res.headers.get('set-cookie'), null);
    const etag = res.headers.get('etag');
    assert.ok(etag);
    // fetch() would add cache-control: no-cache to a conditional request (Fetch standard): send it raw,
    // accepting the coding fetch was answered in (each coding has its own tag).
    const coding = res.headers.get('content-encoding');
    const again = await rawGet(ts.url, '/widgets/ponte.js', { 'if-none-match': etag, ...(coding ? { 'accept-encoding': coding } : {}) });
    assert.equal(again.status, 304);
  });

  it('serves a file rewritten while it runs (a new build) at once, under a new tag', async () => {
    writeTree(widgetsDir, { 'ponte-booking.js': 'export const build=1;' });
    const first = await fetch(`${ts.url}/widgets/ponte-booking.js`);
    assert.equal(await first.text(), 'export const build=1;');
    writeTree(widgetsDir, { 'ponte-booking.js': 'export const build=22;' });
    const second = await fetch(`${ts.url}/widgets/ponte-booking.js`);
    assert.equal(await second.text(), 'export const build=22;');
    assert.notEqual(second.headers.get('etag'), first.headers.get('etag'));
    rmSync(join(widgetsDir, 'ponte-booking.js'));
    assert.equal((await fetch(`${ts.url}/widgets/ponte-booking.js`)).status, 404);
  });

  it('serves hashed chunks as immutable', async () => {
    const res = await fetch(`${ts.url}/widgets/chunks/lit-DdG5xzQ1.js`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/javascript; charset=utf-8');
    assert.equal(res.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    assert.equal(res.headers.get('set-cookie'), null);
  });

  it('serves only scripts from the build', async () => {
    for (const path of ['/widgets/bundle-sizes.json', '/widgets/.secret.js', '/widgets/', '/widgets/chunks/', '/widgets/missing.js']) {
      const res = await rawGet(ts.url, path);
      assert.equal(res.status, 404, path);
    }
  });

  it('serves the example sites as pages that run under the API’s CSP', async () => {
    for (const [site, element] of [
      ['school-site', '<ponte-school-request'],
      ['municipal-portal', '<ponte-service-request'],
      ['console', '<ponte-console'],
    ] as const) {
      const res = await fetch(`${ts.url}/examples/${site}/`);
      assert.equal(res.status, 200, site);
      assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
      assert.equal(res.headers.get('cache-control'), 'no-cache');
      assert.equal(res.headers.get('set-cookie'), null);
      assert.match(res.headers.get('content-security-policy') ?? '', /script-src 'self'/);
      const html = await res.text();
      assert.ok(html.includes(element), `${site} embeds ${element}`);
      // The CSP allows no inline script: every script is a file, every handler in it.
      for (const tag of html.match(/<script\b[^>]*>/g) ?? []) assert.match(tag, /\ssrc="/, `${site}: ${tag}`);
      assert.doesNotMatch(html, /\son[a-z]+="/, `${site} has an inline event handler`);
      // Everything the page loads comes from Ponte itself.
      assert.doesNotMatch(html, /(src|href)="(https?:)?\/\/(?!form\.agid\.gov\.it)/, `${site} loads from a third party`);
    }
  });

  it('serves the examples’ styles, shared and per site', async () => {
    for (const path of ['/examples/shared/bootstrap-italia-lite.css', '/examples/school-site/site.css', '/examples/municipal-portal/site.css', '/examples/console/site.css']) {
      const css = await fetch(`${ts.url}${path}`);
      assert.equal(css.status, 200, path);
      assert.match(css.headers.get('content-type') ?? '', /^text\/css/, path);
    }
  });

  it('sends a site folder without its slash to the folder, so relative links resolve', async () => {
    const res = await fetch(`${ts.url}/examples/school-site`, { redirect: 'manual' });
    assert.ok(res.status === 301 || res.status === 302, String(res.status));
    assert.equal(new URL(res.headers.get('location') ?? '', ts.url).pathname, '/examples/school-site/');
  });

  it('answers 404 to paths out of the example sites, however spelled', async () => {
    for (const path of [
      '/examples/../package.json',
      '/examples/%2e%2e/package.json',
      '/examples/school-site/../../package.json',
      '/examples/school-site/%2e%2e/%2e%2e/package.json',
      '/examples/school-site/..%2f..%2fpackage.json',
      '/examples/sdk-node/package.json',
      '/examples/sdk-node/submit-and-track.ts',
      '/examples/',
      '/widgets/../package.json',
      '/widgets/%2e%2e/%2e%2e/%2e%2e/package.json',
      '/widgets/..%2f..%2f..%2fpackage.json',
    ]) {
      const res = await rawGet(ts.url, path);
      assert.ok(res.status === 404 || res.status === 400, `${path}: ${res.status}`);
      assert.doesNotMatch(res.body, /"(workspaces|dependencies)"/, `${path} leaked a package.json`);
    }
  });

  it('keeps the API’s CORS rules: no wildcard for /trpc', async () => {
    const res = await fetch(`${ts.url}/trpc/forms.list`, { headers: { origin: 'https://evil.example' } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('access-control-allow-origin'), null);
  });
});

describe('a server without a widget build', () => {
  let ts: TestServer;
  before(async () => {
    ts = await startTestServer('sqlite', { widgetsDir: join(tmpdir(), 'ponte-no-such-build') });
  });
  after(() => ts.close());

  it('starts, answers /healthz, and 404 for the widgets', async () => {
    assert.equal((await fetch(`${ts.url}/healthz`)).status, 200);
    assert.equal((await fetch(`${ts.url}/widgets/ponte.js`)).status, 404);
  });
});
