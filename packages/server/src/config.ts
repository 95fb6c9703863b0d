import { z } from 'zod';

export interface RateLimits {
  /** Requests a minute from one address without a staff token. */
  publicPerMinute: number;
  /** Requests a minute from one address with a staff token. */
  staffPerMinute: number;
  /** Sign-in attempts a minute from one address. */
  signInPerMinute: number;
}

export interface ServerConfig {
  port: number;
  host: string;
  /** A SQLite file path, or a postgres:// URL. */
  databaseUrl: string;
  /** Where people reach this server; its origin may always call the API. */
  publicUrl: string;
  sessionTtlMinutes: number;
  bodyLimitBytes: number;
  rateLimits: RateLimits;
  /**
   * A Redis (redis://…) where the rate-limit counters live, shared by every
   * process of the Ambito (docs/architecture.md#rate-limits); unset, each process counts alone,
   * which is right for one process on SQLite.
   */
  rateLimitRedisUrl?: string;
  /**
   * The name of the Ambito's counters in that Redis: every process of one
   * Ambito must have the same, and Ambiti sharing one Redis each their own.
   * It is a setting of its own, not derived from the public URL or the port,
   * since those can differ between the processes of one Ambito (two left on
   * the default public URL, http://localhost:$PORT, would count apart, so an
   * address could send once per process). Its default is the same for every
   * process: Ambiti sharing a Redis under it count together, which only
   * limits sooner.
   */
  rateLimitNamespace: string;
  /** Whether to believe X-Forwarded-For: false, true, or the proxy addresses to trust. */
  trustProxy: boolean | string;
  /** Extra origins allowed to call the API (a console on another host). */
  extraCorsOrigins: string[];
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Where log lines go instead of standard output: one JSON line per call. For tests and embedding; no variable sets it. */
  logStream?: { write(line: string): void };
  /** Where the built widgets are, served at /widgets/: packages/widgets/dist when unset. */
  widgetsDir?: string;
  /** Where the example sites are, served at /examples/: the repository's examples/ when unset. */
  examplesDir?: string;
}

const int = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z.string().min(1).default('./data/ponte.db'),
  PONTE_PUBLIC_URL: z.url().optional(),
  PONTE_SESSION_MINUTES: int(8 * 60),
  PONTE_BODY_LIMIT_BYTES: int(512 * 1024),
  PONTE_RATE_PUBLIC_PER_MINUTE: int(120),
  PONTE_RATE_STAFF_PER_MINUTE: int(1200),
  PONTE_RATE_SIGNIN_PER_MINUTE: int(10),
  PONTE_RATE_LIMIT_REDIS_URL: z.string().regex(/^rediss?:\/\//, 'a redis:// or rediss:// URL').optional(),
  PONTE_RATE_LIMIT_NAMESPACE: z.string().regex(/^\S{1,200}$/, '1 to 200 characters, no spaces').default('ponte'),
  PONTE_CORS_ORIGINS: z.string().default(''),
  PONTE_TRUST_PROXY: z.string().default('false'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PONTE_WIDGETS_DIR: z.string().min(1).optional(),
  PONTE_EXAMPLES_DIR: z.string().min(1).optional(),
});

/** Reads the configuration from the environment; a bad value stops the start with its name. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    publicUrl: (e.PONTE_PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    sessionTtlMinutes: e.PONTE_SESSION_MINUTES,
    bodyLimitBytes: e.PONTE_BODY_LIMIT_BYTES,
    rateLimits: {
      publicPerMinute: e.PONTE_RATE_PUBLIC_PER_MINUTE,
      staffPerMinute: e.PONTE_RATE_STAFF_PER_MINUTE,
      signInPerMinute: e.PONTE_RATE_SIGNIN_PER_MINUTE,
    },
    rateLimitRedisUrl: e.PONTE_RATE_LIMIT_REDIS_URL,
    rateLimitNamespace: e.PONTE_RATE_LIMIT_NAMESPACE,
    trustProxy: e.PONTE_TRUST_PROXY === 'true' ? true : e.PONTE_TRUST_PROXY === 'false' ? false : e.PONTE_TRUST_PROXY,
    extraCorsOrigins: e.PONTE_CORS_ORIGINS.split(',').map((s) => s.trim()).filter(Boolean),
    logLevel: e.LOG_LEVEL,
    widgetsDir: e.PONTE_WIDGETS_DIR,
    examplesDir: e.PONTE_EXAMPLES_DIR,
  };
}
