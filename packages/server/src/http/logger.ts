import type { FastifyServerOptions } from 'fastify';
import type { ServerConfig } from '../config.js';
import { safeMessage, serializeError } from './error-log.js';
import { redactUrl, redactUrlsIn } from './log-redaction.js';

/**
 * What a request line shows of a request: Fastify's own choice, its URL
 * redacted, no header, and no client address, which is personal data
 * (the rate limiter reads it; the log does not need it).
 */
function serializeRequest(request: { method?: string; url?: string; host?: string }) {
  return { method: request.method, url: redactUrl(request.url ?? ''), host: request.host };
}

/*
 * Fields that would be secret wherever someone logs them: credentials in
 * headers, and what a call or a form carries. No line Ponte writes has
 * them; these catch the line someone adds while debugging.
 */
const CREDENTIAL_HEADERS = ['authorization', 'x-ponte-key', 'cookie', 'set-cookie'];
const SECRET_FIELDS = ['password', 'token', 'trackingCode', 'input', 'body', 'data'];
const REDACT_PATHS = [
  ...CREDENTIAL_HEADERS.flatMap((h) => [`headers["${h}"]`, `req.headers["${h}"]`, `res.headers["${h}"]`]),
  ...SECRET_FIELDS.flatMap((f) => [f, `*.${f}`]),
];

const isErrorHolder = (value: unknown): value is { err: Error } => typeof value === 'object' && value !== null && (value as { err?: unknown }).err instanceof Error;

/**
 * The server's logger: off when the level is "silent", else pino at that
 * level, writing to `logStream` when one is given (tests read it) or to
 * standard output.
 */
export function loggerOptions(config: ServerConfig): FastifyServerOptions['logger'] {
  if (config.logLevel === 'silent') return false;
  const options: Exclude<FastifyServerOptions['logger'], boolean | undefined> = {
    level: config.logLevel,
    // An `error` field gets the same care as `err`, pino's name for it.
    serializers: { req: serializeRequest, err: serializeError, error: serializeError },
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    hooks: {
      logMethod(args, method) {
        const [first, ...rest] = args as unknown[];
        // Given an error and no message, pino would write the error's own message, row data and all.
        if (rest.length === 0 && first instanceof Error) return method.call(this, { err: first }, safeMessage(first));
        if (rest.length === 0 && isErrorHolder(first)) return method.call(this, first, safeMessage(first.err));
        // Fastify's own lines quote the raw URL ("Route GET:/ical/… not found").
        const redacted = (args as unknown[]).map((a) => (typeof a === 'string' ? redactUrlsIn(a) : a));
        return method.apply(this, redacted as Parameters<typeof method>);
      },
    },
  };
  if (config.logStream) options.stream = config.logStream;
  return options;
}
