import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { startTestServer, type TestServer } from '../../server/test/helpers/test-server.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SCRIPT = 'examples/sdk-node/submit-and-track.ts';

/** Runs the example as `npm run example:sdk` does, against `url`. */
function runExample(url: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=ponte-source', '--import', 'tsx', SCRIPT], {
      cwd: ROOT,
      env: { ...process.env, PONTE_URL: url, PONTE_KEY: 'pk_demo_manzoni' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('examples/sdk-node/submit-and-track.ts', () => {
  let ts: TestServer;
  before(async () => {
    ts = await startTestServer('sqlite');
  });
  after(async () => {
    await ts?.close();
  });

  test('submits, retries to the same receipt, tracks, and shows field errors in it and en', async () => {
    const { code, stdout, stderr } = await runExample(ts.url);
    assert.equal(code, 0, `exit code 0; stderr:\n${stderr}\nstdout:\n${stdout}`);
    assert.match(stdout, /school-request v\d+/);
    assert.match(stdout, /Istituto Comprensivo "Alessandro Manzoni"/);
    const protocol = stdout.match(/protocol: +(\d{4}\/\d{6})/)?.[1];
    const trackingCode = stdout.match(/tracking code: +([0-9A-Z]{4}(?:-[0-9A-Z]{4}){3})/)?.[1];
    assert.ok(protocol && trackingCode, 'prints the receipt');
    assert.match(stdout, new RegExp(`protocol ${protocol}, tracking code ${trackingCode}: the same receipt`));
    assert.match(stdout, /status received, submitted /);
    assert.match(stdout, /\[it\] Il modulo contiene errori: controlla i campi indicati\. +\(BAD_REQUEST, HTTP 400\)/);
    assert.match(stdout, /\[en\] The form has errors: please check the fields shown\. +\(BAD_REQUEST, HTTP 400\)/);
    // Each spoilt field has its error printed under both languages.
    const spoilt = [...(stdout.match(/spoilt: (.*)/)?.[1] ?? '').matchAll(/([\w.]+) (?:\(left out\)|= )/g)].map((m) => m[1]!);
    assert.ok(spoilt.length > 0, 'the example spoils at least one field');
    for (const path of spoilt) {
      assert.equal(stdout.split('\n').filter((line) => line.trim().startsWith(`${path}:`)).length, 2, `${path}: one error in it, one in en`);
    }
    assert.match(stdout, /Done\./);
  });

  test('exits 1 with the network message when no server answers', async () => {
    const url = ts.url;
    const dead = await startTestServer('sqlite');
    const deadUrl = dead.url;
    await dead.close();
    assert.notEqual(deadUrl, url);
    const { code, stderr } = await runExample(deadUrl);
    assert.equal(code, 1);
    assert.match(stderr, /Impossibile contattare il servizio Ponte/);
  });
});
