import type { DomainCase, Expectation, Fixture, HeaderMap, ProcedureSpec } from './bad-input-cases.js';

/*
 * The bad-input specs of the scheduling procedures (mediators, availability,
 * appointments, budgets, calendar feeds). Kept apart from bad-input-cases.ts
 * so that each file has one job; helpers are repeated here rather than
 * imported, since that module imports this one.
 *
 * Mutations whose free text may hold any script are given baselines that the
 * domain refuses the second time (a slot already booked, a user already
 * linked, a profile deactivated, an exception already there): the string
 * cases then write nothing, whatever the text.
 */

const OWN_ORIGIN = 'http://ponte.test';
const bearer = (token: string): HeaderMap => ({ authorization: `Bearer ${token}` });
const serviceKey: HeaderMap = { 'x-ponte-key': 'pk_demo_servizi', origin: OWN_ORIGIN };
const schoolKey: HeaderMap = { 'x-ponte-key': 'pk_demo_manzoni', origin: OWN_ORIGIN };
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

const notFound: Expectation = { status: [404], code: 'NOT_FOUND' };
const forbidden: Expectation = { status: [403], code: 'FORBIDDEN' };
const conflict: Expectation = { status: [409], code: 'CONFLICT' };
const badRequest = (fieldPath?: string): Expectation => ({ status: [400], code: 'BAD_REQUEST', ...(fieldPath !== undefined ? { fieldPath } : {}) });

/** What the scheduling specs need beyond the shared fixture; built by bad-input.test.ts. */
export interface SchedulingFixture {
  mediators: { amina: string; rahim: string; other: string };
  /** a mediator-role user of tenant A with no profile yet: mediators.create links it */
  freeMediatorUser: string;
  /** a coordinator's user id: not a mediator */
  coordinatorUser: string;
  /** profiles the update and deactivate baselines act on */
  spareMediators: { update: string; deactivate: string };
  exceptionId: string;
  feedId: string;
  appointments: { reschedule: string; cancel: string; past: string; cancelled: string; servizi: string };
}

type SFx = Fixture & { scheduling: SchedulingFixture };
const sfx = (fx: Fixture) => (fx as SFx).scheduling;

const coordinator = (fx: Fixture) => bearer(fx.tokens.coordinator);
const mediatorProfile = (fx: Fixture) => ({
  displayName: 'Nadia Karimi',
  gender: 'F',
  areas: ['Como'],
  userId: sfx(fx).freeMediatorUser,
  languages: [{ code: 'prs', variety: 'Dari', level: 'native' }],
});
const booking = (fx: Fixture) => ({
  mediatorId: sfx(fx).mediators.amina,
  organisationId: fx.orgs.manzoni,
  action: '1',
  start: '2027-05-03T07:00:00Z',
  durationMinutes: 60,
  mode: 'video',
});

function cases(...list: DomainCase[]): DomainCase[] {
  return list;
}

export const SCHEDULING_SPECS: Readonly<Record<string, ProcedureSpec>> = {
  'mediators.list': {
    access: 'staff',
    headers: coordinator,
    baseline: () => ({ language: 'ara' }),
    domainCases: (fx) => cases(
      { name: 'listed by a mediator', input: {}, headers: bearer(fx.tokens.mediator), expect: forbidden },
      { name: 'listed by a referent', input: {}, headers: bearer(fx.tokens.requester), expect: forbidden },
    ),
  },
  'mediators.get': {
    access: 'staff',
    headers: coordinator,
    baseline: (fx) => ({ id: sfx(fx).mediators.amina }),
    domainCases: (fx) => cases(
      { name: 'unknown id', input: { id: UNKNOWN }, expect: notFound },
      { name: 'tenant B’s coordinator gets A’s mediator', input: { id: sfx(fx).mediators.amina }, headers: bearer(fx.tokens.otherCoordinator), expect: notFound },
      { name: 'a mediator gets another mediator', input: { id: sfx(fx).mediators.rahim }, headers: bearer(fx.tokens.mediator), expect: notFound },
    ),
  },
  'mediators.create': {
    access: 'staff',
    headers: coordinator,
    baseline: mediatorProfile,
    sideEffects: true,
    freeText: ['displayName'],
    domainCases: (fx) => cases(
      { name: 'user already linked to a mediator', input: mediatorProfile(fx), expect: conflict },
      { name: 'linked user is a coordinator', input: { ...mediatorProfile(fx), userId: sfx(fx).coordinatorUser }, expect: badRequest('userId') },
      { name: 'no languages', input: { ...mediatorProfile(fx), languages: [] }, expect: badRequest('languages') },
      { name: 'unknown level', input: { ...mediatorProfile(fx), languages: [{ code: 'ara', level: 'fluent' }] }, expect: badRequest('languages.0.level') },
      { name: 'created by a mediator', input: mediatorProfile(fx), headers: bearer(fx.tokens.mediator), expect: forbidden },
    ),
  },
  'mediators.update': {
    access: 'staff',
    headers: coordinator,
    // Deactivates too: from then on the profile is frozen, so every later call is refused.
    baseline: (fx) => ({ id: sfx(fx).spareMediators.update, displayName: 'Profilo di prova', active: false }),
    sideEffects: true,
    freeText: ['displayName'],
    domainCases: (fx) => cases(
      { name: 'unknown id', input: { id: UNKNOWN, displayName: 'x' }, expect: notFound },
      { name: 'tenant B’s coordinator updates A’s mediator', input: { id: sfx(fx).mediators.amina, displayName: 'x' }, headers: bearer(fx.tokens.otherCoordinator), expect: notFound },
      { name: 'an inactive profile edited without reactivating it', input: { id: sfx(fx).spareMediators.update, areas: ['Erba'] }, expect: conflict },
      { name: 'linked user is a coordinator', input: { id: sfx(fx).mediators.amina, userId: sfx(fx).coordinatorUser }, expect: badRequest('userId') },
      { name: 'updated by a referent', input: { id: sfx(fx).mediators.amina, displayName: 'x' }, headers: bearer(fx.tokens.requester), expect: forbidden },
    ),
  },
  'mediators.deactivate': {
    access: 'staff',
    headers: coordinator,
    baseline: (fx) => ({ id: sfx(fx).spareMediators.deactivate }),
    sideEffects: true,
    domainCases: (fx) => cases(
      { name: 'unknown id', input: { id: UNKNOWN }, expect: notFound },
      { name: 'already inactive', input: { id: sfx(fx).spareMediators.deactivate }, expect: conflict },
      { name: 'tenant B’s coordinator deactivates A’s mediator', input: { id: sfx(fx).mediators.amina }, headers: bearer(fx.tokens.otherCoordinator), expect: notFound },
    ),
  },
  'availability.get': {
    access: 'staff',
    headers: (fx) => bearer(fx.tokens.mediator),
    baseline: () => ({ fromDate: '2027-01-01', toDate: '2027-12-31' }),
    domainCases: (fx) => cases(
      { name: 'a mediator reads another’s availability', input: { mediatorId: sfx(fx).mediators.rahim }, expect: forbidden },
      { name: 'a coordinator without mediatorId', input: {}, headers: coordinator(fx), expect: badRequest('mediatorId') },
      { name: 'tenant B’s coordinator reads A’s mediator', input: { mediatorId: sfx(fx).mediators.amina }, headers: bearer(fx.tokens.otherCoordinator), expect: notFound },
      { name: 'read by a referent', input: {}, headers: bearer(fx.tokens.requester), expect: forbidden },
      { name: 'a date that does not exist', input: { fromDate: '2027-02-30' }, expect: badRequest('fromDate') },
    ),
  },
  'availability.setRules': {
    access: 'staff',
    headers: (fx) => bearer(fx.tokens.mediator),
    baseline: () => ({ rules: [1, 2, 3, 4, 5].flatMap((weekday) => [{ weekday, startTime: '08:30', endTime: '13:00' }, { weekday, startTime: '14:00', endTime: '17:00' }]) }),
    sideEffects: true,
    domainCases: (fx) => cases(
      { name: 'end before start', input: { rules: [{ weekday: 1, startTime: '12:00', endTime: '09:00' }] }, expect: badRequest('rules.0.endTime') },
      { name: '25:00 as a time', input: { rules: [{ weekday: 1, startTime: '09:00', endTime: '25:00' }] }, expect: badRequest('rules.0.endTime') },
      { name: 'valid to before valid from', input: { rules: [{ weekday: 1, startTime: '09:00', endTime: '10:00', validFrom: '2027-05-01', validTo: '2027-04-01' }] }, expect: badRequest('rules.0.validTo') },
      { name: 'a mediator sets another’s rules', input: { mediatorId: sfx(fx).mediators.rahim, rules: [] }, expect: forbidden },
      { name: 'set by a referent', input: { rules: [] }, headers: bearer(fx.tokens.requester), expect: forbidden },
    ),
  },
  'availability.addException': {
    access: 'staff',
    headers: (fx) => bearer(fx.tokens.mediator),
    // A whole day of leave: any later exception on that date overlaps it and is refused.
    baseline: () => ({ date: '2027-02-01', kind: 'unavailable', note: 'ferie' }),
    sideEffects: true,
    freeText: ['note'],
    domainCases: (fx) => cases(
      { name: 'overlapping an existing exception', input: { date: '2027-02-01', kind: 'available', startTime: '18:00', endTime: '19:00' }, expect: conflict },
      { name: 'a start time without an end', input: { date: '2027-02-02', kind: 'unavailable', startTime: '09:00' }, expect: badRequest('endTime') },
      { name: 'end before start', input: { date: '2027-02-02', kind: 'unavailable', startTime: '11:00', endTime: '09:00' }, expect: badRequest('endTime') },
      { name: 'added by a clinician', input: { date: '2027-02-02', kind: 'unavailable' }, headers: bearer(fx.tokens.clinician), expect: forbidden },
    ),
  },
  'availability.removeException': {
    access: 'staff',
    headers: (fx) => bearer(fx.tokens.mediator),
    baseline: (fx) => ({ id: sfx(fx).exceptionId }),
    sideEffects: true,
    domainCases: (fx) => cases(
      { name: 'unknown id', input: { id: UNKNOWN }, expect: notFound },
      { name: 'tenant B’s coordinator removes A’s exception', input: { id: sfx(fx).exceptionId }, headers: bearer(fx.tokens.otherCoordinator), expect: notFound },
    ),
  },
  'scheduling.languages': { access: 'submitter', headers: () => serviceKey },
  'scheduling.calendarFile': {
    access: 'submitter',
    headers: () => serviceKey,
    baseline: (fx) => ({ id: sfx(fx).appointments.servizi }),
    domainCases: (fx) => cases(
      { name: 'unknown id', input: { id: UNKNOWN }, expect: notFound },
      { name: 'a school’s key asks for the social service’s appointment', input: { id: sfx(fx).appointments.servizi }, headers: schoolKey, expect: notFound },
      { name: 'tenant B’s coordinator asks for A’s appointment', input: { id: sfx(fx).appointments.servizi }, headers: bearer(fx.tokens.otherCoordinator), expect: notFound },
    ),
  },
  'scheduling.freeSlots': {
    access: 'submitter',
    headers: () => serviceKey,
    baseline: () => ({ language: 'ara', from: '2027-01-11', to: '2027-01-24', durationMinutes: 60 }),
    freeText: ['variety'],
    domainCases: () => cases(
      { name: 'to before from', input: { language: 'ara', from: '2027-01-24', to: '2027-01-11', durationMinutes: 60 }, expect: badRequest('to') },
      { name: 'a window of five months', input: { language: 'ara', from: '2027-01-01', to: '2027-06-01', durationMinutes: 60 }, expect: badRequest('to') },
      { name: 'a date that does not exist', input: { language: 'ara', from: '2027-02-30', to: '2027-03-02', durationMinutes: 60 }, expect: badRequest('from') },
      { name: 'a language code in capitals', input: { language: 'ARA', from: '2027-01-11', to: '2027-01-24', durationMinutes: 60 }, expect: badRequest('language') },
    ),
  },
  'scheduling.book': {
    access: 'submitter',
    headers: coordinator,
    baseline: booking,
    sideEffects: true,
    freeText: ['place', 'overrideReason'],
    domainCases: (fx) => cases(
      { name: 'the same slot again', input: booking(fx), expect: conflict },
      { name: 'unknown mediator', input: { ...booking(fx), mediatorId: UNKNOWN }, expect: notFound },
      { name: 'tenant B’s mediator', input: { ...booking(fx), mediatorId: sfx(fx).mediators.other }, expect: notFound },
      { name: 'tenant B’s coordinator books A’s mediator for B’s school', input: { ...booking(fx), organisationId: fx.other.schoolId, start: '2027-05-10T07:00:00Z' }, headers: bearer(fx.tokens.otherCoordinator), expect: notFound },
      { name: 'in person without a place', input: { ...booking(fx), mode: 'in_person', start: '2027-05-10T07:00:00Z' }, expect: badRequest('place') },
      { name: 'coordinator without organisationId', input: { ...booking(fx), organisationId: undefined }, expect: badRequest('organisationId') },
      { name: 'override without a reason', input: { ...booking(fx), start: '2027-05-10T07:00:00Z', override: true }, expect: badRequest('overrideReason') },
      { name: 'weekly and given dates at once', input: { ...booking(fx), start: '2027-05-10T07:00:00Z', series: { weeklyCount: 2, starts: ['2027-05-11T07:00:00Z'] } }, expect: badRequest('series') },
      { name: 'a series that overlaps itself', input: { ...booking(fx), start: '2027-05-10T07:00:00Z', series: { starts: ['2027-05-10T07:30:00Z'] } }, expect: badRequest('occurrences.1') },
      { name: 'no hours granted for that school year', input: { ...booking(fx), start: '2029-01-15T08:00:00Z' }, expect: { status: [412], code: 'PRECONDITION_FAILED' } },
      { name: 'a school key books for another school', input: { ...booking(fx), organisationId: fx.orgs.rodari, start: '2027-05-10T07:00:00Z' }, headers: schoolKey, expect: forbidden },
      { name: 'a key books outside the mediator’s availability', input: { ...booking(fx), organisationId: undefined, start: '2027-05-09T07:00:00Z' }, headers: schoolKey, expect: conflict },
      { name: 'a key overrides the budget', input: { ...booking(fx), organisationId: undefined, start: '2027-05-10T07:00:00Z', override: true, overrideReason: 'x' }, headers: schoolKey, expect: forbidden },
      { name: 'a mediator books', input: { ...booking(fx), start: '2027-05-10T07:00:00Z' }, headers: bearer(fx.tokens.mediator), expect: forbidden },
      // A.5 appointments are the clinicians' and only those (src/scheduling/consultations.ts).
      { name: 'a clinician books without a request', input: { ...booking(fx), start: '2027-05-10T07:00:00Z' }, headers: bearer(fx.tokens.clinician), expect: forbidden },
      { name: 'a clinician books for an A.1', input: { ...booking(fx), submissionId: fx.submissions.a.id, start: '2027-05-10T07:00:00Z' }, headers: bearer(fx.tokens.clinician), expect: forbidden },
      { name: 'a coordinator books for an A.5', input: { ...booking(fx), organisationId: fx.orgs.servizi, submissionId: fx.submissions.aSpecial.id, action: '2', start: '2027-05-10T07:00:00Z' }, expect: forbidden },
      { name: 'tenant B’s clinician books A’s A.5', input: { ...booking(fx), organisationId: fx.other.serviceId, submissionId: fx.submissions.aSpecial.id, action: '2', start: '2027-05-10T07:00:00Z' }, headers: bearer(fx.tokens.otherClinician), expect: notFound },
      { name: 'an instant without its offset', input: { ...booking(fx), start: '2027-05-10T09:00:00' }, expect: badRequest('start') },
    ),
  },
  'scheduling.reschedule': {
    access: 'staff',
    headers: coordinator,
    baseline: (fx) => ({ id: sfx(fx).appointments.reschedule, start: '2027-05-04T07:00:00Z' }),
    sideEffects: true,
    freeText: ['overrideReason'],
    domainCases: (fx) => cases(
      { name: 'unknown id', input: { id: UNKNOWN, start: '2027-05-04T07:00:00Z' }, expect: notFound },
      { name: 'an override without its reason', input: { id: sfx(fx).appointments.reschedule, start: '2027-05-04T07:00:00Z', override: true }, expect: badRequest('overrideReason') },
      { name: 'onto another appointment', input: { id: sfx(fx).appointments.reschedule, start: '2027-05-03T07:30:00Z' }, expect: conflict },
      { name: 'a cancelled appointment', input: { id: sfx(fx).appointments.cancelled, start: '2027-05-20T07:00:00Z' }, expect: conflict },
      { name: 'by a mediator', input: { id: sfx(fx).appointments.reschedule, start: '2027-05-04T07:00:00Z' }, headers: bearer(fx.tokens.mediator), expect: forbidden },
      { name: 'tenant B’s coordinator moves A’s appointment', input: { id: sfx(fx).appointments.reschedule, start: '2027-05-04T07:00:00Z' }, headers: bearer(fx.tokens.otherCoordinator), expect: notFound },
    ),
  },
  'scheduling.cancel': {
    access: 'staff',
    headers: coordinator,
    baseline: (fx) => ({ id: sfx(fx).appointments.cancel, reason: 'famiglia trasferita' }),
    sideEffects: true,
    freeText: ['reason'],
    domainCases: (fx) => cases(
      { name: 'already cancelled', input: { id: sfx(fx).appointments.cancelled }, expect: conflict },
      { name: 'unknown id', input: { id: UNKNOWN }, expect: notFound },
      { name: 'by a mediator', input: { id: sfx(fx).appointments.reschedule }, headers: bearer(fx.tokens.mediator), expect: forbidden },
      { name: 'Manzoni’s referent cancels the social service’s appointment', input: { id: sfx(fx).appointments.servizi }, headers: bearer(fx.tokens.requester), expect: notFound },
      { name: 'a clinician cancels an appointment that serves no consultation', input: { id: sfx(fx).appointments.reschedule }, headers: bearer(fx.tokens.clinician), expect: notFound },
      { name: 'tenant B’s coordinator cancels A’s appointment', input: { id: sfx(fx).appointments.reschedule }, headers: bearer(fx.tokens.otherCoordinator), expect: notFound },
    ),
  },
  'scheduling.setOutcome': {
    access: 'staff',
    headers: coordinator,
    baseline: (fx) => ({ id: sfx(fx).appointments.past, outcome: 'held' }),
    sideEffects: true,
    domainCases: (fx) => cases(
      { name: 'before it starts', input: { id: sfx(fx).appointments.reschedule, outcome: 'held' }, expect: conflict },
      { name: 'a cancelled appointment', input: { id: sfx(fx).appointments.cancelled, outcome: 'not_held' }, expect: conflict },
      { name: 'by a referent', input: { id: sfx(fx).appointments.past, outcome: 'held' }, headers: bearer(fx.tokens.requester), expect: forbidden },
      { name: 'unknown outcome', input: { id: sfx(fx).appointments.past, outcome: 'maybe' }, expect: badRequest('outcome') },
    ),
  },
  'scheduling.list': {
    access: 'staff',
    headers: coordinator,
    baseline: () => ({ from: '2027-01-01T00:00:00Z', to: '2027-12-31T00:00:00Z' }),
    freeText: [],
  },
  'scheduling.get': {
    access: 'staff',
    headers: coordinator,
    baseline: (fx) => ({ id: sfx(fx).appointments.reschedule }),
    domainCases: (fx) => cases(
      { name: 'unknown id', input: { id: UNKNOWN }, expect: notFound },
      { name: 'tenant B’s coordinator gets A’s appointment', input: { id: sfx(fx).appointments.reschedule }, headers: bearer(fx.tokens.otherCoordinator), expect: notFound },
      { name: 'Manzoni’s referent gets the social service’s appointment', input: { id: sfx(fx).appointments.servizi }, headers: bearer(fx.tokens.requester), expect: notFound },
      { name: 'a clinician gets an appointment that serves no consultation', input: { id: sfx(fx).appointments.reschedule }, headers: bearer(fx.tokens.clinician), expect: notFound },
    ),
  },
  'scheduling.settings': {
    access: 'staff',
    headers: coordinator,
    domainCases: (fx) => cases({ name: 'read by a mediator', headers: bearer(fx.tokens.mediator), expect: forbidden }),
  },
  'scheduling.updateSettings': {
    access: 'staff',
    headers: coordinator,
    baseline: () => ({ travelBufferMinutes: 15, cancellationNoticeHours: 48, minimumBillableMinutes: 60, slotStepMinutes: 30 }),
    sideEffects: true,
    domainCases: (fx) => cases({ name: 'changed by a referent', input: { travelBufferMinutes: 0 }, headers: bearer(fx.tokens.requester), expect: forbidden }),
  },
  'budgets.list': {
    access: 'staff',
    headers: coordinator,
    baseline: () => ({ schoolYear: '2026/27' }),
    domainCases: (fx) => cases(
      { name: 'years that do not follow', input: { schoolYear: '2026/28' }, expect: badRequest('schoolYear') },
      { name: 'read by a mediator', input: {}, headers: bearer(fx.tokens.mediator), expect: forbidden },
    ),
  },
  'budgets.set': {
    access: 'staff',
    headers: coordinator,
    baseline: (fx) => ({ organisationId: fx.orgs.manzoni, action: '1', schoolYear: '2026/27', hours: 120 }),
    sideEffects: true,
    domainCases: (fx) => cases(
      { name: 'tenant B’s school', input: { organisationId: fx.other.schoolId, action: '1', schoolYear: '2026/27', hours: 10 }, expect: notFound },
      { name: 'years that do not follow', input: { organisationId: fx.orgs.manzoni, action: '1', schoolYear: '2026/28', hours: 10 }, expect: badRequest('schoolYear') },
      { name: 'AZIONE 3 (not a mediation action)', input: { organisationId: fx.orgs.manzoni, action: '3', schoolYear: '2026/27', hours: 10 }, expect: badRequest('action') },
      { name: 'set by a referent', input: { organisationId: fx.orgs.manzoni, action: '1', schoolYear: '2026/27', hours: 999 }, headers: bearer(fx.tokens.requester), expect: forbidden },
    ),
  },
  'calendarFeeds.list': { access: 'staff', headers: coordinator },
  'calendarFeeds.rotate': {
    access: 'staff',
    headers: coordinator,
    baseline: (fx) => ({ ownerKind: 'mediator', ownerId: sfx(fx).mediators.amina }),
    sideEffects: true,
    domainCases: (fx) => cases(
      { name: 'unknown mediator', input: { ownerKind: 'mediator', ownerId: UNKNOWN }, expect: notFound },
      { name: 'tenant B’s coordinator takes A’s mediator feed', input: { ownerKind: 'mediator', ownerId: sfx(fx).mediators.amina }, headers: bearer(fx.tokens.otherCoordinator), expect: notFound },
      { name: 'a referent takes another school’s feed', input: { ownerKind: 'organisation', ownerId: fx.orgs.rodari }, headers: bearer(fx.tokens.requester), expect: notFound },
      { name: 'a mediator takes another mediator’s feed', input: { ownerKind: 'mediator', ownerId: sfx(fx).mediators.rahim }, headers: bearer(fx.tokens.mediator), expect: notFound },
      { name: 'taken by a clinician', input: { ownerKind: 'organisation', ownerId: fx.orgs.manzoni }, headers: bearer(fx.tokens.clinician), expect: forbidden },
    ),
  },
  'calendarFeeds.revoke': {
    access: 'staff',
    headers: coordinator,
    baseline: (fx) => ({ id: sfx(fx).feedId }),
    sideEffects: true,
    domainCases: (fx) => cases(
      { name: 'unknown id', input: { id: UNKNOWN }, expect: notFound },
      { name: 'tenant B’s coordinator revokes A’s feed', input: { id: sfx(fx).feedId }, headers: bearer(fx.tokens.otherCoordinator), expect: notFound },
    ),
  },
};
