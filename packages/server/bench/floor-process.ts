import { fileURLToPath } from 'node:url';
import { freePort, spawnUntilReady, type ServerProcess } from '../test/helpers/server-process.js';

const FLOOR = fileURLToPath(new URL('./submit-floor.ts', import.meta.url));

/**
 * Starts the submit floor (submit-floor.ts) in a process of its own, started
 * as Ponte's server is (tsx, the sources), on `databaseUrl`. Its `url` is the
 * route to POST to.
 */
export async function startFloorProcess(databaseUrl: string): Promise<ServerProcess> {
  const port = await freePort();
  const floor = await spawnUntilReady(FLOOR, { DATABASE_URL: databaseUrl, PORT: String(port) }, 'floor listening');
  return { url: `http://127.0.0.1:${port}/submit`, ...floor };
}
