import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SAMPLE_SUBMISSIONS } from '@ponte/forms';
import { appRouter } from '../../src/app.router.js';
import { fromJson } from '../../src/db/values.js';
import type { DomainEvent, DomainEventType } from '../../src/events/domain-event.js';
import { databaseKinds } from '../helpers/databases.js';
import { reportKit } from '../helpers/reports.js';
import { hoursAgo, sendRequest } from '../helpers/requests.js';
import { sampleFor } from '../helpers/samples.js';
import { schedulingFixture, type SchedulingFixture } from '../helpers/scheduling.js';
import { expectTrpcError, signIn, startTestServer, type TestServer } from '../helpers/test-server.js';

/*
 * What each mutation of the API announces in `domain_events` (events/emit.ts):
 * the exact event types, the ids that matter, who acted and in which tenant.
 * The last test holds the suite to the router: a new mutation without an
 * expectation here fails it.
 */

type Client = ReturnType<TestServer['client']>;
type Actor = { kind: 'user' | 'key'; id: string };
/** The member of the union an event type belongs to (the mediator.* types share one). */
type Of<T extends DomainEventType> = DomainEvent extends infer E ? (E extends { type: infer U } ? (T extends U ? E : never) : never) : never;

// At run time `_def.procedures` is flat, keyed by dotted path ('requests.review'); its static type is the nested record.
const MUTATIONS = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>)
  .filter(([, p]) => p._def.type === 'mutation')
  .map(([path]) => path)
  .sort();

/** The payload each type declares (events/domain-event.ts), exactly: nothing else may travel, so no content can. */
const PAYLOAD_KEYS: { [T in DomainEventType]: (keyof Omit<Of<T>, 'type'>)[] } = {
  'request.received': ['requestId', 'formId', 'organisationId'],
  'questionnaire.received': ['submissionId', 'formId', 'organisationId'],
  'questionnaire.corrected': ['submissionId', 'formId', 'organisationId', 'revision'],
  'request.moved': ['requestId', 'formId', 'from', 'to', 'cause'],
  'appointment.booked': ['appointmentIds', 'seriesId', 'requestId', 'organisationId', 'mediatorId', 'action'],
  'appointment.moved': ['appointmentId', 'requestId', 'sequence'],
  'appointment.cancelled': ['appointmentId', 'requestId', 'sequence', 'late'],
  'appointment.outcome_recorded': ['appointmentId', 'requestId', 'outcome'],
  'report.filed': ['reportId', 'appointmentId', 'requestId', 'organisationId'],
  'report.corrected': ['reportId', 'appointmentId'],
  'report.countersigned': ['reportId', 'appointmentId', 'requestId'],
  'report.reopened': ['reportId', 'appointmentId', 'requestId'],
  'mediator.created': ['mediatorId'],
  'mediator.updated': ['mediatorId'],
  'mediator.deactivated': ['mediatorId'],
  'mediator.reactivated': ['mediatorId'],
  'availability.changed': ['mediatorId'],
  'budget.set': ['organisationId', 'action', 'schoolYear'],
  'settings.updated': [],
  'narrative.saved': ['narrativeId', 'year', 'quarter', 'revision'],
  'calendar_feed.rotated': ['feedId', 'ownerKind', 'ownerId'],
  'calendar_feed.revoked': ['feedId', 'ownerKind', 'ownerId'],
};

const REASONS = { reject: 'Richiesta fuori dal territorio', cancel: 'Famiglia trasferita in altro comune', withdraw: 'Incontro non più necessario', reopen: 'Firma apposta per errore' };
/** Free text sent in these tests (the samples' answers with a space in them: names, needs, places, descriptions; the reasons). */
const leaves = (v: unknown): string[] => (typeof v === 'string' ? [v] : v && typeof v === 'object' ? Object.values(v).flatMap(leaves) : []);
const FREE_TEXT = [...leaves(SAMPLE_SUBMISSIONS), ...Object.values(REASONS)].filter((s) => /\s/.test(s));

/** The mutations sent through watched clients during one probe, with who sent them. */
let sending: { path: string; actor: Actor | null }[] | undefined;

/** A client that notes each mutation it sends, so that coverage counts what was called, not what a label says. */
function watched(client: Client, actor: Actor | null): Client {
  const wrap = (target: object, path: string[]): object =>
    new Proxy(target, {
      get(t, prop) {
        const value = Reflect.get(t, prop) as object | undefined;
        // `then` is undefined (tRPC's proxies are not thenables), so an awaited client stays a client.
        if (typeof prop !== 'string' || value === undefined) return value;
        if (prop !== 'mutate') return wrap(value, [...path, prop]);
        return (...args: unknown[]) => {
          sending?.push({ path: path.join('.'), actor });
          return (value as (...a: unknown[]) => unknown)(...args);
        };
      },
    });
  return wrap(client, []) as Client;
}

const types = (events: DomainEvent[]) => events.map((e) => e.type).sort();
const ofType = <T extends DomainEventType>(events: DomainEvent[], type: T) => events.filter((e): e is Of<T> => e.type === type);
function one<T extends DomainEventType>(events: DomainEvent[], type: T): Of<T> {
  const found = ofType(events, type);
  assert.equal(found.length, 1, `one ${type}, got ${types(events).join(', ')}`);
  return found[0]!;
}
/** A call's request moves as `from→to (cause)`, sorted (one call may write a chain: held then reported); all of one request. */
function moves(events: DomainEvent[], requestId: string): string[] {
  const found = ofType(events, 'request.moved');
  for (const m of found) assert.equal(m.requestId, requestId);
  return found.map((m) => `${m.from}→${m.to} (${m.cause})`).sort();
}

/** Reads the events one call writes; checks what every event must hold, whatever the call. */
function eventProbe(ts: TestServer, tenantId: string) {
  const db = () => ts.server.database.db;
  const exercised = new Set<string>();
  const ids = async () => new Set((await db().selectFrom('domain_events').select('id').execute()).map((r) => r.id));
  async function since(known: Set<string>) {
    const rows = await db().selectFrom('domain_events').select(['id', 'type', 'tenant_id', 'actor_kind', 'actor_id', 'payload']).execute();
    return rows.filter((r) => !known.has(r.id)).map((r) => ({ ...r, payload: fromJson<Record<string, unknown>>(r.payload) }));
  }

  /** Runs one mutation through a watched client: its answer and the events it wrote, each checked for tenant, actor and content. */
  async function written<T>(call: () => Promise<T>): Promise<{ result: T; events: DomainEvent[] }> {
    const known = await ids();
    const calls: NonNullable<typeof sending> = (sending = []);
    const result = await call().finally(() => (sending = undefined));
    const [sent, ...more] = calls;
    assert.ok(sent && more.length === 0, 'one watched mutation per probe');
    exercised.add(sent.path);
    const rows = await since(known);
    for (const row of rows) {
      const where: string = `${sent.path} → ${row.type}`;
      assert.equal(row.tenant_id, tenantId, `${where}: the caller's tenant`);
      assert.deepEqual({ kind: row.actor_kind, id: row.actor_id }, sent.actor, `${where}: the caller as actor`);
      assert.deepEqual(Object.keys(row.payload).sort(), [...PAYLOAD_KEYS[row.type as DomainEventType]].sort(), `${where}: the declared payload`);
      const json = JSON.stringify(row.payload);
      assert.doesNotMatch(json, /"data"\s*:/, `${where}: no form data`);
      for (const text of FREE_TEXT) assert.ok(!json.includes(text), `${where}: no free text (${text.slice(0, 30)}…)`);
    }
    return { result, events: rows.map((r) => ({ type: r.type, ...r.payload }) as DomainEvent) };
  }

  /** A call refused with `code` writes no event: its transaction rolled back, or it never began. */
  async function refused(code: string, call: () => Promise<unknown>): Promise<void> {
    const known = await ids();
    const error = await expectTrpcError(call());
    assert.equal(error.data?.code, code, error.message);
    assert.deepEqual((await since(known)).map((r) => r.type), [], `refused (${code}) yet announced`);
  }

  return { written, refused, exercised };
}

const KEY = 'pk_demo_manzoni';

for (const kind of await databaseKinds()) {
  describe(`domain events on ${kind}`, () => {
    let ts: TestServer;
    let fx: SchedulingFixture;
    let probe: ReturnType<typeof eventProbe>;
    let coordinator: Client;
    let amina: Client;
    let referent: Client;
    let clinician: Client;
    let manzoniKey: Client;
    let kit: ReturnType<typeof reportKit>;
    const written = <T>(call: () => Promise<T>) => probe.written(call);
    const refused = (code: string, call: () => Promise<unknown>) => probe.refused(code, call);

    const userOf = (email: string) => ts.server.database.db.selectFrom('users').select(['id', 'tenant_id']).where('email', '=', email).executeTakeFirstOrThrow();
    const idOf = async (trackingCode: string) =>
      (await ts.server.database.db.selectFrom('submissions').select('id').where('tracking_code', '=', trackingCode).executeTakeFirstOrThrow()).id;
    const staff = async (email: string, token?: string) => watched(ts.client({ token: token ?? (await signIn(ts, email)) }), { kind: 'user', id: (await userOf(email)).id });

    before(async () => {
      ts = await startTestServer(kind);
      fx = await schedulingFixture(ts);
      probe = eventProbe(ts, (await userOf('coordinatrice@demo.ponte.test')).tenant_id);
      coordinator = await staff('coordinatrice@demo.ponte.test', fx.coordinator);
      amina = await staff('amina.elidrissi@demo.ponte.test');
      referent = await staff('referente.manzoni@demo.ponte.test');
      clinician = await staff('clinica@demo.ponte.test');
      // A key acts as itself: its id in publishable_keys, not its secret.
      const keyRow = await ts.server.database.db.selectFrom('publishable_keys').select('id').where('key', '=', KEY).executeTakeFirstOrThrow();
      manzoniKey = watched(ts.client({ key: KEY }), { kind: 'key', id: keyRow.id });
      kit = reportKit(ts, fx, coordinator);
    });
    after(() => ts.close());

    // Set-up calls happen outside `written`, so they count for nothing here.
    const newA1 = () => sendRequest(ts, 'school-request', fx.orgs.manzoni, { key: KEY });
    const approved = async (hoursAuthorised = 4) => {
      const r = await newA1();
      await coordinator.requests.review.mutate({ id: r.id });
      await coordinator.requests.approve.mutate({ id: r.id, hoursAuthorised });
      return r;
    };
    // Coordinators book outside availability, so each future booking takes its own two hours of February 2027.
    let hour = 0;
    const future = () => new Date(Date.UTC(2027, 1, 1, 6) + 2 * 3_600_000 * hour++).toISOString();
    const booking = (start: string, submissionId?: string) =>
      ({ mediatorId: fx.mediators.li!, organisationId: fx.orgs.manzoni, ...(submissionId ? { submissionId } : {}), action: '1', start, durationMinutes: 60, mode: 'video' }) as const;

    it('auth.signIn and auth.signOut write none: sessions are audited, not domain state', async () => {
      const signedIn = await written(() => watched(ts.client(), null).auth.signIn.mutate({ email: 'admin@demo.ponte.test', password: 'ponte-demo-2026' }));
      assert.deepEqual(signedIn.events, []);
      const admin = await staff('admin@demo.ponte.test', signedIn.result.token);
      assert.deepEqual((await written(() => admin.auth.signOut.mutate())).events, []);
    });

    it('submissions.submit: a request → request.received, the questionnaire → questionnaire.received; a retry writes none', async () => {
      const input = { formId: 'school-request', version: 1, data: sampleFor('school-request', fx.orgs.manzoni), idempotencyKey: 'events-a1-0001' } as const;
      const a1 = await written(() => manzoniKey.submissions.submit.mutate(input));
      assert.deepEqual(a1.events, [{ type: 'request.received', requestId: await idOf(a1.result.trackingCode), formId: 'school-request', organisationId: fx.orgs.manzoni }]);
      const retry = await written(() => manzoniKey.submissions.submit.mutate(input));
      assert.equal(retry.result.protocol, a1.result.protocol);
      assert.deepEqual(retry.events, []);

      // An A.5, sent by staff on a service's behalf: its content is the most guarded, its event as bare as any.
      const a5 = await written(() => coordinator.submissions.submit.mutate({ formId: 'ethnoclinical-request', version: 1, organisationId: fx.orgs.servizi, data: sampleFor('ethnoclinical-request', fx.orgs.servizi) }));
      assert.deepEqual(types(a5.events), ['request.received']);
      assert.equal(one(a5.events, 'request.received').formId, 'ethnoclinical-request');

      const q = await written(() => manzoniKey.submissions.submit.mutate({ formId: 'school-questionnaire', version: 1, data: sampleFor('school-questionnaire', fx.orgs.manzoni) }));
      assert.deepEqual(q.events, [{ type: 'questionnaire.received', submissionId: await idOf(q.result.trackingCode), formId: 'school-questionnaire', organisationId: fx.orgs.manzoni }]);
      // The same school and school year again: a correction of that answer, not a second one.
      const sample = sampleFor('school-questionnaire', fx.orgs.manzoni);
      const again = await written(() => manzoniKey.submissions.submit.mutate({ formId: 'school-questionnaire', version: 1, data: { ...sample, trainingNeeds: 'Formazione sul colloquio con le famiglie.' } }));
      assert.equal(again.result.protocol, q.result.protocol);
      assert.deepEqual(again.events, [{ type: 'questionnaire.corrected', submissionId: await idOf(q.result.trackingCode), formId: 'school-questionnaire', organisationId: fx.orgs.manzoni, revision: 1 }]);
      await refused('BAD_REQUEST', () => manzoniKey.submissions.submit.mutate({ ...input, idempotencyKey: 'events-a1-0002', data: { ...input.data, need: '' } }));
    });

    it('requests.review, approve and reject: one request.moved each, caused by the action; a move not allowed writes none', async () => {
      const r = await newA1();
      assert.deepEqual(moves((await written(() => coordinator.requests.review.mutate({ id: r.id }))).events, r.id), ['received→in_review (review)']);
      const ok = await written(() => coordinator.requests.approve.mutate({ id: r.id, hoursAuthorised: 2 }));
      assert.deepEqual(types(ok.events), ['request.moved']);
      assert.deepEqual(one(ok.events, 'request.moved'), { type: 'request.moved', requestId: r.id, formId: 'school-request', from: 'in_review', to: 'approved', cause: 'approve' });
      await refused('CONFLICT', () => coordinator.requests.review.mutate({ id: r.id }));

      const s = await newA1();
      await coordinator.requests.review.mutate({ id: s.id });
      assert.deepEqual(moves((await written(() => coordinator.requests.reject.mutate({ id: s.id, reason: REASONS.reject }))).events, s.id), ['in_review→rejected (reject)']);
      await refused('FORBIDDEN', () => referent.requests.approve.mutate({ id: s.id, hoursAuthorised: 1 }));
    });

    it('requests.cancel and requests.withdraw: the scheduled appointment’s appointment.cancelled and the request.moved', async () => {
      const r = await approved();
      const { appointments: [a] } = await coordinator.scheduling.book.mutate(booking(future(), r.id));
      const cancelled = await written(() => coordinator.requests.cancel.mutate({ id: r.id, reason: REASONS.cancel }));
      assert.deepEqual(types(cancelled.events), ['appointment.cancelled', 'request.moved']);
      assert.deepEqual(one(cancelled.events, 'appointment.cancelled'), { type: 'appointment.cancelled', appointmentId: a!.id, requestId: r.id, sequence: 1, late: false });
      assert.deepEqual(moves(cancelled.events, r.id), ['scheduled→cancelled (cancel)']);

      // Withdrawn by the key that sent it, with its tracking code: the key is the actor of both events.
      const w = await approved();
      const { appointments: [b] } = await coordinator.scheduling.book.mutate(booking(future(), w.id));
      const withdrawn = await written(() => manzoniKey.requests.withdraw.mutate({ trackingCode: w.trackingCode, reason: REASONS.withdraw }));
      assert.deepEqual(types(withdrawn.events), ['appointment.cancelled', 'request.moved']);
      assert.equal(one(withdrawn.events, 'appointment.cancelled').appointmentId, b!.id);
      assert.deepEqual(moves(withdrawn.events, w.id), ['scheduled→withdrawn (withdraw)']);
      await refused('CONFLICT', () => manzoniKey.requests.withdraw.mutate({ trackingCode: w.trackingCode }));
    });

    it('scheduling.book, reschedule and cancel: the appointment’s event, and the request’s move when its status follows', async () => {
      const r = await approved(1);
      const start = future();
      const booked = await written(() => coordinator.scheduling.book.mutate(booking(start, r.id)));
      const [a] = booked.result.appointments;
      assert.deepEqual(types(booked.events), ['appointment.booked', 'request.moved']);
      assert.deepEqual(one(booked.events, 'appointment.booked'), { type: 'appointment.booked', appointmentIds: [a!.id], seriesId: null, requestId: r.id, organisationId: fx.orgs.manzoni, mediatorId: fx.mediators.li, action: '1' });
      assert.deepEqual(moves(booked.events, r.id), ['approved→scheduled (appointment.booked)']);
      // Refused: a clash (checked before any write), and the request's hours, checked after the rows and their event are
      // written in the transaction (booking-guard.ts, onBooked): the rollback takes the event with it.
      await refused('CONFLICT', () => coordinator.scheduling.book.mutate(booking(start)));
      await refused('PRECONDITION_FAILED', () => coordinator.scheduling.book.mutate(booking(future(), r.id)));

      const moved = await written(() => coordinator.scheduling.reschedule.mutate({ id: a!.id, start: future() }));
      assert.deepEqual(moved.events, [{ type: 'appointment.moved', appointmentId: a!.id, requestId: r.id, sequence: 1 }]);
      const cancelled = await written(() => coordinator.scheduling.cancel.mutate({ id: a!.id }));
      assert.deepEqual(types(cancelled.events), ['appointment.cancelled', 'request.moved']);
      assert.deepEqual(one(cancelled.events, 'appointment.cancelled'), { type: 'appointment.cancelled', appointmentId: a!.id, requestId: r.id, sequence: 2, late: false });
      assert.deepEqual(moves(cancelled.events, r.id), ['scheduled→approved (appointment.cancelled)']);
      await refused('CONFLICT', () => coordinator.scheduling.cancel.mutate({ id: a!.id }));

      // A series serving no request: one event for the whole booking; its retry with the same key books and announces nothing.
      const series = { ...booking(future()), series: { weeklyCount: 3 }, idempotencyKey: 'events-series-0001' };
      const weekly = await written(() => coordinator.scheduling.book.mutate(series));
      assert.equal(weekly.result.appointments.length, 3);
      assert.deepEqual(weekly.events, [
        { type: 'appointment.booked', appointmentIds: weekly.result.appointments.map((x) => x.id), seriesId: weekly.result.seriesId, requestId: null, organisationId: fx.orgs.manzoni, mediatorId: fx.mediators.li, action: '1' },
      ]);
      assert.deepEqual((await written(() => coordinator.scheduling.book.mutate(series))).events, []);
    });

    it('scheduling.setOutcome: appointment.outcome_recorded, and the request follows its outcome', async () => {
      const r = await approved();
      const { appointments: [a] } = await coordinator.scheduling.book.mutate(booking(hoursAgo(30), r.id));
      const held = await written(() => coordinator.scheduling.setOutcome.mutate({ id: a!.id, outcome: 'held' }));
      assert.deepEqual(types(held.events), ['appointment.outcome_recorded', 'request.moved']);
      assert.deepEqual(one(held.events, 'appointment.outcome_recorded'), { type: 'appointment.outcome_recorded', appointmentId: a!.id, requestId: r.id, outcome: 'held' });
      assert.deepEqual(moves(held.events, r.id), ['scheduled→held (appointment.outcome)']);
      const corrected = await written(() => coordinator.scheduling.setOutcome.mutate({ id: a!.id, outcome: 'not_held' }));
      assert.deepEqual(types(corrected.events), ['appointment.outcome_recorded', 'request.moved']);
      assert.deepEqual(moves(corrected.events, r.id), ['held→not_held (appointment.outcome)']);
      const { appointments: [later] } = await coordinator.scheduling.book.mutate(booking(future()));
      await refused('CONFLICT', () => coordinator.scheduling.setOutcome.mutate({ id: later!.id, outcome: 'held' }));

      // A consultation (A.5) the clinicians hold without a mediator has no report to wait for: its outcome closes the request, three moves in one call.
      const c = await sendRequest(ts, 'ethnoclinical-request', fx.orgs.servizi, { token: await signIn(ts, 'operatrice.servizi@demo.ponte.test') });
      await clinician.requests.review.mutate({ id: c.id });
      await clinician.requests.approve.mutate({ id: c.id, hoursAuthorised: 2 });
      const alone = await written(() => clinician.scheduling.book.mutate({ ...booking(hoursAgo(40), c.id), mediatorId: null, organisationId: fx.orgs.servizi, action: '2' }));
      assert.equal(one(alone.events, 'appointment.booked').mediatorId, null);
      assert.deepEqual(moves(alone.events, c.id), ['approved→scheduled (appointment.booked)']);
      const done = await written(() => clinician.scheduling.setOutcome.mutate({ id: alone.result.appointments[0]!.id, outcome: 'held' }));
      assert.deepEqual(types(done.events), ['appointment.outcome_recorded', 'request.moved', 'request.moved', 'request.moved']);
      assert.deepEqual(moves(done.events, c.id), ['held→reported (appointment.outcome)', 'reported→closed (appointment.outcome)', 'scheduled→held (appointment.outcome)']);
    });

    it('reports.file, correct, countersign, reopen and requests.close: the report’s event and the request’s moves', async () => {
      const { request, appointment } = await kit.booked('amina');
      const filed = await written(() => amina.reports.file.mutate({ appointmentId: appointment.id, data: kit.reportData(appointment) }));
      const report = filed.result;
      assert.deepEqual(types(filed.events), ['report.filed', 'request.moved', 'request.moved']);
      assert.deepEqual(one(filed.events, 'report.filed'), { type: 'report.filed', reportId: report.id, appointmentId: appointment.id, requestId: request.id, organisationId: fx.orgs.manzoni });
      assert.deepEqual(moves(filed.events, request.id), ['held→reported (report.filed)', 'scheduled→held (report.filed)']);
      await refused('CONFLICT', () => amina.reports.file.mutate({ appointmentId: appointment.id, data: kit.reportData(appointment) }));

      const corrected = await written(() => amina.reports.correct.mutate({ id: report.id, data: kit.reportData(appointment, { endTime: '11:00' }) }));
      assert.deepEqual(corrected.events, [{ type: 'report.corrected', reportId: report.id, appointmentId: appointment.id }]);

      // The last (only) report countersigned closes the request; reopening it reports it again.
      const signed = await written(() => referent.reports.countersign.mutate({ id: report.id, rating: 5 }));
      assert.deepEqual(types(signed.events), ['report.countersigned', 'request.moved']);
      assert.deepEqual(one(signed.events, 'report.countersigned'), { type: 'report.countersigned', reportId: report.id, appointmentId: appointment.id, requestId: request.id });
      assert.deepEqual(moves(signed.events, request.id), ['reported→closed (report.countersigned)']);
      await refused('CONFLICT', () => referent.reports.countersign.mutate({ id: report.id }));
      const reopened = await written(() => coordinator.reports.reopen.mutate({ id: report.id, reason: REASONS.reopen }));
      assert.deepEqual(types(reopened.events), ['report.reopened', 'request.moved']);
      assert.deepEqual(one(reopened.events, 'report.reopened'), { type: 'report.reopened', reportId: report.id, appointmentId: appointment.id, requestId: request.id });
      assert.deepEqual(moves(reopened.events, request.id), ['closed→reported (report.reopened)']);
      await refused('CONFLICT', () => coordinator.reports.reopen.mutate({ id: report.id, reason: REASONS.reopen }));
      const closed = await written(() => coordinator.requests.close.mutate({ id: request.id }));
      assert.deepEqual(moves(closed.events, request.id), ['reported→closed (close)']);
      assert.deepEqual(types(closed.events), ['request.moved']);

      // A session not held goes through not_held on its way to reported.
      const other = await kit.booked('amina');
      const notHeld = await written(() => amina.reports.file.mutate({ appointmentId: other.appointment.id, data: kit.notHeld(other.appointment) }));
      assert.deepEqual(types(notHeld.events), ['report.filed', 'request.moved', 'request.moved']);
      assert.deepEqual(moves(notHeld.events, other.request.id), ['not_held→reported (report.filed)', 'scheduled→not_held (report.filed)']);
    });

    it('mediators.create, update and deactivate: created, updated, deactivated, reactivated', async () => {
      const created = await written(() => coordinator.mediators.create.mutate({ displayName: 'Nadia Events', languages: [{ code: 'sqi', level: 'native' }] }));
      const id = created.result.id;
      assert.deepEqual(created.events, [{ type: 'mediator.created', mediatorId: id }]);
      assert.deepEqual((await written(() => coordinator.mediators.update.mutate({ id, areas: ['Sesto'] }))).events, [{ type: 'mediator.updated', mediatorId: id }]);
      assert.deepEqual((await written(() => coordinator.mediators.update.mutate({ id, active: false }))).events, [{ type: 'mediator.deactivated', mediatorId: id }]);
      // An inactive profile changes only by being reactivated.
      await refused('CONFLICT', () => coordinator.mediators.update.mutate({ id, areas: ['Monza'] }));
      assert.deepEqual((await written(() => coordinator.mediators.update.mutate({ id, active: true }))).events, [{ type: 'mediator.reactivated', mediatorId: id }]);
      assert.deepEqual((await written(() => coordinator.mediators.deactivate.mutate({ id }))).events, [{ type: 'mediator.deactivated', mediatorId: id }]);
      await refused('CONFLICT', () => coordinator.mediators.deactivate.mutate({ id }));
    });

    it('availability.setRules, addException and removeException: availability.changed of the mediator', async () => {
      const changed = (mediatorId: string) => [{ type: 'availability.changed', mediatorId }];
      const ardit = fx.mediators.ardit!;
      const rules = await written(() => coordinator.availability.setRules.mutate({ mediatorId: ardit, rules: [{ weekday: 1, startTime: '09:00', endTime: '13:00' }] }));
      assert.deepEqual(rules.events, changed(ardit));
      // A mediator edits their own, naming nobody: the event names them.
      const added = await written(() => amina.availability.addException.mutate({ date: '2027-03-01', kind: 'unavailable' }));
      assert.deepEqual(added.events, changed(fx.mediators.amina!));
      await refused('CONFLICT', () => amina.availability.addException.mutate({ date: '2027-03-01', kind: 'available', startTime: '15:00', endTime: '16:00' }));
      assert.deepEqual((await written(() => amina.availability.removeException.mutate({ id: added.result.id }))).events, changed(fx.mediators.amina!));
    });

    it('budgets.set → budget.set; scheduling.updateSettings → settings.updated', async () => {
      const budget = await written(() => coordinator.budgets.set.mutate({ organisationId: fx.orgs.rodari, action: '1', schoolYear: '2027/28', hours: 12 }));
      assert.deepEqual(budget.events, [{ type: 'budget.set', organisationId: fx.orgs.rodari, action: '1', schoolYear: '2027/28' }]);
      // The same values again: still a write of the settings, announced.
      const { travelBufferMinutes } = await coordinator.scheduling.settings.query();
      assert.deepEqual((await written(() => coordinator.scheduling.updateSettings.mutate({ travelBufferMinutes }))).events, [{ type: 'settings.updated' }]);
    });

    it('indicators.saveNarrative → narrative.saved with the quarter and revision, never the text; a stale revision writes none', async () => {
      const texts = { activities: 'Accoglienza di 40 alunni neo-arrivati.', strengths: 'Rete con i CPIA.', deviations: '', problems: 'Mediatori di bengalese introvabili.', networks: 'Tavolo con i servizi sociali.' };
      const first = await written(() => coordinator.indicators.saveNarrative.mutate({ year: 2027, quarter: 2, ...texts }));
      assert.equal(first.events.length, 1);
      const saved = one(first.events, 'narrative.saved');
      assert.deepEqual({ ...saved, narrativeId: '' }, { type: 'narrative.saved', narrativeId: '', year: 2027, quarter: 2, revision: 1 });
      const again = await written(() => coordinator.indicators.saveNarrative.mutate({ year: 2027, quarter: 2, ...texts, strengths: 'Rete con i CPIA e le biblioteche.', revision: 1 }));
      assert.deepEqual(again.events, [{ ...saved, revision: 2 }]);
      for (const event of [...first.events, ...again.events]) for (const text of Object.values(texts).filter(Boolean)) assert.ok(!JSON.stringify(event).includes(text));
      await refused('CONFLICT', () => coordinator.indicators.saveNarrative.mutate({ year: 2027, quarter: 2, ...texts, revision: 1 }));
      await refused('CONFLICT', () => coordinator.indicators.saveNarrative.mutate({ year: 2027, quarter: 2, ...texts }));
    });

    it('calendarFeeds.rotate and revoke: calendar_feed.rotated and revoked; revoking twice writes none', async () => {
      const rotated = await written(() => amina.calendarFeeds.rotate.mutate({ ownerKind: 'mediator' }));
      const owner = { ownerKind: 'mediator', ownerId: fx.mediators.amina } as const;
      assert.deepEqual(rotated.events, [{ type: 'calendar_feed.rotated', feedId: rotated.result.id, ...owner }]);
      // Rotating again revokes the previous URL too, announced by this one event (which names the owner), not by a revoked.
      const again = await written(() => amina.calendarFeeds.rotate.mutate({ ownerKind: 'mediator' }));
      assert.deepEqual(again.events, [{ type: 'calendar_feed.rotated', feedId: again.result.id, ...owner }]);
      await refused('NOT_FOUND', () => referent.calendarFeeds.revoke.mutate({ id: again.result.id }));
      const revoked = await written(() => amina.calendarFeeds.revoke.mutate({ id: again.result.id }));
      assert.deepEqual(revoked.events, [{ type: 'calendar_feed.revoked', feedId: again.result.id, ...owner }]);
      assert.deepEqual((await written(() => amina.calendarFeeds.revoke.mutate({ id: again.result.id }))).events, []);
    });

    it('has an expectation above for every mutation of the API', () => {
      assert.deepEqual([...probe.exercised].sort(), MUTATIONS);
    });
  });
}
