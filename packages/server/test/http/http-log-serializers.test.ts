import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TRPCError } from '@trpc/server';
import { serializeError } from '../../src/http/error-log.js';
import { redactUrl, redactUrlsIn } from '../../src/http/log-redaction.js';

describe('request URLs in the log', () => {
  const cases: [string, string][] = [
    ['/ical/ical_s3cr3tT0k3n.ics', '/ical/[redacted].ics'],
    ['/ical/ical_s3cr3tT0k3n', '/ical/[redacted]'],
    ['/%69cal/ical_s3cr3tT0k3n.ics', '/ical/[redacted].ics'],
    ['/ICAL/ical_s3cr3tT0k3n.ICS?x=1', '/ical/[redacted].ics?[redacted]'],
    ['/ical/ical_s3cr3tT0k3n.ics/', '/ical/[redacted]'],
    ['/trpc/submissions.track?input=%7B%22trackingCode%22%3A%22AB12-CD34-EF56-GH78%22%7D', '/trpc/submissions.track?input=[redacted]'],
    ['/trpc/forms.list,submissions.track?batch=1&input=%7B%7D', '/trpc/forms.list,submissions.track?batch=1&input=[redacted]'],
    ['/trpc/a?batch=1&batch=secret&AB12-CD34=1&input', '/trpc/a?batch=1&batch=[redacted]&[redacted]&input=[redacted]'],
    ['/trpc/a#AB12-CD34-EF56-GH78', '/trpc/a#[redacted]'],
    ['/widgets/ponte.js', '/widgets/ponte.js'],
    ['/healthz', '/healthz'],
  ];
  for (const [url, logged] of cases) {
    it(`logs ${url} as ${logged}`, () => assert.equal(redactUrl(url), logged));
  }

  it('redacts the URLs a message quotes, as Fastify’s not-found line does', () => {
    assert.equal(redactUrlsIn('Route GET:/ical/ical_s3cr3t.ics/ not found'), 'Route GET:/ical/[redacted] not found');
    assert.equal(
      redactUrlsIn('Route GET:/trpc/submissions.track/?input=%7B%22trackingCode%22%7D not found'),
      'Route GET:/trpc/submissions.track/?input=[redacted] not found',
    );
    assert.equal(redactUrlsIn('did you forget to "return reply" in the "/%69cal/x.ics" (GET) route?'), 'did you forget to "return reply" in the "/ical/[redacted].ics" (GET) route?');
    assert.equal(redactUrlsIn('listening at http://127.0.0.1:8080/ with 3/4 workers'), 'listening at http://127.0.0.1:8080/ with 3/4 workers');
  });
});

describe('errors in the log', () => {
  /** What node-postgres raises: the row is in `detail`, `where`, sometimes in the message's quotes. */
  function pgError() {
    return Object.assign(new Error('invalid input syntax for type uuid: "maria.rossi@example.it"'), {
      name: 'error',
      length: 120,
      severity: 'ERROR',
      code: '22P02',
      detail: 'Failing row contains (1, Maria Rossi, maria.rossi@example.it).',
      hint: 'Maria Rossi',
      where: "PL/pgSQL function f() line 3 at SQL statement with 'Maria Rossi'",
      internalQuery: "select 'Maria Rossi'",
      schema: 'public',
      table: 'users',
      column: 'email',
      constraint: 'users_email_key',
      routine: 'string_to_uuid',
      file: 'uuid.c',
    });
  }

  it('keeps a database error’s code, constraint, table and routine, and none of its row', () => {
    const out = serializeError(pgError()) as Record<string, unknown>;
    const text = JSON.stringify(out);
    assert.doesNotMatch(text, /maria|rossi/i);
    assert.equal(out.code, '22P02');
    assert.equal(out.constraint, 'users_email_key');
    assert.equal(out.table, 'users');
    assert.equal(out.column, 'email');
    assert.equal(out.routine, 'string_to_uuid');
    assert.equal(out.message, 'invalid input syntax for type uuid: "[redacted]"');
    for (const field of ['detail', 'hint', 'where', 'internalQuery', 'length', 'file']) assert.ok(!(field in out), field);
    assert.match(String(out.stack), /^error: invalid input syntax for type uuid: "\[redacted\]"\n\s+at /);
  });

  it('masks the bytes of an encoding error and the values of a SQLite one', () => {
    const encoding = Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0xed 0xa0 0x80'), { severity: 'ERROR', code: '22021' });
    assert.equal((serializeError(encoding) as { message: string }).message, 'invalid byte sequence for encoding "[redacted]": [redacted]');
    class SqliteError extends Error {
      code = 'SQLITE_ERROR';
    }
    const sqlite = new SqliteError('unrecognized token: "\'Maria Rossi"');
    assert.doesNotMatch(JSON.stringify(serializeError(sqlite)), /Maria/);
  });

  it('follows a cause, as tRPC wraps what a procedure threw, and an AggregateError’s errors', () => {
    const wrapped = new TRPCError({ code: 'INTERNAL_SERVER_ERROR', cause: pgError() });
    const out = serializeError(wrapped) as unknown as { code: string; cause: { code: string } };
    assert.equal(out.code, 'INTERNAL_SERVER_ERROR');
    assert.equal(out.cause.code, '22P02');
    // tRPC copies the cause's message into its own: masked there too.
    assert.doesNotMatch(JSON.stringify(out), /maria|rossi/i);
    const aggregate = serializeError(new AggregateError([pgError(), new Error('connect ECONNREFUSED 127.0.0.1:5432')], 'pool')) as unknown as { errors: unknown[] };
    assert.equal(aggregate.errors.length, 2);
    assert.doesNotMatch(JSON.stringify(aggregate), /maria|rossi/i);
  });

  it('survives a cause that loops, and logs a thrown non-error by its type only', () => {
    const loop = new Error('loop') as Error & { cause?: unknown };
    loop.cause = loop;
    assert.doesNotThrow(() => JSON.stringify(serializeError(loop)));
    assert.deepEqual(serializeError('Maria Rossi, maria.rossi@example.it'), { type: 'string' });
    assert.deepEqual(serializeError({ detail: 'Maria Rossi' }), { type: 'object' });
  });

  it('keeps an ordinary error’s message, with any URL in it redacted', () => {
    const out = serializeError(new Error('Reply was already sent in the "/ical/ical_s3cr3t.ics" route')) as { message: string; type: string };
    assert.equal(out.type, 'Error');
    assert.equal(out.message, 'Reply was already sent in the "/ical/[redacted].ics" route');
  });
});
