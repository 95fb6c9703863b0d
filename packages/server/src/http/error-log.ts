import { redactUrlsIn } from './log-redaction.js';

/*
 * How an error is written to the log. pino's standard serializer writes
 * every enumerable field, and a PostgreSQL error carries the row it was
 * about in `detail`, `where`, `hint` and `internalQuery` (an HTTP parse error
 * even carries the raw request in `rawPacket`). Only fields that name what
 * went wrong, never what was being written, are kept.
 */

const SAFE_FIELDS = ['code', 'statusCode', 'severity', 'constraint', 'schema', 'table', 'column', 'dataType', 'routine', 'errno', 'syscall'] as const;
const MAX_DEPTH = 4;
const MAX_ERRORS = 5;

/** PostgreSQL's (a five-character SQLSTATE and a severity) and SQLite's (SQLITE_…) errors. */
function isDatabaseError(error: Error & { code?: unknown; severity?: unknown }): boolean {
  const code = typeof error.code === 'string' ? error.code : '';
  return (typeof error.severity === 'string' && /^[0-9A-Z]{5}$/.test(code)) || code.startsWith('SQLITE_');
}

/**
 * A database quotes the offending value in its message ("invalid input
 * syntax for type uuid: "…"", "unrecognized token: "'…"") or shows its
 * bytes; the names it quotes are logged apart (constraint, table, column).
 */
function maskValues(message: string): string {
  return message.replace(/"(?:[^"\\]|\\.)*"/g, '"[redacted]"').replace(/0x[0-9a-f]{2}(?:\s+0x[0-9a-f]{2})*/gi, '[redacted]');
}

function ownMessage(error: Error): string {
  const message = String(error.message ?? '');
  return redactUrlsIn(isDatabaseError(error) ? maskValues(message) : message);
}

/** The message to log, which a wrapper may have copied from its cause (tRPC does): masked as the cause's. */
export function safeMessage(error: Error, depth = 0): string {
  const cause = (error as { cause?: unknown }).cause;
  let message = ownMessage(error);
  if (cause instanceof Error && cause !== error && cause.message && depth < MAX_DEPTH) {
    message = message.split(redactUrlsIn(cause.message)).join(safeMessage(cause, depth + 1));
  }
  return message;
}

export interface LoggedError {
  type: string;
  message: string;
  stack: string;
  [field: string]: unknown;
}

/** pino's `err` serializer, keeping only what names the error: a thrown non-error is logged by its type alone. */
export function serializeError(value: Error, depth?: number): LoggedError;
export function serializeError(value: unknown, depth?: number): LoggedError | { type: string };
export function serializeError(value: unknown, depth = 0): LoggedError | { type: string } {
  if (!(value instanceof Error)) return { type: value === null ? 'null' : typeof value };
  const error = value as Error & Record<string, unknown>;
  const message = safeMessage(error);
  // The stack's first lines repeat the message: only the frames are kept.
  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
  const out: LoggedError = {
    type: error.constructor?.name ?? 'Error',
    message,
    stack: [`${error.name}: ${message}`, ...frames].join('\n'),
  };
  for (const field of SAFE_FIELDS) {
    const v = error[field];
    if (typeof v === 'string' || typeof v === 'number') out[field] = v;
  }
  if (depth < MAX_DEPTH) {
    if (error.cause !== undefined && error.cause !== error) out.cause = serializeError(error.cause, depth + 1);
    if (error instanceof AggregateError) out.errors = error.errors.slice(0, MAX_ERRORS).map((e: unknown) => serializeError(e, depth + 1));
  }
  return out;
}
