import { createTRPCClient, httpLink, TRPCClientError } from '@trpc/client';
import { loadConfig, startServer, type AppRouter, type RunningServer, type ServerConfig } from '@ponte/server';
import { createDatabase, type TestDatabase } from './databases.js';

export interface TestServer {
  server: RunningServer;
  config: ServerConfig;
  database: TestDatabase;
  url: string;
  /** A tRPC client over real HTTP, with whatever credentials and headers given. */
  client(options?: { token?: string; key?: string; locale?: 'it' | 'en'; origin?: string }): ReturnType<typeof createTRPCClient<AppRouter>>;
  close(): Promise<void>;
}

/**
 * Starts the real server on a fresh database of the given kind, on a free
 * port, with the demo Ambito seeded. Rate limits are high unless overridden,
 * so suites that do not test them are not throttled.
 */
export async function startTestServer(
  kind: TestDatabase['name'],
  overrides: Partial<ServerConfig> = {},
): Promise<TestServer> {
  const database = await createDatabase(kind);
  const base = loadConfig({ DATABASE_URL: database.url, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' });
  const config: ServerConfig = {
    ...base,
    publicUrl: 'http://ponte.test',
    rateLimits: { publicPerMinute: 100_000, staffPerMinute: 100_000, signInPerMinute: 100_000 },
    ...overrides,
  };
  const server = await startServer(config, { seedDemo: true });
  return {
    server,
    config,
    database,
    url: server.url,
    client(options = {}) {
      return createTRPCClient<AppRouter>({
        links: [
          httpLink({
            url: `${server.url}/trpc`,
            headers: () => ({
              ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
              ...(options.key ? { 'x-ponte-key': options.key } : {}),
              ...(options.locale ? { 'x-ponte-locale': options.locale } : {}),
              ...(options.origin ? { origin: options.origin } : {}),
            }),
          }),
        ],
      });
    },
    async close() {
      await server.close();
      await database.drop();
    },
  };
}

/** Runs a call that must fail and answers its tRPC error. */
export async function expectTrpcError(call: Promise<unknown>): Promise<TRPCClientError<AppRouter>> {
  try {
    await call;
  } catch (error) {
    if (error instanceof TRPCClientError) return error as TRPCClientError<AppRouter>;
    throw error;
  }
  throw new Error('Expected the call to fail, but it succeeded');
}

export async function signIn(ts: TestServer, email: string, password = 'ponte-demo-2026'): Promise<string> {
  const { token } = await ts.client().auth.signIn.mutate({ email, password });
  return token;
}
