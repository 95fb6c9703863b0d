import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTRPCClient, httpLink } from '@trpc/client';
import { TRPCError } from '@trpc/server';
import type { AppRouter } from '../../src/app.router.js';
import type { Db } from '../../src/db/database.js';
import { newId } from '../../src/ids.js';
import { DEMO_PASSWORD } from '../../src/seed/demo-data.js';
import { databaseKinds } from '../helpers/databases.js';
import { organisationIdByKey } from '../helpers/fixtures.js';
import { rawRequest } from '../helpers/raw-http.js';
import { sampleFor } from '../helpers/samples.js';
import { startServerProcess } from '../helpers/server-process.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

/*
 * Nothing secret or personal reaches a log line, at any level: not a feed's
 * token, a tracking code, a query's input, a bearer token, a publishable key,
 * a password, form content, nor the row data a database error carries.
 */

const MEDIATOR = 'amina.elidrissi@demo.ponte.test';
const KEY = 'pk_demo_manzoni';
const CONTENT = 'Contenuto-riservato-del-modulo-7Q4';
const TEACHER = 'Giulia Bianchi';

/**
 * Signs in, reads a calendar feed (also spelt otherwise, and mistyped),
 * submits a form, tracks it (GET with ?input=) and sends a password in a
 * query: answers what must not be logged.
 */
async function exercise(url: string, db: Db): Promise<Record<string, string>> {
  const client = (headers: Record<string, string> = {}) => createTRPCClient<AppRouter>({ links: [httpLink({ url: `${url}/trpc`, headers })] });
  const { token } = await client().auth.signIn.mutate({ email: MEDIATOR, password: DEMO_PASSWORD });
  const staff = client({ authorization: `Bearer ${token}` });
  await staff.auth.me.query();
  const feed = await staff.calendarFeeds.rotate.mutate({ ownerKind: 'mediator' });
  const feedPath = new URL(feed.url).pathname;
  const feedToken = feedPath.slice('/ical/'.length, -'.ics'.length);
  assert.equal((await rawRequest(url, feedPath)).status, 200);
  assert.equal((await rawRequest(url, feedPath.replace('/ical/', '/%69cal/'))).status, 200);
  assert.equal((await rawRequest(url, `${feedPath}/`)).status, 404);
  const organisationId = await organisationIdByKey(db, KEY);
  const receipt = await client({ 'x-ponte-key': KEY }).submissions.submit.mutate({
    formId: 'school-request',
    version: 1,
    data: { ...sampleFor('school-request', organisationId), need: CONTENT },
  });
  await client().submissions.track.query({ trackingCode: receipt.trackingCode });
  const trackInput = encodeURIComponent(JSON.stringify({ trackingCode: receipt.trackingCode }));
  assert.equal((await rawRequest(url, `/trpc/submissions.track/?input=${trackInput}`)).status, 404);
  const signInInput = encodeURIComponent(JSON.stringify({ email: MEDIATOR, password: DEMO_PASSWORD }));
  await rawRequest(url, `/trpc/auth.signIn?batch=1&input=${signInInput}`);
  return {
    'bearer token': token,
    'feed token': feedToken,
    'tracking code': receipt.trackingCode,
    password: DEMO_PASSWORD,
    'publishable key': KEY,
    'form content': CONTENT,
    'form content (a name)': TEACHER,
    'e-mail': MEDIATOR,
  };
}

function assertNothingLeaks(log: string, secrets: Record<string, string>) {
  for (const [what, secret] of Object.entries(secrets)) {
    const at = log.indexOf(secret);
    assert.equal(at, -1, `the ${what} is in the log: …${log.slice(Math.max(0, at - 120), at + secret.length + 40)}…`);
  }
}


describe('the access log of a server process (stdout, LOG_LEVEL=debug)', () => {
  let ts: TestServer;
  before(async () => {
    // Seeds the demo Ambito in a SQLite file that the process then serves.
    ts = await startTestServer('sqlite');
  });
  after(() => ts.close());

  it('names no secret: feed token, tracking code, query input, token, key, password, content', async () => {
    let out = '';
    const server = await startServerProcess(ts.database.url, { LOG_LEVEL: 'debug' }, (text) => (out += text));
    try {
      const secrets = await exercise(server.url, ts.server.database.db);
      await server.stop();
      assert.ok((out.match(/"incoming request"/g) ?? []).length >= 10, `the requests were logged:\n${out}`);
      assertNothingLeaks(out, secrets);
      assert.match(out, /"url":"\/ical\/\[redacted\]\.ics"/);
      assert.match(out, /"url":"\/trpc\/submissions\.track\?input=\[redacted\]"/);
      assert.match(out, /"url":"\/trpc\/auth\.signIn\?batch=1&input=\[redacted\]"/);
    } finally {
      await server.stop();
    }
  });
});

for (const kind of await databaseKinds()) {
  describe(`the log at trace level, through the logStream setting, on ${kind}`, () => {
    let ts: TestServer;
    const lines: string[] = [];
    before(async () => {
      ts = await startTestServer(kind, { logLevel: 'trace', logStream: { write: (line: string) => void lines.push(line) } });
    });
    after(() => ts.close());

    it('names no secret of the requests it serves', async () => {
      const secrets = await exercise(ts.url, ts.server.database.db);
      const log = lines.join('');
      assert.ok(lines.length >= 20, `the requests were logged: ${lines.length} lines`);
      assertNothingLeaks(log, secrets);
      assert.match(log, /"url":"\/ical\/\[redacted\]\.ics"/);
    });

    it('logs a database error by its code and constraint, without the row it was about', async () => {
      const db = ts.server.database.db;
      const user = await db.selectFrom('users').select(['tenant_id', 'email', 'password_hash']).where('email', '=', MEDIATOR).executeTakeFirstOrThrow();
      let real: unknown;
      try {
        // The same e-mail again: PostgreSQL puts it in the error's `detail`.
        await db
          .insertInto('users')
          .values({ ...user, id: newId(), organisation_id: null, display_name: 'Duplicate', role: 'mediator', disabled_at: null, created_at: new Date().toISOString() })
          .execute();
      } catch (error) {
        real = error;
      }
      assert.ok(real instanceof Error, 'the duplicate e-mail was refused');
      const fake = Object.assign(new Error('invalid input syntax for type uuid: "maria.rossi@example.it"'), {
        name: 'error',
        severity: 'ERROR',
        code: '22P02',
        detail: 'Failing row contains (1, Maria Rossi, maria.rossi@example.it).',
        where: "SQL function \"f\" statement 1 with values ('Maria Rossi')",
        internalQuery: "select 'Maria Rossi'",
        hint: 'Maria Rossi',
      });
      const before = lines.length;
      const log = ts.server.app.log;
      // As the procedure-error hook and the error handler log them.
      log.error({ err: real, path: 'users.create' }, 'procedure failed');
      log.error(real);
      log.error({ err: fake }, 'procedure failed');
      log.error(fake);
      log.error({ err: new TRPCError({ code: 'INTERNAL_SERVER_ERROR', cause: fake }) }, 'procedure failed');
      log.warn({ error: fake }, 'logged under another key');
      const logged = lines.slice(before).join('');
      assert.equal(lines.length - before, 6);
      assertNothingLeaks(logged, { 'e-mail in a real error': MEDIATOR, 'e-mail in a fake one': 'maria.rossi@example.it', name: 'Maria Rossi' });
      assert.match(logged, kind === 'postgres' ? /"code":"23505"/ : /"code":"SQLITE_CONSTRAINT_UNIQUE"/);
      assert.match(logged, /"code":"22P02"/);
    });
  });
}
