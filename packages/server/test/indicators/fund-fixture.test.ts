import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { DateTime } from 'luxon';
import type { FormId } from '@ponte/forms';
import { databaseKinds } from '../helpers/databases.js';
import { createOtherTenant, organisationIdByKey, OTHER_PASSWORD, type OtherTenant } from '../helpers/fixtures.js';
import { sendRequest } from '../helpers/requests.js';
import { sampleFor } from '../helpers/samples.js';
import { signIn, startTestServer, type TestServer } from '../helpers/test-server.js';
import {
  ACTIVITY_ARA,
  ACTIVITY_CSV,
  ACTIVITY_TOTALS,
  BENEFICIARIES,
  BENEFICIARIES_ACTION_1,
  BENEFICIARIES_ACTION_2,
  BENEFICIARIES_ARA,
  BENEFICIARIES_BEN,
  BENEFICIARIES_DAYS,
  BENEFICIARIES_IN_PERSON,
  MANZONI_ACTIVITY,
  NOTHING,
  PERIOD_DAYS,
  REACH,
  REACH_ACTION_2,
  REACH_ARA,
  RODARI_ACTIVITY,
  SERVIZI_ACTIVITY,
} from './fund-fixture.expected.js';

/*
 * The fund's indicators on one fixture made wholly through the procedures:
 * requests sent with the organisations' keys, approved and booked by the
 * coordinator (who may record meetings already held), reports filed,
 * corrected, countersigned and reopened by the people whose work that is,
 * appointments cancelled by the coordinator. Nothing the indicators read is
 * written by this test: report_beneficiaries and the reports' presence and
 * rating columns are the server's own.
 *
 * The fixture is the plan below, described session by session, and with the
 * figures worked out by hand from it, in fund-fixture.expected.ts. Days are
 * offsets from today in Europe/Rome: the period (d-90 to d+30) holds past
 * sessions that can be reported, future ones that can be cancelled in time
 * and today, when the requests are received.
 */

type Org = 'manzoni' | 'rodari' | 'servizi';
type MediatorName = 'amina' | 'li' | 'ardit' | 'rahim' | 'olena' | 'arshad';
type Row = Record<string, unknown>;

const ZONE = 'Europe/Rome';

/** A person on a version 2 report: the organisation's code, sex, age band, and citizenships, stateless or unknown. */
const person = (code: string, sex: 'M' | 'F', ageBand: string, citizenship: string[] | 'stateless' | 'unknown'): Row => ({
  code,
  sex: sex === 'M' ? 'maschio' : 'femmina',
  ageBand,
  ...(Array.isArray(citizenship)
    ? { citizenshipStatus: 'nota', citizenships: citizenship }
    : { citizenshipStatus: citizenship === 'stateless' ? 'apolide' : 'sconosciuta' }),
});
/** A row of a version 1 report: no code, one citizenship ('XX' stateless or unknown). */
const v1 = (sex: 'M' | 'F', ageBand: string, citizenship: string): Row => ({ sex: sex === 'M' ? 'maschio' : 'femmina', ageBand, citizenship });

interface Held {
  kind: 'held';
  label: string;
  from: string;
  to: string;
  people: Row[];
  /** people present: pupils, parents, teachers, other staff (schools); adults, children, workers, others (services) */
  present: [number, number, number, number];
  version?: 1;
  /** countersigned by the organisation's referent, with the rating given if any */
  countersign?: { rating?: number };
  /** reopened by the coordinator after the countersignature */
  reopen?: true;
  /** filed first with these, then corrected by the mediator to the session's own */
  filedAs?: { to?: string; people?: Row[] };
}
interface NotHeld {
  kind: 'notHeld';
  label: string;
  status: 'non-svolto' | 'annullato';
  reason: string;
  other?: string;
  notice: number;
  countersign?: { rating?: number };
}
type Session = Held | NotHeld | { kind: 'cancel' } | { kind: 'scheduled' };

interface Plan {
  ref: string;
  org: Org;
  /** the language asked for; absent, a booking serving no request */
  language?: { code: string; variety?: string };
  site?: string;
  /** hours approved; absent, never taken in charge */
  hours?: number;
  mediator?: MediatorName;
  bookings?: { day: number; time: string; minutes?: number; weekly?: number; place?: string }[];
  /** one per appointment booked, in order of time */
  sessions?: Session[];
}

const held = (label: string, from: string, to: string, people: Row[], present: Held['present'], more: Partial<Held> = {}): Held => ({ kind: 'held', label, from, to, people, present, ...more });
const notHeld = (label: string, status: NotHeld['status'], reason: string, notice: number, more: Partial<NotHeld> = {}): NotHeld => ({ kind: 'notHeld', label, status, reason, notice, ...more });
const cs = (rating?: number): { countersign: { rating?: number } } => ({ countersign: rating === undefined ? {} : { rating } });

const ARA = { code: 'ara', variety: 'Darija' };
const PRIMARIA_VIA_ROMA = 'Scuola primaria "Via Roma"';
const SECONDARIA_MANZONI = 'Scuola secondaria di I grado "Manzoni"';
const AT_THE_SERVICE = 'Servizi sociali, piazza della Resistenza 20';

const MZ_0101 = (age: string) => person('MZ-0101', 'M', age, ['EG']);
const MZ_0101_M = person('MZ-0101-M', 'F', '18+', ['EG']);
const MZ_0301 = person('MZ-0301', 'M', '11-13', ['SY']);
const MZ_0302 = person('MZ-0302', 'F', '11-13', ['EG']);
const MZ_0303 = person('MZ-0303', 'M', '14-17', ['SD']);
const RD_0301 = person('RD-0301', 'F', '6-10', ['CN']);
const RD_0301_M = person('RD-0301-M', 'F', '18+', ['CN']);
const RD_0302 = person('RD-0302', 'M', '6-10', ['CN']);
const RD_1001 = person('1001', 'M', '0-5', ['AL']);
const CART_0392 = person('CART-0392', 'F', '18+', ['BD']);
const CART_0393 = person('CART-0393', 'M', '6-10', ['BD']);
const CART_0600 = person('CART-0600', 'F', '18+', ['BD']);
const CART_0601 = person('CART-0601', 'F', '11-13', ['BD']);
const CS_2201 = person('CS-2201', 'M', '18+', ['MA', 'TN']);

const TEN_SESSIONS: Session[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => {
  const people = [MZ_0101(n <= 6 ? '6-10' : '11-13'), ...(n === 1 || n === 10 ? [MZ_0101_M] : [])];
  const present: Held['present'] = [1, n === 1 || n === 10 ? 1 : 0, 1, 0];
  const ratings: Record<number, number | undefined> = { 1: 5, 2: 4, 4: 4, 5: 5, 7: 3, 8: 5 };
  if (n <= 8) return held(`S${n}`, '09:00', '10:00', people, present, cs(ratings[n]));
  if (n === 9) return held('S9', '09:00', '10:00', people, present);
  // S10: filed with the pupil's code mistyped and ending half an hour early, then corrected.
  return held('S10', '09:00', '10:30', people, present, { filedAs: { to: '10:00', people: [person('MZ-0110', 'M', '11-13', ['EG']), MZ_0101_M] } });
});

/** The fixture: fund-fixture.expected.ts describes it in words, with the figures worked out from it. */
const PLAN: Plan[] = [
  // IC Manzoni, AZIONE 1, Amina.
  { ref: 'Q1', org: 'manzoni', language: ARA, site: PRIMARIA_VIA_ROMA, hours: 10, mediator: 'amina', bookings: [{ day: -77, time: '09:00', weekly: 10 }], sessions: TEN_SESSIONS },
  {
    ref: 'Q2', org: 'manzoni', language: ARA, site: SECONDARIA_MANZONI, hours: 3, mediator: 'amina',
    bookings: [{ day: -60, time: '11:00' }, { day: -53, time: '11:00' }],
    sessions: [
      held('S11', '11:00', '12:30', [person('MZ-0202', 'F', '14-17', ['MA', 'IT']), person('MZ-0202-P', 'M', '18+', ['MA'])], [1, 1, 2, 1], cs(3)),
      held('S12', '11:00', '11:45', [person('MZ-0202', 'F', '14-17', ['IT', 'MA'])], [1, 0, 1, 0]),
    ],
  },
  {
    ref: 'Q3', org: 'manzoni', language: ARA, site: '  scuola primaria "VIA ROMA" ', hours: 2, mediator: 'amina',
    bookings: [{ day: -45, time: '11:00' }, { day: -38, time: '11:00' }],
    sessions: [
      held('S13', '11:00', '12:00', [v1('M', '6-10', 'MA'), v1('F', '18+', 'XX'), v1('F', '18+', 'RO')], [1, 2, 1, 0], { version: 1, ...cs(2) }),
      held('S14', '11:00', '12:00', [v1('M', '6-10', 'MA')], [1, 0, 1, 0], { version: 1 }),
    ],
  },
  {
    ref: 'Q4', org: 'manzoni', language: ARA, site: SECONDARIA_MANZONI, hours: 4, mediator: 'amina',
    bookings: [{ day: -30, time: '11:00' }, { day: -23, time: '11:00' }, { day: 1, time: '11:00' }, { day: 8, time: '11:00' }],
    sessions: [
      notHeld('S15', 'non-svolto', 'assenza-famiglia', 0, cs()),
      notHeld('S16', 'annullato', 'disdetta-scuola', 72),
      { kind: 'cancel' },
      { kind: 'scheduled' },
    ],
  },
  { ref: 'Q5', org: 'manzoni', language: ARA, site: PRIMARIA_VIA_ROMA },
  {
    ref: 'Q15', org: 'manzoni', language: ARA, site: SECONDARIA_MANZONI, hours: 4, mediator: 'amina',
    bookings: [{ day: -33, time: '14:00', weekly: 4 }],
    sessions: [
      held('S17', '14:00', '15:00', [MZ_0301, MZ_0302, MZ_0303], [3, 0, 1, 1], cs(4)),
      held('S18', '14:00', '15:00', [MZ_0301, MZ_0302], [2, 0, 1, 0], cs()),
      notHeld('S19', 'annullato', 'altro', 10, { other: 'Uscita didattica della classe' }),
      held('S20', '14:00', '16:00', [MZ_0301, MZ_0302, MZ_0303, person('MZ-0304', 'F', '11-13', ['MA', 'FR'])], [4, 0, 2, 0]),
    ],
  },
  // IC Rodari, AZIONE 1.
  {
    ref: 'Q6', org: 'rodari', language: { code: 'zho', variety: 'Mandarin' }, site: 'Scuola primaria "Rodari"', hours: 6, mediator: 'li',
    bookings: [{ day: -49, time: '14:00', weekly: 6 }],
    sessions: [
      held('S21', '14:00', '15:30', [RD_0301, RD_0301_M], [1, 1, 1, 0], cs(4)),
      held('S22', '14:00', '15:00', [RD_0301], [1, 0, 2, 0], cs(5)),
      notHeld('S23', 'non-svolto', 'disdetta-mediatore', 24),
      held('S24', '14:00', '15:00', [RD_0301, RD_0302], [2, 0, 1, 0], cs(3)),
      held('S25', '14:00', '15:00', [RD_0301], [1, 0, 1, 0]),
      held('S26', '14:00', '15:00', [RD_0302, RD_0301_M], [1, 1, 1, 0]),
    ],
  },
  {
    ref: 'Q7', org: 'rodari', language: { code: 'sqi' }, site: 'Scuola dell’infanzia "Arcobaleno"', hours: 3, mediator: 'ardit',
    bookings: [{ day: -20, time: '10:00' }, { day: -13, time: '10:00' }, { day: -3, time: '10:00' }],
    sessions: [
      held('S27', '10:00', '11:00', [RD_1001, person('RD-0601', 'F', '0-5', 'stateless')], [2, 1, 2, 0], cs(5)),
      held('S28', '10:00', '11:00', [RD_1001, person('RD-0602', 'F', '18+', 'unknown')], [1, 1, 1, 1]),
      { kind: 'scheduled' },
    ],
  },
  { ref: 'Q8', org: 'rodari', language: { code: 'sqi' }, site: 'Scuola dell’infanzia "Arcobaleno"', hours: 2 },
  {
    ref: 'D1', org: 'rodari', mediator: 'ardit',
    bookings: [{ day: -6, time: '10:00' }],
    sessions: [held('S29', '10:00', '11:00', [person('RD-0701', 'M', '11-13', ['XK'])], [1, 1, 0, 0])],
  },
  // Servizio Sociale di Base, AZIONE 2.
  {
    ref: 'Q9', org: 'servizi', language: { code: 'ben', variety: 'Sylheti' }, hours: 6, mediator: 'rahim',
    bookings: [{ day: -84, time: '10:00', weekly: 6 }],
    sessions: [
      held('S30', '10:00', '11:00', [CART_0392, CART_0393], [1, 1, 1, 0], cs(4)),
      held('S31', '10:00', '11:00', [CART_0392, person('CART-0394', 'M', '18+', ['BD', 'IT'])], [2, 0, 1, 0], cs(5)),
      held('S32', '10:00', '11:30', [CART_0392, CART_0393], [1, 1, 2, 0], cs(4)),
      notHeld('S33', 'non-svolto', 'assenza-utente', 1, cs()),
      held('S34', '10:00', '11:00', [CART_0392], [1, 0, 1, 1], { ...cs(1), reopen: true }),
      held('S35', '10:00', '11:00', [CART_0392, CART_0393], [1, 1, 1, 0]),
    ],
  },
  {
    ref: 'Q14', org: 'servizi', language: { code: 'ben', variety: 'Sylheti' }, hours: 4, mediator: 'rahim',
    bookings: [{ day: -40, time: '11:00', weekly: 4 }],
    sessions: [
      held('S36', '11:00', '12:00', [CART_0600], [1, 0, 1, 0], cs(3)),
      held('S37', '11:00', '12:00', [], [0, 0, 2, 0], cs()),
      held('S38', '11:00', '12:00', [CART_0600, CART_0601], [1, 1, 1, 0]),
      held('S39', '11:00', '12:00', [CART_0601], [0, 1, 1, 0]),
    ],
  },
  {
    ref: 'Q10', org: 'servizi', language: ARA, hours: 3, mediator: 'amina',
    bookings: [{ day: -16, time: '15:00', place: AT_THE_SERVICE }, { day: -9, time: '15:00', place: AT_THE_SERVICE }],
    sessions: [
      held('S40', '15:00', '16:30', [CS_2201, person('1001', 'F', '18+', ['TN'])], [2, 0, 2, 0], cs(4)),
      held('S41', '15:00', '16:00', [CS_2201, person('CS-2203', 'M', '14-17', 'unknown')], [1, 1, 1, 1]),
    ],
  },
  {
    ref: 'Q11', org: 'servizi', language: { code: 'ukr' }, hours: 3, mediator: 'olena',
    bookings: [{ day: -19, time: '16:00' }, { day: 1, time: '16:00' }, { day: 15, time: '16:00' }],
    sessions: [
      held('S42', '16:00', '17:00', [v1('F', '18+', 'UA'), v1('M', '11-13', 'XX')], [1, 1, 1, 0], { version: 1, ...cs(5) }),
      { kind: 'cancel' },
      { kind: 'scheduled' },
    ],
  },
  {
    ref: 'Q12', org: 'servizi', language: { code: 'urd' }, hours: 2, mediator: 'arshad',
    bookings: [{ day: 5, time: '10:00' }, { day: 6, time: '10:00' }],
    sessions: [{ kind: 'cancel' }, { kind: 'cancel' }],
  },
  { ref: 'Q13', org: 'servizi', language: { code: 'ben', variety: 'Sylheti' } },
];

const KEYS: Record<Org, string> = { manzoni: 'pk_demo_manzoni', rodari: 'pk_demo_rodari', servizi: 'pk_demo_servizi' };
const REFERENTS: Record<Org, string> = { manzoni: 'referente.manzoni@demo.ponte.test', rodari: 'referente.rodari@demo.ponte.test', servizi: 'operatrice.servizi@demo.ponte.test' };
const MEDIATORS: Record<MediatorName, string> = {
  amina: 'amina.elidrissi@demo.ponte.test',
  li: 'li.wei@demo.ponte.test',
  ardit: 'ardit.hoxha@demo.ponte.test',
  rahim: 'rahim.uddin@demo.ponte.test',
  olena: 'olena.kovalenko@demo.ponte.test',
  arshad: 'arshad.mahmood@demo.ponte.test',
};
const SCHOOL_PRESENT = ['participantsPupils', 'participantsParents', 'participantsTeachers', 'participantsOthers'];
const SERVICE_PRESENT = ['participantsAdults', 'participantsMinors', 'participantsOperators', 'participantsOthers'];
/** The report forms' fields shown only when the session was held. */
const HELD_ONLY = [
  'languageUsed', 'activityTypes', 'activityTypeOther', 'mode', 'venue', 'briefingMinutes', 'debriefingMinutes', ...SCHOOL_PRESENT, ...SERVICE_PRESENT,
  'beneficiaries', 'description', 'outcome', 'issues', 'followUpNeeded', 'followUpDetails',
];

/** Today in the Ambito's zone, and instants and dates as offsets from it. */
const today = DateTime.now().setZone(ZONE).startOf('day');
const dayOf = (offset: number) => today.plus({ days: offset }).toISODate()!;
const instant = (offset: number, time: string) => {
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  return today.plus({ days: offset }).set({ hour, minute }).toUTC().toISO()!;
};
const PERIOD = { from: dayOf(PERIOD_DAYS.from), to: dayOf(PERIOD_DAYS.to) };
/** The first day of today's school year (1 September): the demo budgets start there, so a booking before it must override. */
const schoolYearStart = `${today.month >= 9 ? today.year : today.year - 1}-09-01`;

for (const kind of await databaseKinds()) {
  describe(`the fund's indicators on a hand-checked fixture, on ${kind}`, () => {
    let ts: TestServer;
    let other: OtherTenant;
    let coordinator: ReturnType<TestServer['client']>;
    let orgs: Record<Org, string>;
    let before_: { activity: unknown; beneficiaries: unknown; reach: Awaited<ReturnType<ReturnType<TestServer['client']>['indicators']['reach']['query']>> };

    before(async () => {
      ts = await startTestServer(kind);
      const db = ts.server.database.db;
      other = await createOtherTenant(db);
      coordinator = ts.client({ token: await signIn(ts, 'coordinatrice@demo.ponte.test') });
      orgs = { manzoni: await organisationIdByKey(db, KEYS.manzoni), rodari: await organisationIdByKey(db, KEYS.rodari), servizi: await organisationIdByKey(db, KEYS.servizi) };
      const mediatorIds = Object.fromEntries((await coordinator.mediators.list.query({})).map((m) => [m.displayName.split(' ')[0]!.toLowerCase(), m.id]));
      const clients = new Map<string, ReturnType<TestServer['client']>>();
      const as = async (email: string) => {
        if (!clients.has(email)) clients.set(email, ts.client({ token: await signIn(ts, email) }));
        return clients.get(email)!;
      };

      // What the demo Ambito holds in the period before the fixture: nothing, checked in the first test.
      before_ = {
        activity: await coordinator.indicators.activity.query(PERIOD),
        beneficiaries: await coordinator.indicators.beneficiaries.query(PERIOD),
        reach: await coordinator.indicators.reach.query(PERIOD),
      };

      for (const plan of PLAN) {
        const orgId = orgs[plan.org];
        const school = plan.org !== 'servizi';
        let requestId: string | undefined;
        if (plan.language) {
          const formId: FormId = school ? 'school-request' : 'service-request';
          const request = await sendRequest(ts, formId, orgId, { key: KEYS[plan.org] }, { language: plan.language, ...(plan.site ? { site: plan.site } : {}) });
          requestId = request.id;
          if (plan.hours !== undefined) {
            await coordinator.requests.review.mutate({ id: request.id });
            await coordinator.requests.approve.mutate({ id: request.id, hoursAuthorised: plan.hours });
          }
        }

        const appointments: { id: string; startsAt: string }[] = [];
        for (const b of plan.bookings ?? []) {
          const starts = Array.from({ length: b.weekly ?? 1 }, (_, i) => dayOf(b.day + 7 * i));
          const { appointments: booked } = await coordinator.scheduling.book.mutate({
            mediatorId: mediatorIds[plan.mediator!]!,
            organisationId: orgId,
            ...(requestId ? { submissionId: requestId } : {}),
            action: school ? '1' : '2',
            start: instant(b.day, b.time),
            durationMinutes: b.minutes ?? 60,
            mode: b.place ? 'in_person' : 'video',
            ...(b.place ? { place: b.place } : {}),
            ...(b.weekly ? { series: { weeklyCount: b.weekly } } : {}),
            // The demo grants hours from this school year: a session of the last one is recorded over the budget.
            ...(starts.some((d) => d < schoolYearStart) ? { override: true, overrideReason: 'Incontri dell’anno scolastico precedente' } : {}),
          });
          appointments.push(...booked);
        }
        appointments.sort((a, b) => (a.startsAt < b.startsAt ? -1 : 1));
        assert.equal(appointments.length, plan.sessions?.length ?? 0, plan.ref);

        const mediator = plan.mediator ? await as(MEDIATORS[plan.mediator]) : undefined;
        for (const [i, session] of (plan.sessions ?? []).entries()) {
          const a = appointments[i]!;
          if (session.kind === 'scheduled') continue;
          if (session.kind === 'cancel') {
            await coordinator.scheduling.cancel.mutate({ id: a.id, reason: 'Disdetta della famiglia' });
            continue;
          }
          const formId: FormId = school ? 'school-report' : 'service-report';
          const base: Row = { ...sampleFor(formId, orgId), sessionDate: DateTime.fromISO(a.startsAt, { zone: ZONE }).toISODate() };
          let data: Row;
          let first: Row;
          if (session.kind === 'held') {
            const present = Object.fromEntries((school ? SCHOOL_PRESENT : SERVICE_PRESENT).map((key, n) => [key, session.present[n]]));
            const place = plan.bookings!.find((b) => b.place) ? { venue: 'sede-servizio' } : school ? { mode: 'video' } : { venue: 'video' };
            data = { ...base, ...present, ...place, ...(plan.language ? { languageUsed: plan.language } : {}), startTime: session.from, endTime: session.to, beneficiaries: session.people };
            first = { ...data, ...(session.filedAs?.to ? { endTime: session.filedAs.to } : {}), ...(session.filedAs?.people ? { beneficiaries: session.filedAs.people } : {}) };
          } else {
            data = { ...base, startTime: '10:00', endTime: '11:00', status: session.status, notHeldReason: session.reason, noticeHours: session.notice, ...(session.other ? { notHeldReasonOther: session.other } : {}) };
            for (const key of HELD_ONLY) delete data[key];
            first = data;
          }
          const version = session.kind === 'held' ? session.version : undefined;
          const filed = await mediator!.reports.file.mutate({ appointmentId: a.id, data: first, ...(version ? { version } : {}) });
          if (first !== data) await mediator!.reports.correct.mutate({ id: filed.id, data });
          if (session.countersign) {
            const referent = await as(REFERENTS[plan.org]);
            const { rating } = session.countersign;
            await referent.reports.countersign.mutate({ id: filed.id, ...(rating !== undefined ? { rating } : {}) });
          }
          if (session.kind === 'held' && session.reopen) {
            await coordinator.reports.reopen.mutate({ id: filed.id, reason: 'Il voto era per un altro incontro: da rivedere con il servizio' });
          }
        }
      }
    });
    after(() => ts.close());

    /** Rows as the service orders them (by organisation id, then AZIONE), ids put in for the organisations' names. */
    const rowsOf = (rows: readonly { org: Org; action: string }[]) =>
      rows.map(({ org, ...row }) => ({ organisationId: orgs[org], ...row })).sort((a, b) => (a.organisationId < b.organisationId ? -1 : a.organisationId > b.organisationId ? 1 : 0));

    it('starts from a period the demo Ambito does not touch', () => {
      assert.deepEqual(before_.activity, { from: PERIOD.from, to: PERIOD.to, ...NOTHING.activity });
      assert.deepEqual(before_.beneficiaries, { from: PERIOD.from, to: PERIOD.to, ...NOTHING.beneficiaries });
      assert.deepEqual(before_.reach, { from: PERIOD.from, to: PERIOD.to, ...NOTHING.reach });
    });

    it('was made through the procedures: 42 reports (37 held, 5 not held) of 49 appointments, the derived rows the server’s own', async () => {
      const db = ts.server.database.db;
      const reports = await db.selectFrom('reports').select(['outcome', 'status']).execute();
      assert.equal(reports.length, 42);
      assert.equal(reports.filter((r) => r.outcome === 'held').length, 37);
      assert.equal(reports.filter((r) => r.status === 'countersigned').length, 25);
      const appointments = await db.selectFrom('appointments').select(['status', 'cancellation']).execute();
      const byStatus = (status: string, cancellation: string | null = null) => appointments.filter((a) => a.status === status && (a.cancellation ?? null) === cancellation).length;
      assert.deepEqual(
        [appointments.length, byStatus('held'), byStatus('not_held'), byStatus('cancelled', 'late'), byStatus('cancelled', 'in_time'), byStatus('scheduled')],
        [49, 37, 5, 2, 2, 3],
      );
      // The pupil of the ten-session series: ten rows, one per report, under one person.
      const pupil = await db.selectFrom('report_beneficiaries').select(['person_key', 'age_band']).where('person_key', '=', `${orgs.manzoni}/code:MZ-0101`).execute();
      assert.equal(pupil.length, 10);
      assert.equal(pupil.filter((r) => r.age_band === '11-13').length, 4);
      const typo = await db.selectFrom('report_beneficiaries').select('person_key').where('person_key', '=', `${orgs.manzoni}/code:MZ-0110`).execute();
      assert.deepEqual(typo, [], 'the correction rewrote the rows');
    });

    describe('indicators.activity', () => {
      it('counts the interventions and hours by organisation and AZIONE, with the totals', async () => {
        const result = await coordinator.indicators.activity.query(PERIOD);
        assert.deepEqual(result.rows, rowsOf([MANZONI_ACTIVITY, RODARI_ACTIVITY, SERVIZI_ACTIVITY]));
        assert.deepEqual(result.totals, ACTIVITY_TOTALS);
      });

      it('narrows to an AZIONE', async () => {
        const result = await coordinator.indicators.activity.query({ ...PERIOD, action: '2' });
        assert.deepEqual(result.rows, rowsOf([SERVIZI_ACTIVITY]));
        const { org: _o, action: _a, ...totals } = SERVIZI_ACTIVITY;
        assert.deepEqual(result.totals, totals);
      });

      it('narrows to an organisation', async () => {
        const result = await coordinator.indicators.activity.query({ ...PERIOD, organisationId: orgs.rodari });
        assert.deepEqual(result.rows, rowsOf([RODARI_ACTIVITY]));
        const { org: _o, action: _a, ...totals } = RODARI_ACTIVITY;
        assert.deepEqual(result.totals, totals);
      });

      it('narrows to the language the requests asked for', async () => {
        const result = await coordinator.indicators.activity.query({ ...PERIOD, language: 'ara' });
        assert.deepEqual(result.rows, rowsOf(ACTIVITY_ARA.rows));
        assert.deepEqual(result.totals, ACTIVITY_ARA.totals);
      });

      it('writes the same figures as a CSV file, read back with a CSV parser', async () => {
        const db = ts.server.database.db;
        const names = Object.fromEntries(await Promise.all((Object.keys(orgs) as Org[]).map(async (org) => [org, (await db.selectFrom('organisations').select('name').where('id', '=', orgs[org]).executeTakeFirstOrThrow()).name])));
        const file = await coordinator.indicators.activityCsv.query(PERIOD);
        assert.equal(file.filename, `ponte-attivita_${PERIOD.from}_${PERIOD.to}.csv`);
        const [header, ...lines] = parse(file.content, { delimiter: ';', bom: true }) as string[][];
        assert.deepEqual(header, ACTIVITY_CSV.header);
        const expected = rowsOf([MANZONI_ACTIVITY, RODARI_ACTIVITY, SERVIZI_ACTIVITY]).map((r) => {
          const org = (Object.keys(orgs) as Org[]).find((o) => orgs[o] === r.organisationId)!;
          return [names[org], ...ACTIVITY_CSV[org]];
        });
        assert.deepEqual(lines, [...expected, [...ACTIVITY_CSV.total]]);
      });
    });

    describe('indicators.beneficiaries', () => {
      it('counts every third-country and stateless person once, Italian, EU and unknown apart, in every group', async () => {
        const result = await coordinator.indicators.beneficiaries.query(PERIOD);
        assert.deepEqual(result, { from: PERIOD.from, to: PERIOD.to, ...BENEFICIARIES });
      });

      it('a pupil in a ten-session series counts once', async () => {
        const result = await coordinator.indicators.beneficiaries.query(PERIOD);
        // MZ-0101, Egyptian, at all ten sessions: one person, as the latest (S10, 11-13) describes him; never 6-10, never twice.
        const egyptianBoys = result.groups.filter((g) => g.citizenship === 'EG' && g.sex === 'M');
        assert.deepEqual(egyptianBoys, [{ status: 'third_country', sex: 'M', ageBand: '11-13', citizenship: 'EG', people: 1 }]);
      });

      it('an Italian-Moroccan pupil never counts', async () => {
        // MZ-0202 holds MA and IT (S11, then IT and MA at S12): EU, not counted, on either day or over the period.
        const [s11, s12] = [
          await coordinator.indicators.beneficiaries.query({ from: dayOf(-60), to: dayOf(-60) }),
          await coordinator.indicators.beneficiaries.query({ from: dayOf(-53), to: dayOf(-53) }),
        ];
        assert.deepEqual(s11, { from: dayOf(-60), to: dayOf(-60), ...BENEFICIARIES_DAYS['-60'] });
        assert.deepEqual(s12, { from: dayOf(-53), to: dayOf(-53), ...BENEFICIARIES_DAYS['-53'] });
        const all = await coordinator.indicators.beneficiaries.query(PERIOD);
        assert.equal(all.groups.filter((g) => g.sex === 'F' && g.ageBand === '14-17').length, 0);
      });

      it('unknown never counts', async () => {
        const [s13, s28] = [
          await coordinator.indicators.beneficiaries.query({ from: dayOf(-45), to: dayOf(-45) }),
          await coordinator.indicators.beneficiaries.query({ from: dayOf(-13), to: dayOf(-13) }),
        ];
        // S13 (version 1): XX is stateless or unknown, so unknown; S28 (version 2): RD-0602, citizenship unknown.
        assert.deepEqual(s13, { from: dayOf(-45), to: dayOf(-45), ...BENEFICIARIES_DAYS['-45'] });
        assert.deepEqual(s28, { from: dayOf(-13), to: dayOf(-13), ...BENEFICIARIES_DAYS['-13'] });
        const all = await coordinator.indicators.beneficiaries.query(PERIOD);
        assert.equal(all.notCounted.unknown, 4);
        assert.ok(all.groups.every((g) => g.status === 'third_country' || g.status === 'stateless'));
      });

      it('stateless counts', async () => {
        const s27 = await coordinator.indicators.beneficiaries.query({ from: dayOf(-20), to: dayOf(-20) });
        assert.deepEqual(s27, { from: dayOf(-20), to: dayOf(-20), ...BENEFICIARIES_DAYS['-20'] });
        const all = await coordinator.indicators.beneficiaries.query(PERIOD);
        assert.deepEqual(all.groups.filter((g) => g.status === 'stateless'), [{ status: 'stateless', sex: 'F', ageBand: '0-5', citizenship: null, people: 1 }]);
      });

      it('a person of two third-country citizenships counts once; one code at two organisations is two people', async () => {
        const services = await coordinator.indicators.beneficiaries.query({ ...PERIOD, action: '2' });
        // CS-2201 (MA and TN, at S40 and S41): one man, under MA; none under TN.
        assert.deepEqual(services.groups.filter((g) => g.sex === 'M' && g.ageBand === '18+'), [{ status: 'third_country', sex: 'M', ageBand: '18+', citizenship: 'MA', people: 1 }]);
        // 1001 at Rodari (a boy, AL) and 1001 at the service (a woman, TN).
        const all = await coordinator.indicators.beneficiaries.query(PERIOD);
        assert.ok(all.groups.some((g) => g.citizenship === 'AL' && g.sex === 'M' && g.ageBand === '0-5' && g.people === 1));
        assert.ok(all.groups.some((g) => g.citizenship === 'TN' && g.sex === 'F' && g.ageBand === '18+' && g.people === 1));
      });

      it('narrows to an AZIONE', async () => {
        for (const [action, expected] of [['1', BENEFICIARIES_ACTION_1], ['2', BENEFICIARIES_ACTION_2]] as const) {
          const result = await coordinator.indicators.beneficiaries.query({ ...PERIOD, action });
          assert.deepEqual(result, { from: PERIOD.from, to: PERIOD.to, ...expected }, `AZIONE ${action}`);
        }
      });

      it('narrows to a language, and to a mode', async () => {
        for (const [language, expected] of [['ara', BENEFICIARIES_ARA], ['ben', BENEFICIARIES_BEN]] as const) {
          const result = await coordinator.indicators.beneficiaries.query({ ...PERIOD, language });
          assert.deepEqual(result, { from: PERIOD.from, to: PERIOD.to, ...expected }, language);
        }
        const inPerson = await coordinator.indicators.beneficiaries.query({ ...PERIOD, mode: 'in_person' });
        assert.deepEqual(inPerson, { from: PERIOD.from, to: PERIOD.to, ...BENEFICIARIES_IN_PERSON });
      });
    });

    describe('indicators.reach', () => {
      /** reach without the mediators per language, which the next test checks on its own */
      const withoutMediators = <T extends { languages: { mediators: number }[] }>(r: T) => ({ ...r, languages: r.languages.map(({ mediators: _m, ...l }) => l) });

      it('counts the organisations, sites, families, presences, requests, languages and ratings', async () => {
        const result = await coordinator.indicators.reach.query(PERIOD);
        assert.deepEqual(result.involved, REACH.involved);
        assert.equal(result.families, REACH.families);
        assert.deepEqual(result.presences, REACH.presences);
        assert.deepEqual(result.requests, REACH.requests);
        assert.deepEqual(withoutMediators(result).languages, withoutMediators(REACH).languages);
        assert.deepEqual(result.satisfaction, REACH.satisfaction);
      });

      it('sets beside each language asked for the mediators who speak it, as matching decides who speaks it', async () => {
        // Q6 asked for Chinese (zho, Mandarin), held with Li, whose profile says cmn (Mandarin, a member of zho).
        const result = await coordinator.indicators.reach.query(PERIOD);
        assert.deepEqual(result.languages.map((l) => [l.language, l.mediators]), REACH.languages.map((l) => [l.language, l.mediators]));
      });

      it('narrows to an AZIONE', async () => {
        const result = await coordinator.indicators.reach.query({ ...PERIOD, action: '2' });
        assert.deepEqual(withoutMediators(result), withoutMediators({ from: PERIOD.from, to: PERIOD.to, ...REACH_ACTION_2 }));
        assert.deepEqual(result.languages.map((l) => l.mediators), REACH_ACTION_2.languages.map((l) => l.mediators));
      });

      it('narrows to a language', async () => {
        const result = await coordinator.indicators.reach.query({ ...PERIOD, language: 'ara' });
        assert.deepEqual(result, { from: PERIOD.from, to: PERIOD.to, ...REACH_ARA });
      });
    });

    it('shows another Ambito’s coordinator nothing of this one', async () => {
      const theirs = ts.client({ token: await signIn(ts, other.emails.coordinator, OTHER_PASSWORD) });
      assert.deepEqual(await theirs.indicators.activity.query(PERIOD), { from: PERIOD.from, to: PERIOD.to, ...NOTHING.activity });
      assert.deepEqual(await theirs.indicators.beneficiaries.query(PERIOD), { from: PERIOD.from, to: PERIOD.to, ...NOTHING.beneficiaries });
      assert.deepEqual(await theirs.indicators.reach.query(PERIOD), { from: PERIOD.from, to: PERIOD.to, ...NOTHING.reach });
      const [header, ...lines] = parse((await theirs.indicators.activityCsv.query(PERIOD)).content, { delimiter: ';', bom: true }) as string[][];
      assert.deepEqual(header, ACTIVITY_CSV.header);
      assert.deepEqual(lines, [['Totale', '', '', '0', '0', '0', '0', '0', '0', '0', '0', '0']]);
    });
  });
}
