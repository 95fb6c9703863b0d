import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import type { KeyHolder } from '../../src/auth/actor.js';
import { openDatabase, type DatabaseHandle } from '../../src/db/connect.js';
import { isUniqueViolation } from '../../src/db/errors.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { fromJson, toInt } from '../../src/db/values.js';
import { newId } from '../../src/ids.js';
import { seedDemo } from '../../src/seed/seed-demo.js';
import { serviceCall } from '../../src/service-call.js';
import { storeSubmission } from '../../src/submissions/store-submission.js';
import type { NewSubmission } from '../../src/submissions/submission.repository.js';
import { createDatabase, databaseKinds, type TestDatabase } from '../helpers/databases.js';

/*
 * Submissions that arrive together are stored together (store-submission.ts,
 * db/group-commit.ts): one transaction for those of a tenant and year that
 * arrive in the same turn, numbered in the order they arrived; a refused one
 * costs the others nothing, and no number.
 */

const YEAR = 2026;

for (const kind of await databaseKinds()) {
  describe(`storing submissions together on ${kind}`, () => {
    let database: TestDatabase;
    let handle: DatabaseHandle;
    let holder: KeyHolder;
    let otherTenant: string;

    before(async () => {
      database = await createDatabase(kind);
      handle = openDatabase(database.url);
      await migrateToLatest(handle.db);
      await seedDemo(handle.db, []);
      const key = await handle.db.selectFrom('publishable_keys').select(['id', 'tenant_id', 'organisation_id']).where('key', '=', 'pk_demo_manzoni').executeTakeFirstOrThrow();
      holder = { kind: 'key', keyId: key.id, tenantId: key.tenant_id, organisationId: key.organisation_id, organisationKind: 'school' };
      otherTenant = newId();
      await handle.db.insertInto('tenants').values({ id: otherTenant, slug: 'altro-ambito', name: 'Altro Ambito', time_zone: 'Europe/Rome', created_at: new Date().toISOString() }).execute();
    });
    after(async () => {
      await handle?.close();
      await database?.drop();
    });

    const call = () => serviceCall({ db: handle.db, dialect: handle.dialect, locale: 'it', now: new Date(), config: { publicUrl: 'http://ponte.test', sessionTtlMinutes: 60 } }, holder);

    function submission(idempotencyKey: string, tenantId = holder.tenantId): NewSubmission {
      const at = new Date().toISOString();
      return {
        id: newId(),
        tenantId,
        organisationId: holder.organisationId,
        formId: 'school-request',
        formVersion: 1,
        protocolYear: YEAR,
        trackingCode: `T${newId().slice(0, 11)}`,
        status: 'received',
        data: { note: idempotencyKey },
        submittedVia: 'key',
        submittedByUserId: null,
        publishableKeyId: holder.keyId,
        idempotencyKey,
        requestHash: idempotencyKey,
        at,
      };
    }

    /** Sends every one in the same turn, as requests that arrive together do; answers each outcome. */
    function storeAll(submissions: NewSubmission[]) {
      return Promise.allSettled(submissions.map((s) => storeSubmission(call(), s, { type: 'request.received', requestId: s.id, formId: s.formId, organisationId: s.organisationId })));
    }

    async function counter(tenantId = holder.tenantId): Promise<number> {
      const row = await handle.db.selectFrom('protocol_counters').select('last_seq').where('tenant_id', '=', tenantId).where('year', '=', YEAR).executeTakeFirst();
      return row ? toInt(row.last_seq) : 0;
    }

    /** How many transactions wrote these rows: PostgreSQL's xmin tells; SQLite keeps no such mark. */
    async function transactionsOf(ids: string[]): Promise<number | undefined> {
      if (kind !== 'postgres') return undefined;
      const row = await sql<{ n: string }>`select count(distinct xmin::text) as n from submissions where id in (${sql.join(ids)})`.execute(handle.db);
      return Number(row.rows[0]!.n);
    }

    it('stores those that arrive together in one transaction, numbered in the order they came, each with its audit line and event', async () => {
      const first = await counter();
      const batch = Array.from({ length: 12 }, (_, i) => submission(`together-${kind}-${i}`));
      const outcomes = await storeAll(batch);
      const protocols = outcomes.map((o) => (o.status === 'fulfilled' ? o.value : String(o.reason)));
      assert.deepEqual(protocols, batch.map((_, i) => `${YEAR}/${String(first + i + 1).padStart(6, '0')}`));
      assert.equal(await counter(), first + 12);

      const stored = await handle.db.selectFrom('submissions').select(['id', 'protocol', 'protocol_seq']).where('id', 'in', batch.map((s) => s.id)).execute();
      assert.deepEqual(
        new Map(stored.map((r) => [r.id, r.protocol])),
        new Map(batch.map((s, i) => [s.id, protocols[i]])),
        'each answer is the number its row was stored with',
      );
      const audits = await handle.db.selectFrom('audit_events').select(['subject_id', 'details']).where('action', '=', 'submission.created').where('subject_id', 'in', batch.map((s) => s.id)).execute();
      assert.deepEqual(
        new Map(audits.map((a) => [a.subject_id, (fromJson(a.details) as { protocol: string }).protocol])),
        new Map(batch.map((s, i) => [s.id, protocols[i]])),
        'each audit line names its own number',
      );
      const events = await handle.db.selectFrom('domain_events').select('payload').where('type', '=', 'request.received').execute();
      const announced = new Set(events.map((e) => (fromJson(e.payload) as { requestId: string }).requestId));
      assert.ok(batch.every((s) => announced.has(s.id)), 'each announced');
      const transactions = await transactionsOf(batch.map((s) => s.id));
      if (transactions !== undefined) assert.equal(transactions, 1, 'one transaction for the twelve');
    });

    it('stores the others when one of them is refused, spending no number on it', async () => {
      const [earlier] = await storeAll([submission(`used-${kind}`)]);
      assert.equal(earlier!.status, 'fulfilled');
      const first = await counter();
      const batch = [submission(`after-${kind}-0`), submission(`after-${kind}-1`), submission(`used-${kind}`), submission(`after-${kind}-2`)];
      const outcomes = await storeAll(batch);
      assert.deepEqual(
        outcomes.map((o) => o.status),
        ['fulfilled', 'fulfilled', 'rejected', 'fulfilled'],
      );
      assert.ok(isUniqueViolation((outcomes[2] as PromiseRejectedResult).reason), 'the reused key is refused as a unique violation');
      const protocols = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
      assert.deepEqual(protocols.sort(), [1, 2, 3].map((n) => `${YEAR}/${String(first + n).padStart(6, '0')}`));
      assert.equal(await counter(), first + 3, 'no number spent on the refused one');
    });

    it('numbers each tenant on its own, and writes no more than 64 in one transaction', async () => {
      const ours = await counter();
      const theirs = await counter(otherTenant);
      const batch = Array.from({ length: 80 }, (_, i) => submission(`many-${kind}-${i}`, i % 10 === 0 ? otherTenant : holder.tenantId));
      const outcomes = await storeAll(batch);
      assert.ok(outcomes.every((o) => o.status === 'fulfilled'));
      assert.equal(await counter(), ours + 72);
      assert.equal(await counter(otherTenant), theirs + 8);
      const transactions = await transactionsOf(batch.map((s) => s.id));
      if (transactions !== undefined) assert.equal(transactions, 3, 'the other tenant’s eight in one, our 72 in two: 64 and 8');
    });
  });
}
