import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

/*
 * A Ponte server in a process of its own, from the TypeScript sources, on a
 * database that already exists: what the concurrency tests and the
 * benchmark run against besides the server in the test's own process, so
 * that two processes really share one database.
 */

const ROOT = fileURLToPath(new URL('../../../..', import.meta.url));
const MAIN = fileURLToPath(new URL('../../src/main.ts', import.meta.url));

/** A port nobody listens on now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** ends the process and waits for it */
  stop(): Promise<void>;
}

/**
 * Starts the server on `databaseUrl` (a SQLite file or a postgres:// URL) and resolves once it is listening.
 * `overrides` replaces its settings: PONTE_PUBLIC_URL, say, to the origin the database's keys were seeded for;
 * `onOutput` is handed everything it writes to stdout, from its first line.
 */
export async function startServerProcess(databaseUrl: string, overrides: Record<string, string> = {}, onOutput?: (text: string) => void): Promise<ServerProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = {
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    PONTE_PUBLIC_URL: url,
    PONTE_RATE_PUBLIC_PER_MINUTE: '1000000',
    PONTE_RATE_STAFF_PER_MINUTE: '1000000',
    PONTE_RATE_SIGNIN_PER_MINUTE: '1000000',
    ...overrides,
  };
  return { url, ...(await spawnUntilReady(MAIN, env, 'Ponte is running', onOutput)) };
}

/**
 * Runs `script` (TypeScript, from the sources, as the server runs) with
 * `env` added to this process's, and resolves once its stdout has printed
 * `ready`: the child and how to stop it.
 */
export async function spawnUntilReady(script: string, env: Record<string, string>, ready: string, onOutput?: (text: string) => void): Promise<Omit<ServerProcess, 'url'>> {
  const child = spawn(process.execPath, ['--conditions=ponte-source', '--import', 'tsx', script], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code} before it was ready`)));
    let seen = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      onOutput?.(text);
      // The banner may arrive split across chunks: what is kept of the last one is enough to join it.
      seen = seen.slice(-50) + text;
      if (seen.includes(ready)) resolve();
    });
  });
  return {
    child,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
