import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { insertKey } from '../../src/auth/publishable-key.repository.js';
import { openDatabase, type DatabaseHandle } from '../../src/db/connect.js';
import type { Db } from '../../src/db/database.js';
import { newId } from '../../src/ids.js';
import { databaseKinds } from '../helpers/databases.js';
import { organisationIdByKey } from '../helpers/fixtures.js';
import { sampleFor } from '../helpers/samples.js';
import { expectTrpcError, startTestServer, type TestServer } from '../helpers/test-server.js';

/*
 * A key's read is kept between calls while nothing it read has changed
 * (auth/key-reads.ts, db/credential-changes.ts): these check that it is
 * kept, that a change made by another process (another connection: a
 * command on the SQLite file, another server on PostgreSQL) ends it, and
 * that every table it reads is watched.
 */

const SCHOOL_SITE = 'https://www.scuola-kept.example';

const changeCount = async (db: Db) => (await db.selectFrom('credential_changes').select('count').executeTakeFirstOrThrow()).count;

/** Runs `write` with the triggers of `publishable_keys` off: a change nobody counts, to tell a kept read from a fresh one. */
async function uncounted(handle: DatabaseHandle, write: (db: Db) => Promise<unknown>): Promise<void> {
  if (handle.dialect === 'postgres') {
    await handle.db.transaction().execute(async (trx) => {
      await sql`alter table publishable_keys disable trigger publishable_keys_credential_changed`.execute(trx);
      await write(trx);
      await sql`alter table publishable_keys enable trigger publishable_keys_credential_changed`.execute(trx);
    });
    return;
  }
  const { rows } = await sql<{ sql: string }>`select sql from sqlite_master where name = 'publishable_keys_update_credential_changed'`.execute(handle.db);
  await sql`drop trigger publishable_keys_update_credential_changed`.execute(handle.db);
  try {
    await write(handle.db);
  } finally {
    await sql.raw(rows[0]!.sql).execute(handle.db);
  }
}

/** Until `check` holds, for at most a second: a PostgreSQL notice arrives a moment after its commit. */
async function soon(check: () => Promise<boolean>): Promise<boolean> {
  for (const until = Date.now() + 1000; Date.now() < until; ) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return check();
}

for (const kind of await databaseKinds()) {
  describe(`a publishable key's read, kept, on ${kind}`, () => {
    let ts: TestServer;
    /** another connection to the same database, as a command or a second server has */
    let elsewhere: DatabaseHandle;
    let manzoni: string;
    let tenantId: string;

    before(async () => {
      ts = await startTestServer(kind);
      elsewhere = openDatabase(ts.config.databaseUrl);
      manzoni = await organisationIdByKey(ts.server.database.db, 'pk_demo_manzoni');
      tenantId = (await elsewhere.db.selectFrom('organisations').select('tenant_id').where('id', '=', manzoni).executeTakeFirstOrThrow()).tenant_id;
      // On PostgreSQL reads are kept once the server listens, which its first call with a key starts.
      await ts.client({ key: 'pk_demo_manzoni' }).organisations.current.query();
      assert.ok(await soon(async () => ts.server.database.credentialChanges.current() !== undefined));
    });
    after(async () => {
      await elsewhere.close();
      await ts.close();
    });

    async function newKey(): Promise<string> {
      const key = `pk_kept_${newId().slice(0, 8)}`;
      const changes = ts.server.database.credentialChanges;
      const before = changes.current();
      // One transaction, so one notice on PostgreSQL (its two statements would send one each).
      await elsewhere.db.transaction().execute((trx) =>
        insertKey(trx, { id: newId(), tenantId, organisationId: manzoni, key, label: 'test', origins: [SCHOOL_SITE], createdAt: new Date().toISOString() }),
      );
      // Until the server has seen this write (on PostgreSQL its notice comes a moment after the commit):
      // else the notice could arrive after the key's first read and end it, which a test of keeping would take for a failure.
      assert.ok(await soon(async () => changes.current() !== before), 'the server sees the new key counted');
      return key;
    }
    const submitWith = (key: string, origin = SCHOOL_SITE) =>
      ts.client({ key, origin }).submissions.submit.mutate({ formId: 'school-request', version: 1, data: sampleFor('school-request', manzoni) });
    const accepted = async (key: string, origin?: string) => {
      try {
        await submitWith(key, origin);
        return true;
      } catch {
        return false;
      }
    };

    it('keeps a read while nothing it read has changed, and reads afresh once something has', async () => {
      const key = await newKey();
      assert.match((await submitWith(key)).protocol, /^\d{4}\/\d{6}$/);
      // Revoked where no trigger counts it: the kept read still answers, which only a kept read can.
      await uncounted(elsewhere, (db) => db.updateTable('publishable_keys').set({ revoked_at: new Date().toISOString() }).where('key', '=', key).execute());
      assert.match((await submitWith(key)).protocol, /^\d{4}\/\d{6}$/);
      // Any counted write of the watched tables, by another connection, ends every kept read.
      await elsewhere.db.updateTable('tenants').set({ name: sql`name` }).where('id', '=', tenantId).execute();
      assert.ok(await soon(async () => !(await accepted(key))), 'the revoked key is refused once a change is counted');
      assert.equal((await expectTrpcError(submitWith(key))).data?.code, 'UNAUTHORIZED');
    });

    it('refuses a key revoked by another process, and honours an origin it added', async () => {
      const key = await newKey();
      const other = 'https://www.altra-scuola-kept.example';
      assert.equal((await expectTrpcError(submitWith(key, other))).data?.code, 'FORBIDDEN');
      const keyId = (await elsewhere.db.selectFrom('publishable_keys').select('id').where('key', '=', key).executeTakeFirstOrThrow()).id;
      await elsewhere.db.insertInto('publishable_key_origins').values({ key_id: keyId, origin: other }).execute();
      // SQLite: the next call (the count is read on every call); PostgreSQL: once the notice is in.
      if (kind === 'sqlite') assert.ok(await accepted(key, other));
      else assert.ok(await soon(() => accepted(key, other)));
      await elsewhere.db.updateTable('publishable_keys').set({ revoked_at: new Date().toISOString() }).where('id', '=', keyId).execute();
      if (kind === 'sqlite') assert.equal(await accepted(key), false);
      else assert.ok(await soon(async () => !(await accepted(key))));
    });

    it('refuses a key revoked through the server’s own connection from its very next call', async () => {
      const key = await newKey();
      assert.ok(await accepted(key));
      await ts.server.database.db.updateTable('publishable_keys').set({ revoked_at: new Date().toISOString() }).where('key', '=', key).execute();
      assert.equal((await expectTrpcError(submitWith(key))).data?.code, 'UNAUTHORIZED');
    });

    it('counts every insert, update and delete of each table a key’s read reads', async () => {
      const db = elsewhere.db;
      const at = new Date().toISOString();
      const counted = async (table: string, write: () => Promise<unknown>) => {
        const before = await changeCount(db);
        await write();
        assert.ok((await changeCount(db)) > before, `a write of ${table} is counted`);
      };
      const tenant = `t-${newId()}`;
      const organisation = newId();
      const keyId = newId();
      await counted('tenants', () => db.insertInto('tenants').values({ id: tenant, slug: tenant, name: 'Ambito di prova', time_zone: 'Europe/Rome', created_at: at }).execute());
      await counted('tenants', () => db.updateTable('tenants').set({ name: 'Ambito rinominato' }).where('id', '=', tenant).execute());
      await counted('tenant_settings', () =>
        db
          .insertInto('tenant_settings')
          .values({ tenant_id: tenant, travel_buffer_minutes: 15, cancellation_notice_hours: 24, minimum_billable_minutes: 30, slot_step_minutes: 15, updated_at: at })
          .execute(),
      );
      await counted('tenant_settings', () => db.updateTable('tenant_settings').set({ slot_step_minutes: 30 }).where('tenant_id', '=', tenant).execute());
      await counted('organisations', () => db.insertInto('organisations').values({ id: organisation, tenant_id: tenant, kind: 'school', name: 'IC di prova', mechanographic_code: null, service_type: null, created_at: at }).execute());
      await counted('organisations', () => db.updateTable('organisations').set({ name: 'IC rinominato' }).where('id', '=', organisation).execute());
      await counted('publishable_keys', () =>
        insertKey(db, { id: keyId, tenantId: tenant, organisationId: organisation, key: `pk_count_${keyId.slice(0, 8)}`, label: 'test', origins: [], createdAt: at }),
      );
      await counted('publishable_key_origins', () => db.insertInto('publishable_key_origins').values({ key_id: keyId, origin: SCHOOL_SITE }).execute());
      await counted('publishable_key_origins', () => db.deleteFrom('publishable_key_origins').where('key_id', '=', keyId).execute());
      await counted('publishable_keys', () => db.updateTable('publishable_keys').set({ label: 'renamed' }).where('id', '=', keyId).execute());
      await counted('publishable_keys', () => db.deleteFrom('publishable_keys').where('id', '=', keyId).execute());
      await counted('organisations', () => db.deleteFrom('organisations').where('id', '=', organisation).execute());
      await counted('tenant_settings', () => db.deleteFrom('tenant_settings').where('tenant_id', '=', tenant).execute());
      await counted('tenants', () => db.deleteFrom('tenants').where('id', '=', tenant).execute());
    });

    if (kind === 'postgres') {
      it('keeps nothing while its listening connection is lost, and keeps again once it is back', async () => {
        const key = await newKey();
        assert.ok(await accepted(key));
        await sql`select pg_terminate_backend(pid) from pg_stat_activity where query ilike 'listen ponte_credentials%' and pid <> pg_backend_pid()`.execute(elsewhere.db);
        // Revoked where no notice goes out: once the server sees its connection lost, it keeps nothing and reads the key afresh.
        await uncounted(elsewhere, (db) => db.updateTable('publishable_keys').set({ revoked_at: new Date().toISOString() }).where('key', '=', key).execute());
        assert.ok(await soon(async () => !(await accepted(key))));
        // Listening again within about a second, and keeping: a key made live again where no trigger counts it stays refused.
        await new Promise((resolve) => setTimeout(resolve, 1500));
        await expectTrpcError(submitWith(key));
        await uncounted(elsewhere, (db) => db.updateTable('publishable_keys').set({ revoked_at: null }).where('key', '=', key).execute());
        assert.equal((await expectTrpcError(submitWith(key))).data?.code, 'UNAUTHORIZED');
      });
    }
  });
}
