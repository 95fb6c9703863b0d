import { randomUUID } from 'node:crypto';
import type { FormId } from '@ponte/forms';
import { insertSession } from '../../src/auth/session.repository.js';
import type { Db } from '../../src/db/database.js';
import { newId, newSessionToken, newTrackingCode, sha256 } from '../../src/ids.js';
import { insertSubmission } from '../../src/submissions/submission.repository.js';
import type { DomainCase, Expectation, Fixture, HeaderMap, ProcedureSpec } from './bad-input-cases.js';
import { romeDate } from './reports.js';
import { sampleFor } from './samples.js';
import type { TestServer } from './test-server.js';

/*
 * The bad-input specs of the request lifecycle (requests.*) and of reports (reports.*). Kept apart from
 * bad-input-cases.ts, as the scheduling ones are; helpers are repeated here
 * rather than imported, since that module imports this one.
 *
 * Each move's baseline acts on a request of its own, in the status the move
 * starts from; the move is then refused the second time (CONFLICT), so the
 * string cases write nothing whatever the text.
 */

const OWN_ORIGIN = 'http://ponte.test';
const OTHER_ORIGIN = 'https://scuola-b.example';
const bearer = (token: string): HeaderMap => ({ authorization: `Bearer ${token}` });
const schoolKey: HeaderMap = { 'x-ponte-key': 'pk_demo_manzoni', origin: OWN_ORIGIN };
const serviceKey: HeaderMap = { 'x-ponte-key': 'pk_demo_servizi', origin: OWN_ORIGIN };
const rodariKey: HeaderMap = { 'x-ponte-key': 'pk_demo_rodari', origin: OWN_ORIGIN };
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

const notFound: Expectation = { status: [404], code: 'NOT_FOUND' };
const forbidden: Expectation = { status: [403], code: 'FORBIDDEN' };
const conflict: Expectation = { status: [409], code: 'CONFLICT' };
const badRequest = (fieldPath: string): Expectation => ({ status: [400], code: 'BAD_REQUEST', fieldPath });

interface Stored {
  id: string;
  trackingCode: string;
}

/** Requests in the statuses the moves start from, and one submission that is not a request. */
export interface RequestsFixture {
  toReview: Stored;
  toApprove: Stored;
  toReject: Stored;
  toCancel: Stored;
  toClose: Stored;
  /** sent through Manzoni's key: withdrawn with the key and its tracking code */
  toWithdraw: Stored;
  questionnaire: Stored;
  reports: ReportsFixture;
}

/** Past appointments of Amina's and reports in each state, for the reports.* specs. */
export interface ReportsFixture {
  /** a token of Rahim, a mediator other than the fixture's (Amina) */
  rahimToken: string;
  /** past appointments of Amina's without a report: one the baseline files, one only refused calls touch */
  toFile: { id: string; startsAt: string };
  untouched: { id: string; startsAt: string };
  /** a past appointment of Amina's at the social service, only refused calls touch (A.4's form-data cases) */
  untouchedService: { id: string; startsAt: string };
  /** filed reports: one the baseline corrects, one the baseline countersigns */
  toCorrect: { id: string; appointment: { id: string; startsAt: string } };
  toCountersign: string;
  /** countersigned: one the baseline reopens, one nothing changes */
  toReopen: string;
  signed: string;
}

type RFx = Fixture & { requests: RequestsFixture };
const rfx = (fx: Fixture) => (fx as RFx).requests;
const rep = (fx: Fixture) => rfx(fx).reports;
type SFx = Fixture & { scheduling: { appointments: { reschedule: string; cancelled: string } } };

/** Rows written directly, in the status each baseline needs (protocol year 1998, apart from the shared fixture's). */
export async function buildRequestsFixture(ts: TestServer, a: { tenantA: string; manzoni: string; servizi: string }): Promise<RequestsFixture> {
  const db = ts.server.database.db;
  let seq = 0;
  const store = async (formId: FormId, status: string, via: 'key' | 'staff' = 'key'): Promise<Stored> => {
    const id = newId();
    const trackingCode = newTrackingCode();
    seq += 1;
    const byUser = via === 'staff' ? (await db.selectFrom('users').select('id').where('email', '=', 'referente.manzoni@demo.ponte.test').executeTakeFirstOrThrow()).id : null;
    await insertSubmission(db, {
      id,
      tenantId: a.tenantA,
      organisationId: a.manzoni,
      formId,
      formVersion: 1,
      protocolYear: 1998,
      protocolSeq: seq,
      protocol: `1998/${String(seq).padStart(6, '0')}`,
      trackingCode,
      status,
      data: sampleFor(formId, a.manzoni),
      submittedVia: via,
      submittedByUserId: byUser,
      publishableKeyId: null,
      idempotencyKey: null,
      requestHash: sha256(randomUUID()),
      at: new Date().toISOString(),
      queue: formId === 'school-request' ? { language: 'ara', urgency: 'ordinaria' } : undefined,
    });
    return { id, trackingCode };
  };
  return {
    toReview: await store('school-request', 'received'),
    toApprove: await store('school-request', 'in_review'),
    toReject: await store('school-request', 'in_review'),
    toCancel: await store('school-request', 'approved', 'staff'),
    toClose: await store('school-request', 'reported'),
    toWithdraw: await store('school-request', 'received'),
    questionnaire: await store('school-questionnaire', 'received'),
    reports: await buildReportsFixture(ts, db, a.manzoni, a.servizi),
  };
}

async function tokenOf(db: Db, email: string): Promise<string> {
  const user = await db.selectFrom('users').select(['id', 'tenant_id']).where('email', '=', email).executeTakeFirstOrThrow();
  const token = newSessionToken();
  const now = Date.now();
  await insertSession(db, { id: newId(), tenantId: user.tenant_id, userId: user.id, tokenHash: sha256(token), createdAt: new Date(now).toISOString(), expiresAt: new Date(now + 3 * 3_600_000).toISOString() });
  return token;
}

export function reportData(manzoni: string, startsAt: string): Record<string, unknown> {
  return { ...sampleFor('school-report', manzoni), sessionDate: romeDate(startsAt) };
}

/** Booked, filed and countersigned over HTTP, as people would: six past sessions of Amina's, a day apart. */
async function buildReportsFixture(ts: TestServer, db: Db, manzoni: string, servizi: string): Promise<ReportsFixture> {
  const coordinator = ts.client({ token: await tokenOf(db, 'coordinatrice@demo.ponte.test') });
  const amina = ts.client({ token: await tokenOf(db, 'amina.elidrissi@demo.ponte.test') });
  const referent = ts.client({ token: await tokenOf(db, 'referente.manzoni@demo.ponte.test') });
  const mediatorId = (await db.selectFrom('mediators').select('id').where('display_name', '=', 'Amina El Idrissi').executeTakeFirstOrThrow()).id;
  const dayStart = Math.floor(Date.now() / 86_400_000) * 86_400_000;
  let day = 4;
  const book = async (organisationId = manzoni, action: '1' | '2' = '1') => {
    const start = new Date(dayStart - (day += 1) * 86_400_000 + 9 * 3_600_000).toISOString();
    // Overridden: in the first days of September these fall in a school year without hours.
    const { appointments } = await coordinator.scheduling.book.mutate({ mediatorId, organisationId, action, start, durationMinutes: 60, mode: 'video', override: true, overrideReason: 'fixture' });
    return { id: appointments[0]!.id, startsAt: appointments[0]!.startsAt };
  };
  const filed = async () => {
    const appointment = await book();
    const report = await amina.reports.file.mutate({ appointmentId: appointment.id, data: reportData(manzoni, appointment.startsAt) });
    return { id: report.id, appointment };
  };
  const countersigned = async () => {
    const { id } = await filed();
    await referent.reports.countersign.mutate({ id });
    return id;
  };
  return {
    rahimToken: await tokenOf(db, 'rahim.uddin@demo.ponte.test'),
    toFile: await book(),
    untouched: await book(),
    untouchedService: await book(servizi, '2'),
    toCorrect: await filed(),
    toCountersign: (await filed()).id,
    toReopen: await countersigned(),
    signed: await countersigned(),
  };
}

function cases(...list: DomainCase[]): DomainCase[] {
  return list;
}

const coordinator = (fx: Fixture) => bearer(fx.tokens.coordinator);

/** The cases every move by id shares: unknown, another tenant's, not a request, seen by nobody of that role. */
function byIdCases(fx: Fixture, input: (id: string) => Record<string, unknown>): DomainCase[] {
  return cases(
    { name: 'unknown id', input: input(UNKNOWN), expect: notFound },
    { name: 'SQL as id', input: input("x' or '1'='1"), expect: badRequest('id') },
    { name: 'tenant B’s A.1', input: input(fx.submissions.b.id), expect: notFound },
    { name: 'tenant B’s coordinator on A’s A.1', input: input(fx.submissions.a.id), headers: bearer(fx.tokens.otherCoordinator), expect: notFound },
    { name: 'a questionnaire is not a request', input: input(rfx(fx).questionnaire.id), expect: notFound },
    { name: 'by a mediator (who sees no request)', input: input(fx.submissions.a.id), headers: bearer(fx.tokens.mediator), expect: notFound },
    { name: 'an A.1 by a clinician (who sees A.5 only)', input: input(fx.submissions.a.id), headers: bearer(fx.tokens.clinician), expect: notFound },
  );
}

export const REQUEST_SPECS: Readonly<Record<string, ProcedureSpec>> = {
  'requests.queue': {
    access: 'staff',
    headers: coordinator,
    baseline: () => ({ status: 'received', limit: 10 }),
    domainCases: (fx) => {
      const cursor = (text: string) => Buffer.from(text).toString('base64url');
      return cases(
        { name: 'listed by a referent', input: {}, headers: bearer(fx.tokens.requester), expect: forbidden },
        { name: 'listed by a mediator', input: {}, headers: bearer(fx.tokens.mediator), expect: forbidden },
        { name: 'a status the lifecycle does not have', input: { status: 'pending' }, expect: badRequest('status') },
        { name: 'an empty list of statuses', input: { status: [] }, expect: badRequest('status') },
        { name: 'a form that is not a request', input: { formId: 'school-report' }, expect: badRequest('formId') },
        { name: 'an urgency the forms do not have', input: { urgency: 'urgent' }, expect: badRequest('urgency') },
        { name: 'a language code in capitals', input: { language: 'ARA' }, expect: badRequest('language') },
        { name: 'cursor without a separator', input: { cursor: cursor('2026-01-01T00:00:00.000Z') }, expect: badRequest('cursor') },
        { name: 'cursor with a non-date', input: { cursor: cursor('ieri|abc') }, expect: badRequest('cursor') },
      );
    },
  },
  'requests.get': {
    access: 'staff',
    headers: coordinator,
    baseline: (fx) => ({ id: fx.submissions.a.id }),
    domainCases: (fx) => [
      ...byIdCases(fx, (id) => ({ id })),
      { name: 'an A.5 by a referent who did not send it', input: { id: fx.submissions.aSpecial.id }, headers: bearer(fx.tokens.requester), expect: notFound },
      { name: 'tenant B’s clinician on A’s A.5', input: { id: fx.submissions.aSpecial.id }, headers: bearer(fx.tokens.otherClinician), expect: notFound },
    ],
  },
  'requests.review': {
    access: 'staff',
    headers: coordinator,
    baseline: (fx) => ({ id: rfx(fx).toReview.id }),
    sideEffects: true,
    domainCases: (fx) => [
      { name: 'reviewed twice', input: { id: rfx(fx).toReview.id }, expect: conflict },
      { name: 'an in-review request', input: { id: rfx(fx).toApprove.id }, expect: conflict },
      { name: 'an A.5 by a coordinator (clinicians review it)', input: { id: fx.submissions.aSpecial.id }, expect: forbidden },
      { name: 'an A.5 by an admin', input: { id: fx.submissions.aSpecial.id }, headers: bearer(fx.tokens.admin), expect: forbidden },
      { name: 'by a referent', input: { id: fx.submissions.a.id }, headers: bearer(fx.tokens.requester), expect: forbidden },
      ...byIdCases(fx, (id) => ({ id })),
    ],
  },
  'requests.approve': {
    access: 'staff',
    headers: coordinator,
    baseline: (fx) => ({ id: rfx(fx).toApprove.id, hoursAuthorised: 6 }),
    sideEffects: true,
    domainCases: (fx) => [
      { name: 'approved twice', input: { id: rfx(fx).toApprove.id, hoursAuthorised: 6 }, expect: conflict },
      { name: 'a request not reviewed yet', input: { id: fx.submissions.a.id, hoursAuthorised: 2 }, expect: conflict },
      { name: 'hours not in quarters', input: { id: rfx(fx).toReject.id, hoursAuthorised: 1.1 }, expect: badRequest('hoursAuthorised') },
      { name: 'no hours', input: { id: rfx(fx).toReject.id, hoursAuthorised: 0 }, expect: badRequest('hoursAuthorised') },
      { name: 'by a referent', input: { id: rfx(fx).toReject.id, hoursAuthorised: 2 }, headers: bearer(fx.tokens.requester), expect: forbidden },
      ...byIdCases(fx, (id) => ({ id, hoursAuthorised: 2 })),
    ],
  },
  'requests.reject': {
    access: 'staff',
    headers: coordinator,
    baseline: (fx) => ({ id: rfx(fx).toReject.id, reason: 'Richiesta fuori dall’ambito del servizio' }),
    sideEffects: true,
    freeText: ['reason'],
    domainCases: (fx) => [
      { name: 'rejected twice', input: { id: rfx(fx).toReject.id, reason: 'di nuovo' }, expect: conflict },
      { name: 'a request not reviewed yet', input: { id: fx.submissions.a.id, reason: 'no' }, expect: conflict },
      { name: 'a reason of spaces', input: { id: fx.submissions.a.id, reason: '   ' }, expect: badRequest('reason') },
      { name: 'an empty reason', input: { id: fx.submissions.a.id, reason: '' }, expect: badRequest('reason') },
      { name: 'by a referent', input: { id: fx.submissions.a.id, reason: 'no' }, headers: bearer(fx.tokens.requester), expect: forbidden },
      ...byIdCases(fx, (id) => ({ id, reason: 'no' })),
    ],
  },
  'requests.cancel': {
    access: 'staff',
    headers: coordinator,
    baseline: (fx) => ({ id: rfx(fx).toCancel.id, reason: 'Alunno trasferito' }),
    sideEffects: true,
    freeText: ['reason'],
    domainCases: (fx) => [
      { name: 'cancelled twice', input: { id: rfx(fx).toCancel.id, reason: 'di nuovo' }, expect: conflict },
      { name: 'a reported request', input: { id: rfx(fx).toClose.id, reason: 'troppo tardi' }, expect: conflict },
      { name: 'an A.5 by a coordinator (clinicians decide on it)', input: { id: fx.submissions.aSpecial.id, reason: 'x' }, expect: forbidden },
      { name: 'by a referent (who withdraws instead)', input: { id: fx.submissions.a.id, reason: 'x' }, headers: bearer(fx.tokens.requester), expect: forbidden },
      { name: 'a reason of spaces', input: { id: fx.submissions.a.id, reason: ' \n ' }, expect: badRequest('reason') },
      ...byIdCases(fx, (id) => ({ id, reason: 'x' })),
    ],
  },
  'requests.withdraw': {
    access: 'submitter',
    headers: () => schoolKey,
    baseline: (fx) => ({ trackingCode: rfx(fx).toWithdraw.trackingCode }),
    sideEffects: true,
    freeText: ['reason'],
    domainCases: (fx) => [
      { name: 'withdrawn twice', input: { trackingCode: rfx(fx).toWithdraw.trackingCode }, expect: conflict },
      { name: 'a key with an id instead of the tracking code', input: { id: fx.submissions.a.id }, expect: badRequest('trackingCode') },
      { name: 'neither id nor tracking code', input: {}, expect: badRequest('id') },
      { name: 'both id and tracking code', input: { id: fx.submissions.a.id, trackingCode: fx.submissions.a.trackingCode }, expect: badRequest('trackingCode') },
      { name: 'an unknown tracking code', input: { trackingCode: 'AAAA-BBBB-CCCC-DDDD' }, expect: notFound },
      { name: 'another school’s key', input: { trackingCode: fx.submissions.a.trackingCode }, headers: rodariKey, expect: notFound },
      { name: 'tenant B’s key', input: { trackingCode: fx.submissions.a.trackingCode }, headers: { 'x-ponte-key': fx.other.key, origin: OTHER_ORIGIN }, expect: notFound },
      { name: 'a key for a request its staff sent', input: { trackingCode: fx.submissions.aSpecial.trackingCode }, headers: serviceKey, expect: forbidden },
      { name: 'a coordinator (who cancels instead)', input: { id: fx.submissions.a.id }, headers: bearer(fx.tokens.coordinator), expect: forbidden },
      { name: 'tenant B’s referent', input: { id: rfx(fx).toCancel.id }, headers: bearer(fx.tokens.otherRequester), expect: notFound },
      { name: 'a reported request, by its referent', input: { id: rfx(fx).toClose.id }, headers: bearer(fx.tokens.requester), expect: conflict },
    ],
  },
  'requests.close': {
    access: 'staff',
    headers: coordinator,
    baseline: (fx) => ({ id: rfx(fx).toClose.id }),
    sideEffects: true,
    domainCases: (fx) => [
      { name: 'closed twice', input: { id: rfx(fx).toClose.id }, expect: conflict },
      { name: 'a request not reported', input: { id: fx.submissions.a.id }, expect: conflict },
      { name: 'by a referent', input: { id: fx.submissions.a.id }, headers: bearer(fx.tokens.requester), expect: forbidden },
      ...byIdCases(fx, (id) => ({ id })),
    ],
  },
  'reports.file': {
    access: 'staff',
    headers: (fx) => bearer(fx.tokens.mediator),
    baseline: (fx) => ({ appointmentId: rep(fx).toFile.id, data: reportData(fx.orgs.manzoni, rep(fx).toFile.startsAt) }),
    sideEffects: true,
    domainCases: (fx) => {
      const untouched = rep(fx).untouched;
      const data = (extra: Record<string, unknown> = {}) => ({ ...reportData(fx.orgs.manzoni, untouched.startsAt), ...extra });
      return cases(
        { name: 'the same appointment again', input: { appointmentId: rep(fx).toFile.id, data: reportData(fx.orgs.manzoni, rep(fx).toFile.startsAt) }, expect: conflict },
        { name: 'another mediator’s appointment', input: { appointmentId: untouched.id, data: data() }, headers: bearer(rep(fx).rahimToken), expect: forbidden },
        { name: 'filed by a coordinator', input: { appointmentId: untouched.id, data: data() }, headers: coordinator(fx), expect: forbidden },
        { name: 'filed by a referent', input: { appointmentId: untouched.id, data: data() }, headers: bearer(fx.tokens.requester), expect: forbidden },
        { name: 'unknown appointment', input: { appointmentId: UNKNOWN, data: data() }, expect: notFound },
        { name: 'an appointment still to come', input: { appointmentId: (fx as SFx).scheduling.appointments.reschedule, data: data() }, expect: conflict },
        { name: 'a cancelled appointment', input: { appointmentId: (fx as SFx).scheduling.appointments.cancelled, data: data() }, expect: conflict },
        { name: 'another day than the appointment’s', input: { appointmentId: untouched.id, data: data({ sessionDate: '2020-01-06' }) }, expect: badRequest('sessionDate') },
        { name: 'a required field left out', input: { appointmentId: untouched.id, data: data({ description: undefined }) }, expect: badRequest('description') },
        { name: 'the end before the start', input: { appointmentId: untouched.id, data: data({ startTime: '11:00', endTime: '10:00' }) }, expect: badRequest('endTime') },
        { name: 'the referent’s countersignature filled by the mediator', input: { appointmentId: untouched.id, data: data({ referentSignature: { name: 'Marco Villa', confirmed: true } }) }, expect: badRequest('referentSignature') },
        { name: 'an unknown field in the data', input: { appointmentId: untouched.id, data: data({ zzExtra: 1 }) }, expect: badRequest('zzExtra') },
        { name: 'a version of the form that does not exist', input: { appointmentId: untouched.id, data: data(), version: 99 }, expect: notFound },
      );
    },
  },
  'reports.correct': {
    access: 'staff',
    headers: (fx) => bearer(fx.tokens.mediator),
    baseline: (fx) => ({ id: rep(fx).toCorrect.id, data: reportData(fx.orgs.manzoni, rep(fx).toCorrect.appointment.startsAt) }),
    sideEffects: true,
    domainCases: (fx) => {
      const data = (extra: Record<string, unknown> = {}) => ({ ...reportData(fx.orgs.manzoni, rep(fx).toCorrect.appointment.startsAt), ...extra });
      return cases(
        { name: 'a countersigned report', input: { id: rep(fx).signed, data: data() }, expect: conflict },
        { name: 'another mediator’s report', input: { id: rep(fx).toCorrect.id, data: data() }, headers: bearer(rep(fx).rahimToken), expect: forbidden },
        { name: 'corrected by a coordinator', input: { id: rep(fx).toCorrect.id, data: data() }, headers: coordinator(fx), expect: forbidden },
        { name: 'unknown report', input: { id: UNKNOWN, data: data() }, expect: notFound },
        { name: 'another day than the appointment’s', input: { id: rep(fx).toCorrect.id, data: data({ sessionDate: '2020-01-06' }) }, expect: badRequest('sessionDate') },
        { name: 'a required field left out', input: { id: rep(fx).toCorrect.id, data: data({ outcome: undefined }) }, expect: badRequest('outcome') },
      );
    },
  },
  'reports.countersign': {
    access: 'staff',
    headers: (fx) => bearer(fx.tokens.requester),
    baseline: (fx) => ({ id: rep(fx).toCountersign, rating: 4 }),
    sideEffects: true,
    domainCases: (fx) => cases(
      { name: 'countersigned twice', input: { id: rep(fx).toCountersign }, expect: conflict },
      { name: 'countersigned by its mediator', input: { id: rep(fx).toCorrect.id }, headers: bearer(fx.tokens.mediator), expect: forbidden },
      { name: 'countersigned by a coordinator', input: { id: rep(fx).toCorrect.id }, headers: coordinator(fx), expect: forbidden },
      { name: 'tenant B’s referent', input: { id: rep(fx).toCorrect.id }, headers: bearer(fx.tokens.otherRequester), expect: notFound },
      { name: 'unknown report', input: { id: UNKNOWN }, expect: notFound },
    ),
  },
  'reports.reopen': {
    access: 'staff',
    headers: coordinator,
    baseline: (fx) => ({ id: rep(fx).toReopen, reason: 'Orario da verificare con la scuola' }),
    sideEffects: true,
    freeText: ['reason'],
    domainCases: (fx) => cases(
      { name: 'reopened twice', input: { id: rep(fx).toReopen, reason: 'di nuovo' }, expect: conflict },
      { name: 'a report not countersigned', input: { id: rep(fx).toCorrect.id, reason: 'x' }, expect: conflict },
      { name: 'a reason of spaces', input: { id: rep(fx).signed, reason: '   ' }, expect: badRequest('reason') },
      { name: 'reopened by a referent', input: { id: rep(fx).signed, reason: 'x' }, headers: bearer(fx.tokens.requester), expect: forbidden },
      { name: 'reopened by its mediator', input: { id: rep(fx).signed, reason: 'x' }, headers: bearer(fx.tokens.mediator), expect: forbidden },
      { name: 'tenant B’s coordinator', input: { id: rep(fx).signed, reason: 'x' }, headers: bearer(fx.tokens.otherCoordinator), expect: notFound },
      { name: 'unknown report', input: { id: UNKNOWN, reason: 'x' }, expect: notFound },
    ),
  },
  'reports.get': {
    access: 'staff',
    headers: coordinator,
    baseline: (fx) => ({ id: rep(fx).signed }),
    domainCases: (fx) => cases(
      { name: 'unknown report', input: { id: UNKNOWN }, expect: notFound },
      { name: 'tenant B’s coordinator', input: { id: rep(fx).signed }, headers: bearer(fx.tokens.otherCoordinator), expect: notFound },
      { name: 'another mediator', input: { id: rep(fx).signed }, headers: bearer(rep(fx).rahimToken), expect: notFound },
      { name: 'a clinician (not a consultation’s report)', input: { id: rep(fx).signed }, headers: bearer(fx.tokens.clinician), expect: notFound },
    ),
  },
  'indicators.activity': {
    access: 'staff',
    headers: coordinator,
    baseline: () => ({ from: '2026-11-01', to: '2026-11-30' }),
    domainCases: (fx) => cases(
      { name: 'a period backwards', input: { from: '2026-11-30', to: '2026-11-01' }, expect: badRequest('to') },
      { name: 'a period over three years', input: { from: '2026-01-01', to: '2029-12-31' }, expect: badRequest('to') },
      { name: 'an AZIONE the plan does not have', input: { from: '2026-11-01', to: '2026-11-30', action: '3' }, expect: badRequest('action') },
      { name: 'read by a mediator', input: { from: '2026-11-01', to: '2026-11-30' }, headers: bearer(fx.tokens.mediator), expect: forbidden },
      { name: 'read by a school’s referent', input: { from: '2026-11-01', to: '2026-11-30' }, headers: bearer(fx.tokens.requester), expect: forbidden },
    ),
  },
  'indicators.activityCsv': {
    access: 'staff',
    headers: coordinator,
    baseline: () => ({ from: '2026-11-01', to: '2026-11-30', action: '1' }),
    domainCases: (fx) => cases(
      { name: 'a period backwards', input: { from: '2026-11-30', to: '2026-11-01' }, expect: badRequest('to') },
      { name: 'read by a mediator', input: { from: '2026-11-01', to: '2026-11-30' }, headers: bearer(fx.tokens.mediator), expect: forbidden },
    ),
  },
  'indicators.beneficiaries': {
    access: 'staff',
    headers: coordinator,
    baseline: () => ({ from: '2026-09-01', to: '2027-08-31', language: 'ara', mode: 'in_person' }),
    domainCases: (fx) => cases(
      { name: 'a period backwards', input: { from: '2026-11-30', to: '2026-11-01' }, expect: badRequest('to') },
      { name: 'a period over three years', input: { from: '2026-01-01', to: '2029-12-31' }, expect: badRequest('to') },
      { name: 'a language that is not a code', input: { from: '2026-11-01', to: '2026-11-30', language: 'arabic' }, expect: badRequest('language') },
      { name: 'a mode Ponte does not know', input: { from: '2026-11-01', to: '2026-11-30', mode: 'presenza' }, expect: badRequest('mode') },
      { name: 'read by a mediator', input: { from: '2026-11-01', to: '2026-11-30' }, headers: bearer(fx.tokens.mediator), expect: forbidden },
      { name: 'read by a school’s referent', input: { from: '2026-11-01', to: '2026-11-30' }, headers: bearer(fx.tokens.requester), expect: forbidden },
      { name: 'read by a clinician', input: { from: '2026-11-01', to: '2026-11-30' }, headers: bearer(fx.tokens.clinician), expect: forbidden },
    ),
  },
  'indicators.interventionsCsv': {
    access: 'staff',
    headers: coordinator,
    baseline: () => ({ from: '2026-11-01', to: '2026-11-30', mode: 'video' }),
    domainCases: (fx) => cases(
      { name: 'a period backwards', input: { from: '2026-11-30', to: '2026-11-01' }, expect: badRequest('to') },
      { name: 'read by a mediator', input: { from: '2026-11-01', to: '2026-11-30' }, headers: bearer(fx.tokens.mediator), expect: forbidden },
      { name: 'read by a school’s referent', input: { from: '2026-11-01', to: '2026-11-30' }, headers: bearer(fx.tokens.requester), expect: forbidden },
    ),
  },
  'indicators.beneficiariesCsv': {
    access: 'staff',
    headers: coordinator,
    baseline: () => ({ from: '2026-11-01', to: '2026-11-30', language: 'ben' }),
    domainCases: (fx) => cases(
      { name: 'a period over three years', input: { from: '2026-01-01', to: '2029-12-31' }, expect: badRequest('to') },
      { name: 'read by a mediator', input: { from: '2026-11-01', to: '2026-11-30' }, headers: bearer(fx.tokens.mediator), expect: forbidden },
      { name: 'read by a clinician', input: { from: '2026-11-01', to: '2026-11-30' }, headers: bearer(fx.tokens.clinician), expect: forbidden },
    ),
  },
  'indicators.reach': {
    access: 'staff',
    headers: coordinator,
    baseline: () => ({ from: '2026-09-01', to: '2027-08-31', action: '4', organisationId: UNKNOWN }),
    domainCases: (fx) => cases(
      { name: 'a period backwards', input: { from: '2026-11-30', to: '2026-11-01' }, expect: badRequest('to') },
      { name: 'a period over three years', input: { from: '2026-01-01', to: '2029-12-31' }, expect: badRequest('to') },
      { name: 'a language that is not a code', input: { from: '2026-11-01', to: '2026-11-30', language: 'ar' }, expect: badRequest('language') },
      { name: 'read by a mediator', input: { from: '2026-11-01', to: '2026-11-30' }, headers: bearer(fx.tokens.mediator), expect: forbidden },
      { name: 'read by a school’s referent', input: { from: '2026-11-01', to: '2026-11-30' }, headers: bearer(fx.tokens.requester), expect: forbidden },
    ),
  },
  'indicators.questionnaire': {
    access: 'staff',
    headers: coordinator,
    baseline: () => ({ schoolYear: '2025/26' }),
    domainCases: (fx) => cases(
      { name: 'years that do not follow', input: { schoolYear: '2025/27' }, expect: badRequest('schoolYear') },
      { name: 'a year in another shape', input: { schoolYear: '2025-26' }, expect: badRequest('schoolYear') },
      { name: 'read by a mediator', input: { schoolYear: '2025/26' }, headers: bearer(fx.tokens.mediator), expect: forbidden },
      { name: 'read by a school’s referent', input: { schoolYear: '2025/26' }, headers: bearer(fx.tokens.requester), expect: forbidden },
      { name: 'read by a clinician', input: { schoolYear: '2025/26' }, headers: bearer(fx.tokens.clinician), expect: forbidden },
    ),
  },
  'reports.list': {
    access: 'staff',
    headers: coordinator,
    baseline: () => ({ status: 'filed', limit: 10 }),
    freeText: [],
    domainCases: () => cases(
      { name: 'a status reports do not have', input: { status: 'draft' }, expect: badRequest('status') },
      { name: 'more than 200 at once', input: { limit: 500 }, expect: badRequest('limit') },
    ),
  },
};
