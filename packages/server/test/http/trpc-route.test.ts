import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import cors from '@fastify/cors';
import { fastifyTRPCPlugin } from '@trpc/server/adapters/fastify';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { appRouter } from '../../src/app.router.js';
import { loadConfig } from '../../src/config.js';
import { openDatabase, type DatabaseHandle } from '../../src/db/connect.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { compressAnswers } from '../../src/http/compression.js';
import { trpcRoute } from '../../src/http/trpc-route.js';
import { seedDemo } from '../../src/seed/seed-demo.js';
import { contextFactory } from '../../src/trpc/context.js';
import { keptKeyReads } from '../../src/auth/key-reads.js';
import { createDatabase, type TestDatabase } from '../helpers/databases.js';
import { organisationIdByKey } from '../helpers/fixtures.js';
import { sampleFor } from '../helpers/samples.js';

/*
 * The single-call route (src/http/trpc-route.ts) answers plain calls itself
 * and hands the rest to tRPC's own handler. Here the two serve the same
 * router on the same database side by side, and every request of the table
 * must get the same answer from both: status, the headers tRPC sets (with
 * CORS's before them), body.
 * Each row also says whether the route answers it itself, as seen by the
 * context factory (tRPC's handler passes it `info`, the route does not), so
 * that the comparison is never between tRPC and itself.
 */

interface Row {
  name: string;
  method: 'GET' | 'POST' | 'PUT';
  /** after /trpc/ */
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** answered by the route itself, not handed to tRPC's handler */
  own: boolean;
}

const json = { 'content-type': 'application/json' };

function table(manzoni: string): Row[] {
  const submit = (input: unknown, headers: Record<string, string> = {}) => ({ method: 'POST' as const, path: 'submissions.submit', headers: { ...json, ...headers }, body: JSON.stringify(input) });
  return [
    { name: 'a query without input', method: 'GET', path: 'forms.list', own: true },
    { name: 'a query with input', method: 'GET', path: `forms.get?input=${encodeURIComponent(JSON.stringify({ id: 'school-request', version: 1 }))}`, own: true },
    { name: 'a query whose input its schema refuses', method: 'GET', path: `forms.get?input=${encodeURIComponent(JSON.stringify({ id: 7 }))}`, headers: { 'x-ponte-locale': 'en' }, own: true },
    { name: 'a query of an unknown form', method: 'GET', path: `forms.get?input=${encodeURIComponent(JSON.stringify({ id: 'nope', version: 1 }))}`, own: true },
    { name: 'a mutation refused for want of credentials', ...submit({ formId: 'school-request', version: 1, data: {} }), own: true },
    { name: 'a mutation refused by its service, in English', ...submit({ formId: 'school-request', version: 1, data: { ...sampleFor('school-request', manzoni), schoolLevel: 'not-a-level' } }, { 'x-ponte-key': 'pk_demo_manzoni', 'x-ponte-locale': 'en' }), own: true },
    { name: 'a mutation with ill-formed text', ...submit({ formId: 'school-request\u0000', version: 1, data: {} }, { 'x-ponte-key': 'pk_demo_manzoni' }), own: true },
    { name: 'a mutation with a wrong password', method: 'POST', path: 'auth.signIn', headers: json, body: JSON.stringify({ email: 'nobody@demo.ponte.test', password: 'wrong-password-1' }), own: true },
    { name: 'a mutation with an empty body', method: 'POST', path: 'auth.signIn', headers: json, body: '', own: true },
    { name: 'a mutation with a media type in capitals and a charset', method: 'POST', path: 'auth.signIn', headers: { 'content-type': 'Application/JSON; charset=utf-8' }, body: '{}', own: true },
    { name: 'a path in percent-encoding', method: 'GET', path: 'forms%2Elist', own: true },
    { name: 'a query by POST', method: 'POST', path: 'forms.list', headers: json, body: '{}', own: false },
    { name: 'a mutation by GET', method: 'GET', path: 'auth.signIn', own: false },
    { name: 'an unknown procedure', method: 'GET', path: 'forms.nothing', own: false },
    { name: 'a body that is not JSON', method: 'POST', path: 'auth.signIn', headers: json, body: '{"email":', own: false },
    { name: 'an input that is not JSON', method: 'GET', path: 'forms.get?input=%7B', own: false },
    { name: 'a batch', method: 'GET', path: `forms.list,forms.get?batch=1&input=${encodeURIComponent(JSON.stringify({ 1: { id: 'school-request', version: 1 } }))}`, own: false },
    { name: 'a stream', method: 'GET', path: 'forms.list?batch=1', headers: { 'trpc-accept': 'application/jsonl' }, own: false },
    { name: 'a method tRPC does not serve', method: 'PUT', path: 'forms.list', headers: json, body: '{}', own: false },
  ];
}

/** What must be the same from both: the status, the headers tRPC sets, the body. */
async function answerOf(base: string, row: Row) {
  const headers = { origin: 'https://www.icmanzoni.example', ...row.headers };
  const response = await fetch(`${base}/trpc/${row.path}`, { method: row.method, headers, ...(row.body !== undefined ? { body: row.body } : {}) });
  const text = await response.text();
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    vary: response.headers.get('vary'),
    allow: response.headers.get('allow'),
    body: text,
  };
}

describe('the single-call route beside tRPC’s own handler', () => {
  let database: TestDatabase;
  let handle: DatabaseHandle;
  let ours: FastifyInstance;
  let theirs: FastifyInstance;
  let manzoni: string;
  /** whether the last context was made by tRPC's handler */
  let madeByTrpc: boolean | undefined;

  async function serve(register: (app: FastifyInstance, createContext: (o: { req: FastifyRequest; info?: unknown }) => unknown) => PromiseLike<unknown>) {
    const config = { ...loadConfig({ DATABASE_URL: database.url, LOG_LEVEL: 'silent' }), publicUrl: 'http://ponte.test' };
    const make = contextFactory({ db: handle.db, dialect: handle.dialect, config, readKey: keptKeyReads(handle.db, handle.credentialChanges) });
    const app = Fastify({ logger: false });
    // CORS's Vary: Origin is there before either answers, and must be kept by both.
    await app.register(cors, { origin: true });
    await app.register(async (scope) => {
      await compressAnswers(scope);
      await register(scope, (o) => {
        madeByTrpc = o.info !== undefined;
        return make(o);
      });
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    return app;
  }
  const urlOf = (app: FastifyInstance) => `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;

  before(async () => {
    database = await createDatabase('sqlite');
    handle = openDatabase(database.url);
    await migrateToLatest(handle.db);
    await seedDemo(handle.db, []);
    manzoni = await organisationIdByKey(handle.db, 'pk_demo_manzoni');
    ours = await serve((app, createContext) => app.register((scope) => trpcRoute(scope, { router: appRouter, createContext }), { prefix: '/trpc' }));
    theirs = await serve((app, createContext) => app.register(fastifyTRPCPlugin, { prefix: '/trpc', trpcOptions: { router: appRouter, createContext: createContext as never } }));
  });
  after(async () => {
    await ours?.close();
    await theirs?.close();
    await handle?.close();
    await database?.drop();
  });

  it('answers every request as tRPC’s handler does, and plain calls itself', async () => {
    for (const row of table(manzoni)) {
      madeByTrpc = undefined;
      const mine = await answerOf(urlOf(ours), row);
      const answeredHere = madeByTrpc === false;
      const theirsAnswer = await answerOf(urlOf(theirs), row);
      assert.deepEqual(mine, theirsAnswer, row.name);
      // A request refused before any context is made (a wrong method) was not answered here either.
      assert.equal(answeredHere, row.own, `${row.name}: ${row.own ? 'answered by the route' : 'handed to tRPC'}`);
    }
  });

  it('answers a call whose procedure succeeds with the same result', async () => {
    const row: Row = { name: 'forms.get', method: 'GET', path: `forms.get?input=${encodeURIComponent(JSON.stringify({ id: 'school-request', version: 1 }))}`, own: true };
    const mine = await answerOf(urlOf(ours), row);
    assert.equal(mine.status, 200);
    assert.equal((JSON.parse(mine.body) as { result: { data: { id: string } } }).result.data.id, 'school-request');
  });
});
