import type { FastifyInstance } from 'fastify';
import type { ServerConfig } from './config.js';
import { openDatabase, type DatabaseHandle } from './db/connect.js';
import { migrateToLatest } from './db/migrate.js';
import { buildApp } from './http/app.js';
import { isEmpty, seedDemo, type DemoSummary } from './seed/seed-demo.js';

export interface RunningServer {
  app: FastifyInstance;
  database: DatabaseHandle;
  /** The address it listens on, e.g. http://127.0.0.1:8080. */
  url: string;
  /** Set when this start seeded the demo Ambito. */
  demo: DemoSummary | null;
  close(): Promise<void>;
}

/**
 * Opens the database, runs migrations, seeds the demo when asked and the
 * database is empty, and listens. What `main.ts` and the test suites share.
 */
export async function startServer(config: ServerConfig, options: { seedDemo?: boolean } = {}): Promise<RunningServer> {
  const database = openDatabase(config.databaseUrl);
  try {
    await migrateToLatest(database.db);
    let demo: DemoSummary | null = null;
    if (options.seedDemo && (await isEmpty(database.db))) {
      const port = config.port;
      const origins = new Set([new URL(config.publicUrl).origin, `http://localhost:${port}`, `http://127.0.0.1:${port}`]);
      demo = await seedDemo(database.db, [...origins]);
    }
    const app = await buildApp(config, database);
    const address = await app.listen({ port: config.port, host: config.host });
    const url = address.replace('[::]', '127.0.0.1').replace('0.0.0.0', '127.0.0.1');
    return {
      app,
      database,
      url,
      demo,
      async close() {
        await app.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
