import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { appRouter, createCallerFactory, createContextInner } from '@ponte/server';
import { insertKey } from '../../src/auth/publishable-key.repository.js';
import { newId } from '../../src/ids.js';
import { databaseKinds } from '../helpers/databases.js';
import { organisationIdByKey } from '../helpers/fixtures.js';
import { sampleFor } from '../helpers/samples.js';
import { expectTrpcError, startTestServer, type TestServer } from '../helpers/test-server.js';

/*
 * A publishable key is read afresh, with its tenant, on every call it makes
 * (auth/credentials.ts resolveKeyHolder): nothing of it is kept between
 * calls, so a change made in the database holds from the next call on.
 */

const SCHOOL_SITE = 'https://www.scuola-keys.example';

for (const kind of await databaseKinds()) {
  describe(`publishable keys on ${kind}`, () => {
    let ts: TestServer;
    let manzoni: string;
    let tenantId: string;

    before(async () => {
      ts = await startTestServer(kind);
      const db = ts.server.database.db;
      manzoni = await organisationIdByKey(db, 'pk_demo_manzoni');
      tenantId = (await db.selectFrom('organisations').select('tenant_id').where('id', '=', manzoni).executeTakeFirstOrThrow()).tenant_id;
    });
    after(() => ts.close());

    async function newKey(origins: string[]): Promise<string> {
      const key = `pk_keys_${newId().slice(0, 8)}`;
      await insertKey(ts.server.database.db, { id: newId(), tenantId, organisationId: manzoni, key, label: 'test', origins, createdAt: new Date().toISOString() });
      return key;
    }

    const submitWith = (key: string, origin?: string) =>
      ts.client({ key, ...(origin ? { origin } : {}) }).submissions.submit.mutate({ formId: 'school-request', version: 1, data: sampleFor('school-request', manzoni) });

    it('refuses a key revoked in the database from its next call on', async () => {
      const key = await newKey([SCHOOL_SITE]);
      assert.match((await submitWith(key, SCHOOL_SITE)).protocol, /^\d{4}\/\d{6}$/);
      await ts.server.database.db.updateTable('publishable_keys').set({ revoked_at: new Date().toISOString() }).where('key', '=', key).execute();
      const refused = await expectTrpcError(submitWith(key, SCHOOL_SITE));
      assert.equal(refused.data?.code, 'UNAUTHORIZED');
    });

    it('holds a key to the origins it lists at the time of the call', async () => {
      const key = await newKey([SCHOOL_SITE]);
      const elsewhere = 'https://www.altra-scuola.example';
      assert.equal((await expectTrpcError(submitWith(key, elsewhere))).data?.code, 'FORBIDDEN');
      const keyId = (await ts.server.database.db.selectFrom('publishable_keys').select('id').where('key', '=', key).executeTakeFirstOrThrow()).id;
      await ts.server.database.db.insertInto('publishable_key_origins').values({ key_id: keyId, origin: elsewhere }).execute();
      assert.match((await submitWith(key, elsewhere)).protocol, /^\d{4}\/\d{6}$/);
      // Ponte's own origin, and a call without one (a server-side integration), need no listing.
      assert.match((await submitWith(key, 'http://ponte.test')).protocol, /^\d{4}\/\d{6}$/);
      assert.match((await submitWith(key)).protocol, /^\d{4}\/\d{6}$/);
    });

    it('numbers a key’s submissions in its tenant’s zone as read with the key', async () => {
      // The tenant's zone is read with the key on every call: moved to Auckland, where the new year comes first.
      const db = ts.server.database.db;
      await db.updateTable('tenants').set({ time_zone: 'Pacific/Auckland' }).where('id', '=', tenantId).execute();
      try {
        const caller = createCallerFactory(appRouter)(
          createContextInner({ db, dialect: ts.server.database.dialect, config: ts.config, publishableKey: 'pk_demo_manzoni', now: () => new Date('2033-12-31T12:00:00Z') }),
        );
        const receipt = await caller.submissions.submit({ formId: 'school-request', version: 1, data: sampleFor('school-request', manzoni) });
        assert.equal(receipt.protocol, '2034/000001');
      } finally {
        await db.updateTable('tenants').set({ time_zone: 'Europe/Rome' }).where('id', '=', tenantId).execute();
      }
    });
  });
}
