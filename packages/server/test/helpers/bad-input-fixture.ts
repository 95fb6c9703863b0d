import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { getForm, type FormId } from '@ponte/forms';
import { insertSession } from '../../src/auth/session.repository.js';
import { insertKey } from '../../src/auth/publishable-key.repository.js';
import type { Db } from '../../src/db/database.js';
import { newId, newSessionToken, newTrackingCode, sha256 } from '../../src/ids.js';
import { insertSubmission } from '../../src/submissions/submission.repository.js';
import { bearer, OWN_ORIGIN, sampleData, type Fixture } from './bad-input-cases.js';
import { buildRequestsFixture } from './bad-input-requests.js';
import { createOtherTenant, OTHER_PASSWORD, organisationIdByKey } from './fixtures.js';
import { signIn, type TestServer } from './test-server.js';

/*
 * What the bad-input suites set up on a fresh server before sending anything:
 * a second tenant, tokens in every state, a revoked key, stored submissions,
 * and the rows the scheduling and request specs act on.
 */

async function userOf(db: Db, email: string) {
  return db.selectFrom('users').select(['id', 'tenant_id']).where('email', '=', email).executeTakeFirstOrThrow();
}

/** A session row made directly: no scrypt, no HTTP. */
async function mintToken(db: Db, email: string, expiresAt: Date): Promise<string> {
  const user = await userOf(db, email);
  const token = newSessionToken();
  await insertSession(db, {
    id: newId(),
    tenantId: user.tenant_id,
    userId: user.id,
    tokenHash: sha256(token),
    createdAt: new Date(Math.min(Date.now(), expiresAt.getTime() - 60_000)).toISOString(),
    expiresAt: expiresAt.toISOString(),
  });
  return token;
}

async function storeSubmission(
  db: Db,
  row: { tenantId: string; organisationId: string; formId: FormId; seq: number; byUserId: string | null },
): Promise<{ id: string; trackingCode: string }> {
  const id = newId();
  const trackingCode = newTrackingCode();
  await insertSubmission(db, {
    id,
    tenantId: row.tenantId,
    organisationId: row.organisationId,
    formId: row.formId,
    formVersion: getForm(row.formId)?.version ?? 1,
    protocolYear: 1999,
    protocolSeq: row.seq,
    protocol: `1999/${String(row.seq).padStart(6, '0')}`,
    trackingCode,
    status: 'received',
    data: sampleData(row.formId, row.organisationId),
    submittedVia: row.byUserId ? 'staff' : 'key',
    submittedByUserId: row.byUserId,
    publishableKeyId: null,
    idempotencyKey: null,
    requestHash: sha256(randomUUID()),
    at: new Date().toISOString(),
  });
  return { id, trackingCode };
}

export async function buildFixture(ts: TestServer): Promise<Fixture> {
  const db = ts.server.database.db;
  const other = await createOtherTenant(db);
  const orgs = {
    manzoni: await organisationIdByKey(db, 'pk_demo_manzoni'),
    rodari: await organisationIdByKey(db, 'pk_demo_rodari'),
    servizi: await organisationIdByKey(db, 'pk_demo_servizi'),
  };
  const inAnHour = new Date(Date.now() + 3_600_000);
  const past = new Date(Date.now() - 60_000);
  const live = (email: string) => mintToken(db, email, inAnHour);
  const coordinatorEmail = 'coordinatrice@demo.ponte.test';
  const tenantA = (await userOf(db, coordinatorEmail)).tenant_id;

  const expiredAfterSignIn = await signIn(ts, coordinatorEmail);
  await db.updateTable('sessions').set({ expires_at: past.toISOString() }).where('token_hash', '=', sha256(expiredAfterSignIn)).execute();

  const revoked = await signIn(ts, coordinatorEmail);
  const signOut = await fetch(`${ts.url}/trpc/auth.signOut`, { method: 'POST', headers: { 'content-type': 'application/json', ...bearer(revoked) } });
  assert.equal(signOut.status, 200, 'set-up: signOut');

  const disabledUser = await signIn(ts, other.emails.mediator, OTHER_PASSWORD);
  await db.updateTable('users').set({ disabled_at: new Date().toISOString() }).where('email', '=', other.emails.mediator).execute();

  const revokedKey = `pk_revoked_${newId().slice(0, 8)}`;
  await insertKey(db, { id: newId(), tenantId: tenantA, organisationId: orgs.manzoni, key: revokedKey, label: 'revocata', origins: [OWN_ORIGIN], createdAt: new Date().toISOString() });
  await db.updateTable('publishable_keys').set({ revoked_at: new Date().toISOString() }).where('key', '=', revokedKey).execute();

  const operatrice = await userOf(db, 'operatrice.servizi@demo.ponte.test');
  const otherRequester = await userOf(db, other.emails.requester);
  const submissions = {
    a: await storeSubmission(db, { tenantId: tenantA, organisationId: orgs.manzoni, formId: 'school-request', seq: 1, byUserId: null }),
    aSpecial: await storeSubmission(db, { tenantId: tenantA, organisationId: orgs.servizi, formId: 'ethnoclinical-request', seq: 2, byUserId: operatrice.id }),
    b: await storeSubmission(db, { tenantId: other.tenantId, organisationId: other.schoolId, formId: 'school-request', seq: 1, byUserId: null }),
    bSpecial: await storeSubmission(db, { tenantId: other.tenantId, organisationId: other.serviceId, formId: 'ethnoclinical-request', seq: 2, byUserId: otherRequester.id }),
  };

  const pool: string[] = [];
  for (let i = 0; i < 120; i++) pool.push(await live(coordinatorEmail));
  const scheduling = await buildSchedulingFixture(ts, { tenantA, otherTenant: other.tenantId, orgs, coordinatorToken: await live(coordinatorEmail), coordinatorUser: (await userOf(db, coordinatorEmail)).id });

  return {
    orgs,
    other,
    tokens: {
      coordinator: await live(coordinatorEmail),
      admin: await live('admin@demo.ponte.test'),
      requester: await live('referente.manzoni@demo.ponte.test'),
      clinician: await live('clinica@demo.ponte.test'),
      mediator: await live('amina.elidrissi@demo.ponte.test'),
      otherCoordinator: await live(other.emails.coordinator),
      otherRequester: await live(other.emails.requester),
      otherClinician: await live(other.emails.clinician),
      expired: await mintToken(db, coordinatorEmail, past),
      expiredAfterSignIn,
      revoked,
      disabledUser,
    },
    revokedKey,
    submissions,
    scheduling,
    requests: await buildRequestsFixture(ts, { tenantA, manzoni: orgs.manzoni, servizi: orgs.servizi }),
    freshToken() {
      const token = pool.pop();
      assert.ok(token, 'the pool of sign-out tokens is used up: make it larger');
      return token;
    },
  };
}

/** Mediators, an exception, a feed and appointments in every state, for the scheduling specs. */
async function buildSchedulingFixture(
  ts: TestServer,
  a: { tenantA: string; otherTenant: string; orgs: Fixture['orgs']; coordinatorToken: string; coordinatorUser: string },
): Promise<Fixture['scheduling']> {
  const db = ts.server.database.db;
  const at = new Date().toISOString();
  const idOf = async (name: string) => (await db.selectFrom('mediators').select('id').where('display_name', '=', name).executeTakeFirstOrThrow()).id;
  const mediator = async (tenantId: string, name: string) => {
    const id = newId();
    await db.insertInto('mediators').values({ id, tenant_id: tenantId, user_id: null, display_name: name, gender: null, areas: '[]', disabled_at: null, created_at: at }).execute();
    await db.insertInto('mediator_languages').values({ mediator_id: id, tenant_id: tenantId, language_code: 'ita', variety: '', level: 'native' }).execute();
    return id;
  };
  const freeMediatorUser = newId();
  await db
    .insertInto('users')
    .values({ id: freeMediatorUser, tenant_id: a.tenantA, organisation_id: null, email: `libera.${freeMediatorUser.slice(0, 6)}@demo.ponte.test`, display_name: 'Mediatrice senza profilo', role: 'mediator', password_hash: 'x', disabled_at: null, created_at: at })
    .execute();
  const amina = await idOf('Amina El Idrissi');
  const rahim = await idOf('Rahim Uddin');
  const exceptionId = newId();
  await db.insertInto('availability_exceptions').values({ id: exceptionId, tenant_id: a.tenantA, mediator_id: amina, date: '2027-03-01', kind: 'unavailable', start_time: null, end_time: null, note: '', created_at: at }).execute();
  const feedId = newId();
  await db.insertInto('ical_feeds').values({ id: feedId, tenant_id: a.tenantA, owner_kind: 'mediator', owner_id: rahim, token_hash: sha256(newId()), created_at: at, revoked_at: null }).execute();

  const staff = ts.client({ token: a.coordinatorToken });
  const book = async (mediatorId: string, start: string, organisationId = a.orgs.manzoni, action: '1' | '2' = '1') =>
    (await staff.scheduling.book.mutate({ mediatorId, organisationId, action, start, durationMinutes: 60, mode: 'video' })).appointments[0]!.id;
  const past = new Date(Math.floor((Date.now() - 3 * 86_400_000) / 3_600_000) * 3_600_000).toISOString();
  const cancelled = await book(amina, '2027-05-06T09:00:00Z');
  await staff.scheduling.cancel.mutate({ id: cancelled });
  return {
    mediators: { amina, rahim, other: await mediator(a.otherTenant, 'Mediatore B') },
    freeMediatorUser,
    coordinatorUser: a.coordinatorUser,
    spareMediators: { update: await mediator(a.tenantA, 'Profilo da aggiornare'), deactivate: await mediator(a.tenantA, 'Profilo da disattivare') },
    exceptionId,
    feedId,
    appointments: {
      reschedule: await book(amina, '2027-05-04T09:00:00Z'),
      cancel: await book(amina, '2027-05-05T09:00:00Z'),
      past: await book(amina, past),
      cancelled,
      servizi: await book(rahim, '2027-05-04T09:00:00Z', a.orgs.servizi, '2'),
    },
  };
}
