// Starts a real Ponte server as a child process, from the TypeScript sources
// (no build needed), on a fresh SQLite file with the demo Ambito seeded: what
// the browser tests and the screenshot script run against.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

/** A port nobody listens on now: fixed ports would clash when two runs share a machine. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Resolves once /healthz answers, with the server's URL and a stop() that
 * ends it and removes its database. The server also ends when this process
 * exits, however it exits.
 *
 * @param {{ port?: number, env?: Record<string, string>, demoActivity?: boolean }} options extra
 *   environment (PONTE_CORS_ORIGINS, …) on top of high rate limits; demoActivity: the
 *   demo's requests at every step too, as `npm start` has them (tests start without).
 * @returns {Promise<{ url: string, stop: () => void }>}
 */
export async function startPonteProcess({ port, env = {}, demoActivity = false } = {}) {
  port ??= await freePort();
  const url = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'ponte-run-'));
  const child = spawn(process.execPath, ['--conditions=ponte-source', '--import', 'tsx', 'packages/server/src/main.ts', '--demo', ...(demoActivity ? ['--demo-activity'] : [])], {
    cwd: root,
    // Its banner (URLs, demo accounts) would only clutter the caller's output.
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      PONTE_PUBLIC_URL: url,
      DATABASE_URL: join(dataDir, 'ponte.db'),
      LOG_LEVEL: 'warn',
      PONTE_RATE_PUBLIC_PER_MINUTE: '100000',
      PONTE_RATE_STAFF_PER_MINUTE: '100000',
      PONTE_RATE_SIGNIN_PER_MINUTE: '100000',
      ...env,
    },
  });

  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    child.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  };
  // NOTE: 'exit' covers process.exit() and a normal end; SIGTERM would end
  // this process without it, so it is turned into an exit.
  process.once('exit', stop);
  process.once('SIGTERM', () => process.exit(143));

  const exited = new Promise((_, reject) =>
    child.once('exit', (code) => reject(new Error(`the Ponte server exited (${code}) before it was ready`))),
  );
  exited.catch(() => {}); // after a successful start, an exit is the expected end
  const ready = (async () => {
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      try {
        if ((await fetch(`${url}/healthz`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`the Ponte server did not answer ${url}/healthz within 60 s`);
  })();
  try {
    await Promise.race([ready, exited]);
  } catch (error) {
    stop();
    throw error;
  }
  return { url, stop };
}
