import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort, type ServerProcess } from '../test/helpers/server-process.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const FLOOR = fileURLToPath(new URL('./submit-floor.ts', import.meta.url));

/**
 * Starts the submit floor (submit-floor.ts) in a process of its own, started
 * as Ponte's server is (tsx, the sources), on `databaseUrl`. Its `url` is the
 * route to POST to.
 */
export async function startFloorProcess(databaseUrl: string): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--conditions=ponte-source', '--import', 'tsx', FLOOR], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the floor process exited with ${code} before it was ready`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('floor listening')) resolve();
    });
  });
  return {
    url: `http://127.0.0.1:${port}/submit`,
    child,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
