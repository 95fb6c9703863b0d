import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Database } from 'better-sqlite3';

/** How often the WAL is copied into the database file, at most. */
const EVERY_MS = 250;

// CommonJS, run as a worker's whole program: its own connection to the file.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const SQLite = require(workerData.driver);
const db = new SQLite(workerData.path);
const timer = setInterval(() => db.pragma('wal_checkpoint(PASSIVE)'), workerData.everyMs);
parentPort.once('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

/**
 * Checkpoints a SQLite file's WAL (copies what it holds into the database
 * file, and flushes that to disk) from a thread of its own, rather than in
 * whichever commit finds the WAL past a thousand pages: that commit would
 * hold every request of the process for the copy, some milliseconds, where
 * the commit itself is a write and a flush of the WAL. A PASSIVE checkpoint
 * waits for nobody and makes nobody wait. Should the thread fail, the
 * connection checkpoints for itself again, as SQLite does by default.
 */
export function checkpointBeside(sqlite: Database, path: string): { stop(): Promise<void> } {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER, { eval: true, workerData: { driver, path, everyMs: EVERY_MS } });
  // Never what keeps the process alive: a script that opens the database and ends need not close it.
  worker.unref();
  sqlite.pragma('wal_autocheckpoint = 0');
  let running = true;
  const checkpointHere = (error?: Error) => {
    if (!running) return;
    running = false;
    if (sqlite.open) sqlite.pragma('wal_autocheckpoint = 1000');
    if (error) console.error(`SQLite checkpoints: back in the connection (${error.message})`);
  };
  worker.once('error', checkpointHere);
  worker.once('exit', () => checkpointHere());
  return {
    async stop() {
      if (!running) return;
      running = false;
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      // Waited for now, so kept alive until it has closed its connection.
      worker.ref();
      worker.postMessage('stop');
      await exited;
    },
  };
}
