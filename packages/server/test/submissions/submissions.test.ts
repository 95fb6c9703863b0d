import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { getForm } from '@ponte/forms';
import { appRouter, createCallerFactory, createContextInner } from '@ponte/server';
import { databaseKinds } from '../helpers/databases.js';
import { countRows, createOtherTenant, OTHER_ORIGIN, organisationIdByKey, type OtherTenant } from '../helpers/fixtures.js';
import { sampleFor } from '../helpers/samples.js';
import { expectTrpcError, signIn, startTestServer, type TestServer } from '../helpers/test-server.js';

const PROTOCOL = /^\d{4}\/\d{6}$/;
const TRACKING = /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/;

for (const kind of await databaseKinds()) {
  describe(`submissions on ${kind}`, () => {
    let ts: TestServer;
    let manzoni: string;
    let rodari: string;
    let servizi: string;
    let other: OtherTenant;

    before(async () => {
      ts = await startTestServer(kind);
      const db = ts.server.database.db;
      manzoni = await organisationIdByKey(db, 'pk_demo_manzoni');
      rodari = await organisationIdByKey(db, 'pk_demo_rodari');
      servizi = await organisationIdByKey(db, 'pk_demo_servizi');
      other = await createOtherTenant(db);
    });
    after(() => ts.close());

    describe('submit', () => {
      it('stores an A.1 request sent with a publishable key and answers a receipt', async () => {
        const db = ts.server.database.db;
        const receipt = await ts.client({ key: 'pk_demo_manzoni' }).submissions.submit.mutate({
          formId: 'school-request',
          version: 1,
          data: sampleFor('school-request', manzoni),
          idempotencyKey: 'first-a1-request',
        });
        assert.match(receipt.protocol, PROTOCOL);
        assert.match(receipt.trackingCode, TRACKING);
        assert.equal(receipt.status, 'received');
        const row = await db.selectFrom('submissions').selectAll().where('protocol', '=', receipt.protocol).executeTakeFirstOrThrow();
        assert.equal(row.organisation_id, manzoni);
        assert.equal(row.form_id, 'school-request');
        assert.equal(row.submitted_via, 'key');
        const audit = await db.selectFrom('audit_events').selectAll().where('subject_id', '=', row.id).execute();
        assert.deepEqual(audit.map((a) => a.action), ['submission.created']);
      });

      it('numbers protocols in sequence per tenant and year', async () => {
        const a = ts.client({ key: 'pk_demo_rodari' });
        const first = await a.submissions.submit.mutate({ formId: 'school-request', version: 1, data: sampleFor('school-request', rodari) });
        const second = await a.submissions.submit.mutate({ formId: 'school-request', version: 1, data: sampleFor('school-request', rodari) });
        const [y1, n1] = first.protocol.split('/').map(Number);
        const [y2, n2] = second.protocol.split('/').map(Number);
        assert.equal(y1, y2);
        assert.equal(n2, n1! + 1);
        assert.notEqual(first.trackingCode, second.trackingCode);
        // Another tenant has its own numbering.
        const b = await ts.client({ key: other.key }).submissions.submit.mutate({ formId: 'school-request', version: 1, data: sampleFor('school-request', other.schoolId) });
        assert.equal(b.protocol, `${y1}/000001`);
      });

      it('takes the protocol year in the tenant’s time zone', async () => {
        const caller = createCallerFactory(appRouter)(
          createContextInner({
            db: ts.server.database.db,
            dialect: ts.server.database.dialect,
            config: ts.config,
            publishableKey: 'pk_demo_manzoni',
            // 23:30 UTC on New Year's Eve is already 00:30 of the next year in Rome.
            now: () => new Date('2031-12-31T23:30:00Z'),
          }),
        );
        const receipt = await caller.submissions.submit({ formId: 'school-request', version: 1, data: sampleFor('school-request', manzoni) });
        assert.equal(receipt.protocol, '2032/000001');
      });

      it('answers the same receipt for the same idempotency key and stores nothing new', async () => {
        const client = ts.client({ key: 'pk_demo_manzoni' });
        const input = { formId: 'school-request', version: 1, data: sampleFor('school-request', manzoni), idempotencyKey: 'retry-me-123' };
        const first = await client.submissions.submit.mutate(input);
        const before = await countRows(ts.server.database.db);
        const again = await client.submissions.submit.mutate(input);
        assert.deepEqual(again, first);
        assert.deepEqual(await countRows(ts.server.database.db), before);
      });

      it('stores one submission when retries race each other', async () => {
        const client = ts.client({ key: 'pk_demo_manzoni' });
        const input = { formId: 'school-request', version: 1, data: sampleFor('school-request', manzoni), idempotencyKey: 'racing-retries-1' };
        const receipts = await Promise.all(Array.from({ length: 8 }, () => client.submissions.submit.mutate(input)));
        assert.equal(new Set(receipts.map((r) => r.protocol)).size, 1);
        const rows = await ts.server.database.db.selectFrom('submissions').select('id').where('idempotency_key', '=', 'racing-retries-1').execute();
        assert.equal(rows.length, 1);
      });

      it('refuses the same idempotency key with different data', async () => {
        const client = ts.client({ key: 'pk_demo_manzoni' });
        const data = sampleFor('school-request', manzoni);
        await client.submissions.submit.mutate({ formId: 'school-request', version: 1, data, idempotencyKey: 'reused-key-1' });
        const changed = { ...data, notes: 'something else entirely' };
        const error = await expectTrpcError(client.submissions.submit.mutate({ formId: 'school-request', version: 1, data: changed, idempotencyKey: 'reused-key-1' }));
        assert.equal(error.data?.code, 'CONFLICT');
      });

      it('answers field errors in Italian and in English, naming the fields, and writes nothing', async () => {
        const before = await countRows(ts.server.database.db);
        const data = sampleFor('school-request', manzoni);
        const requiredKeys = getForm('school-request')!.sections.flatMap((s) => s.fields).filter((f) => f.required && !f.when).map((f) => f.key);
        const missing = requiredKeys[0]!;
        delete data[missing];
        const it_ = await expectTrpcError(ts.client({ key: 'pk_demo_manzoni' }).submissions.submit.mutate({ formId: 'school-request', version: 1, data }));
        const en = await expectTrpcError(ts.client({ key: 'pk_demo_manzoni', locale: 'en' }).submissions.submit.mutate({ formId: 'school-request', version: 1, data }));
        const field = getForm('school-request')!.sections.flatMap((s) => s.fields).find((f) => f.key === missing)!;
        assert.equal(it_.data?.code, 'BAD_REQUEST');
        assert.ok(it_.data?.fieldErrors?.[missing]?.includes(field.label.it), JSON.stringify(it_.data?.fieldErrors));
        assert.ok(en.data?.fieldErrors?.[missing]?.includes(field.label.en), JSON.stringify(en.data?.fieldErrors));
        assert.notEqual(it_.message, en.message);
        assert.deepEqual(await countRows(ts.server.database.db), before);
      });

      it('refuses a form the organisation may not send, and a mediator’s report sent with a key', async () => {
        const service = ts.client({ key: 'pk_demo_servizi' });
        const wrongKind = await expectTrpcError(service.submissions.submit.mutate({ formId: 'school-request', version: 1, data: sampleFor('school-request', servizi) }));
        assert.equal(wrongKind.data?.code, 'FORBIDDEN');
        const report = await expectTrpcError(ts.client({ key: 'pk_demo_manzoni' }).submissions.submit.mutate({ formId: 'school-report', version: 1, data: sampleFor('school-report', manzoni) }));
        assert.equal(report.data?.code, 'BAD_REQUEST');
      });

      it('takes no report (A.2, A.4) as a submission, from anyone: a report is filed against its appointment', async () => {
        const before = await countRows(ts.server.database.db);
        for (const email of ['amina.elidrissi@demo.ponte.test', 'coordinatrice@demo.ponte.test']) {
          for (const locale of ['it', 'en'] as const) {
            const client = ts.client({ token: await signIn(ts, email), locale });
            for (const [formId, organisationId] of [['school-report', manzoni], ['service-report', servizi]] as const) {
              const e = await expectTrpcError(client.submissions.submit.mutate({ formId, version: 1, data: sampleFor(formId, organisationId), organisationId }));
              assert.equal(e.data?.code, 'BAD_REQUEST');
              assert.match(e.message, locale === 'it' ? /per il suo appuntamento \(reports\.file\)/ : /for their appointment \(reports\.file\)/);
              assert.ok((e.data as { fieldErrors?: Record<string, string> }).fieldErrors?.formId);
            }
          }
        }
        const after = await countRows(ts.server.database.db);
        assert.deepEqual({ ...after, sessions: 0, audit_events: 0 }, { ...before, sessions: 0, audit_events: 0 }, 'nothing stored but the sign-ins');
      });

      it('takes every form from whoever may send it', async () => {
        const service = ts.client({ key: 'pk_demo_servizi' });
        for (const formId of ['service-request', 'ethnoclinical-request'] as const) {
          const r = await service.submissions.submit.mutate({ formId, version: 1, data: sampleFor(formId, servizi) });
          assert.match(r.protocol, PROTOCOL, formId);
        }
        const q = await ts.client({ key: 'pk_demo_rodari' }).submissions.submit.mutate({ formId: 'school-questionnaire', version: 1, data: sampleFor('school-questionnaire', rodari) });
        assert.match(q.protocol, PROTOCOL);
      });

      it('refuses an unknown form or version, an unknown key and a filled honeypot, writing nothing', async () => {
        const before = await countRows(ts.server.database.db);
        const client = ts.client({ key: 'pk_demo_manzoni' });
        const data = sampleFor('school-request', manzoni);
        assert.equal((await expectTrpcError(client.submissions.submit.mutate({ formId: 'school-request', version: 99, data }))).data?.code, 'NOT_FOUND');
        assert.equal((await expectTrpcError(client.submissions.submit.mutate({ formId: 'nope', version: 1, data }))).data?.code, 'NOT_FOUND');
        assert.equal((await expectTrpcError(ts.client({ key: 'pk_unknown' }).submissions.submit.mutate({ formId: 'school-request', version: 1, data }))).data?.code, 'UNAUTHORIZED');
        assert.equal((await expectTrpcError(ts.client().submissions.submit.mutate({ formId: 'school-request', version: 1, data }))).data?.code, 'UNAUTHORIZED');
        assert.equal((await expectTrpcError(client.submissions.submit.mutate({ formId: 'school-request', version: 1, data, website: 'http://spam' }))).data?.code, 'BAD_REQUEST');
        assert.deepEqual(await countRows(ts.server.database.db), before);
      });

      it('refuses a publishable key used from an origin it does not list', async () => {
        const data = sampleFor('school-request', manzoni);
        const foreign = await expectTrpcError(ts.client({ key: 'pk_demo_manzoni', origin: 'https://evil.example' }).submissions.submit.mutate({ formId: 'school-request', version: 1, data }));
        assert.equal(foreign.data?.code, 'FORBIDDEN');
        assert.match(foreign.message, /evil\.example/);
        // Tenant B's key works from its own site only.
        const own = await ts.client({ key: other.key, origin: OTHER_ORIGIN }).submissions.submit.mutate({ formId: 'school-request', version: 1, data: sampleFor('school-request', other.schoolId) });
        assert.match(own.protocol, PROTOCOL);
        const ponte = await ts.client({ key: 'pk_demo_manzoni', origin: 'http://ponte.test' }).submissions.submit.mutate({ formId: 'school-request', version: 1, data });
        assert.match(ponte.protocol, PROTOCOL);
      });

      it('refuses an organisation field naming another organisation', async () => {
        const fieldKey = getForm('school-request')!.sections.flatMap((s) => s.fields).find((f) => f.kind === 'organisation')?.key;
        if (!fieldKey) return;
        const error = await expectTrpcError(ts.client({ key: 'pk_demo_manzoni' }).submissions.submit.mutate({ formId: 'school-request', version: 1, data: sampleFor('school-request', rodari) }));
        assert.equal(error.data?.code, 'BAD_REQUEST');
        assert.ok(error.data?.fieldErrors?.[fieldKey]);
      });
    });

    describe('track', () => {
      it('answers status and dates only, never content', async () => {
        const receipt = await ts.client({ key: 'pk_demo_manzoni' }).submissions.submit.mutate({ formId: 'school-request', version: 1, data: sampleFor('school-request', manzoni) });
        const status = await ts.client().submissions.track.query({ trackingCode: receipt.trackingCode });
        // The dates of each status and the reason of a rejection or cancellation (requests/tracking.ts), nothing more.
        assert.deepEqual(Object.keys(status).sort(), ['history', 'reason', 'status', 'submittedAt', 'updatedAt']);
        assert.deepEqual(status.history, [{ status: 'received', at: receipt.submittedAt }]);
        assert.equal(status.reason, null);
        assert.equal(status.status, 'received');
        assert.equal(status.submittedAt, receipt.submittedAt);
        // What a person types: lower case, no dashes.
        const typed = receipt.trackingCode.toLowerCase().replace(/-/g, ' ');
        assert.equal((await ts.client().submissions.track.query({ trackingCode: typed })).status, 'received');
      });

      it('answers NOT_FOUND for an unknown code and BAD_REQUEST for a malformed one', async () => {
        assert.equal((await expectTrpcError(ts.client().submissions.track.query({ trackingCode: '0000-0000-0000-0000' }))).data?.code, 'NOT_FOUND');
        const bad = await expectTrpcError(ts.client().submissions.track.query({ trackingCode: 'hello' }));
        assert.equal(bad.data?.code, 'BAD_REQUEST');
        assert.ok(bad.data?.fieldErrors?.trackingCode);
      });
    });

    describe('who reads what', () => {
      let a5ByStaff: string;
      let a5ByKey: string;
      let a1Rodari: string;

      before(async () => {
        const operatrice = await signIn(ts, 'operatrice.servizi@demo.ponte.test');
        const byStaff = await ts.client({ token: operatrice }).submissions.submit.mutate({ formId: 'ethnoclinical-request', version: 1, data: sampleFor('ethnoclinical-request', servizi) });
        const byKey = await ts.client({ key: 'pk_demo_servizi' }).submissions.submit.mutate({ formId: 'ethnoclinical-request', version: 1, data: sampleFor('ethnoclinical-request', servizi) });
        const rodariReceipt = await ts.client({ key: 'pk_demo_rodari' }).submissions.submit.mutate({ formId: 'school-request', version: 1, data: sampleFor('school-request', rodari) });
        const db = ts.server.database.db;
        const idOf = async (protocol: string) => (await db.selectFrom('submissions').select('id').where('protocol', '=', protocol).executeTakeFirstOrThrow()).id;
        a5ByStaff = await idOf(byStaff.protocol);
        a5ByKey = await idOf(byKey.protocol);
        a1Rodari = await idOf(rodariReceipt.protocol);
      });

      it('lets a coordinator list the whole tenant, content-free, and nothing of another tenant', async () => {
        const coordinator = ts.client({ token: await signIn(ts, 'coordinatrice@demo.ponte.test') });
        const page = await coordinator.submissions.list.query({ limit: 100 });
        assert.ok(page.items.length >= 5);
        assert.ok(page.items.every((s) => !('data' in s)));
        const ours = new Set([manzoni, rodari, servizi]);
        assert.ok(page.items.every((s) => ours.has(s.organisationId)));
        const otherCoord = ts.client({ token: await signIn(ts, other.emails.coordinator, 'other-tenant-pass') });
        const theirs = await otherCoord.submissions.list.query({ limit: 100 });
        assert.ok(theirs.items.every((s) => s.organisationId === other.schoolId));
        assert.equal((await expectTrpcError(otherCoord.submissions.get.query({ id: a1Rodari }))).data?.code, 'NOT_FOUND');
        assert.equal((await expectTrpcError(otherCoord.organisations.get.query({ id: manzoni }))).data?.code, 'NOT_FOUND');
        const orgs = await otherCoord.organisations.list.query();
        assert.deepEqual(new Set(orgs.map((o) => o.id)), new Set([other.schoolId, other.serviceId]));
      });

      it('pages with a cursor without repeating or skipping', async () => {
        const coordinator = ts.client({ token: await signIn(ts, 'coordinatrice@demo.ponte.test') });
        const all = await coordinator.submissions.list.query({ limit: 100 });
        const seen: string[] = [];
        let cursor: string | undefined;
        do {
          const page = await coordinator.submissions.list.query({ limit: 2, ...(cursor ? { cursor } : {}) });
          seen.push(...page.items.map((s) => s.id));
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        assert.deepEqual(seen, all.items.map((s) => s.id));
      });

      it('shows a requester their organisation’s submissions only', async () => {
        const requester = ts.client({ token: await signIn(ts, 'referente.manzoni@demo.ponte.test') });
        const page = await requester.submissions.list.query({ limit: 100 });
        assert.ok(page.items.length > 0);
        assert.ok(page.items.every((s) => s.organisationId === manzoni));
        assert.equal((await expectTrpcError(requester.submissions.get.query({ id: a1Rodari }))).data?.code, 'NOT_FOUND');
      });

      it('gives A.5 content to the tenant’s clinicians and its requester only, auditing each read', async () => {
        const db = ts.server.database.db;
        const audits = async (id: string) =>
          (await db.selectFrom('audit_events').select('action').where('subject_id', '=', id).execute()).filter((a) => a.action === 'submission.special_category_read').length;

        const clinician = ts.client({ token: await signIn(ts, 'clinica@demo.ponte.test') });
        const read = await clinician.submissions.get.query({ id: a5ByKey });
        assert.equal(read.formId, 'ethnoclinical-request');
        assert.ok(Object.keys(read.data).length > 0);
        await clinician.submissions.get.query({ id: a5ByKey });
        assert.equal(await audits(a5ByKey), 2);
        const listed = await clinician.submissions.list.query({ limit: 100 });
        assert.ok(listed.items.length >= 2 && listed.items.every((s) => s.formId === 'ethnoclinical-request'));

        const requester = ts.client({ token: await signIn(ts, 'operatrice.servizi@demo.ponte.test') });
        assert.equal((await requester.submissions.get.query({ id: a5ByStaff })).formId, 'ethnoclinical-request');
        assert.equal(await audits(a5ByStaff), 1);
        // The same service's A.5 sent through the public widget is not hers to read.
        assert.equal((await expectTrpcError(requester.submissions.get.query({ id: a5ByKey }))).data?.code, 'NOT_FOUND');
        assert.ok(!(await requester.submissions.list.query({ limit: 100 })).items.some((s) => s.id === a5ByKey));

        const coordinator = ts.client({ token: await signIn(ts, 'coordinatrice@demo.ponte.test') });
        const refused = await expectTrpcError(coordinator.submissions.get.query({ id: a5ByKey }));
        assert.equal(refused.data?.code, 'FORBIDDEN');
        const otherRequester = ts.client({ token: await signIn(ts, 'referente.manzoni@demo.ponte.test') });
        assert.equal((await expectTrpcError(otherRequester.submissions.get.query({ id: a5ByStaff }))).data?.code, 'NOT_FOUND');
        const otherClinician = ts.client({ token: await signIn(ts, other.emails.clinician, 'other-tenant-pass') });
        assert.equal((await expectTrpcError(otherClinician.submissions.get.query({ id: a5ByKey }))).data?.code, 'NOT_FOUND');
        // Refused reads are not content reads: the audit count is unchanged.
        assert.equal(await audits(a5ByKey), 2);
      });

      it('lets a publishable key see its own organisation only', async () => {
        const current = await ts.client({ key: 'pk_demo_manzoni' }).organisations.current.query();
        assert.equal(current?.id, manzoni);
        assert.equal(current?.kind, 'school');
        assert.ok((current?.sites.length ?? 0) > 0);
        const error = await expectTrpcError(ts.client({ key: 'pk_demo_manzoni' }).submissions.list.query({}));
        assert.equal(error.data?.code, 'UNAUTHORIZED');
      });
    });
  });
}
