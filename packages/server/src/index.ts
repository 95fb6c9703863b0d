// The server's public surface. The SDK imports only the AppRouter type.
export type { AppRouter } from './app.router.js';
export { appRouter } from './app.router.js';
export { createCallerFactory } from './trpc/trpc.js';
export { createContextInner, type Context } from './trpc/context.js';
export { loadConfig, type ServerConfig, type RateLimits } from './config.js';
export { openDatabase, isPostgresUrl, type DatabaseHandle, type DialectName } from './db/connect.js';
export { migrateTo, migrateToLatest } from './db/migrate.js';
export { buildApp } from './http/app.js';
export { startServer, type RunningServer } from './server.js';
export { seedDemo, type DemoSummary } from './seed/seed-demo.js';
export { DEMO_PASSWORD, DEMO_ORGANISATIONS, DEMO_STAFF, DEMO_MEDIATORS } from './seed/demo-data.js';
export type { Receipt } from './submissions/submission.service.js';
