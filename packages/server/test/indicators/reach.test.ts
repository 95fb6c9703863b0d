import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { databaseKinds } from '../helpers/databases.js';
import { createOtherTenant, OTHER_PASSWORD, type OtherTenant } from '../helpers/fixtures.js';
import { reportKit, romeDate } from '../helpers/reports.js';
import { hoursAgo, sendRequest } from '../helpers/requests.js';
import { schedulingFixture, type SchedulingFixture } from '../helpers/scheduling.js';
import { signIn, startTestServer, type TestServer } from '../helpers/test-server.js';

/*
 * indicators.reach on requests and reports made through the procedures, as
 * the figures the fixture adds to what the demo Ambito already holds
 * (each figure taken before and after), worked out by hand:
 *
 *   R1 Manzoni A.1 (ara, Plesso Rodari), held: pupils 1, parents 2, teachers 2, other staff 0; countersigned, rating 4
 *   R2 Manzoni A.1 (ara, Plesso Collodi), held: pupils 0, parents 0, teachers 3, other staff 1; countersigned, rating 5
 *   R3 Manzoni A.1 (ara, plesso rodari again, written otherwise), not held
 *   R4 Servizi A.3 (ben), held: adults 1, children 0, workers 1; filed, no rating
 *   R5 Servizi A.3 (ben), received, never booked
 *
 *   involved: schools +1 (Manzoni), sites +2 (Rodari, Collodi; R3's not held), services +1
 *   families +2 (R1, R4: R2 had no family member present)
 *   presences: family 3 + 0 + 1 = 4; teachers 2 + 3 = 5; operators 0 + 1 + 1 = 2
 *   requests +5, authorised 4 h × 4 approved = 960 minutes
 *   languages: ara +3 requests, +3 booked, +2 held; ben +2, +1, +1
 *   ratings +2: one 4, one 5
 */

for (const kind of await databaseKinds()) {
  describe(`indicators.reach on ${kind}`, () => {
    let ts: TestServer;
    let fx: SchedulingFixture;
    let other: OtherTenant;
    let coordinator: ReturnType<TestServer['client']>;
    const period = { from: romeDate(hoursAgo(24 * 4)), to: romeDate(new Date().toISOString()) };
    let before_: Awaited<ReturnType<ReturnType<TestServer['client']>['indicators']['reach']['query']>>;
    let after_: typeof before_;

    before(async () => {
      ts = await startTestServer(kind);
      fx = await schedulingFixture(ts);
      other = await createOtherTenant(ts.server.database.db);
      coordinator = ts.client({ token: fx.coordinator });
      before_ = await coordinator.indicators.reach.query(period);

      const kit = reportKit(ts, fx, coordinator);
      const amina = ts.client({ token: await signIn(ts, 'amina.elidrissi@demo.ponte.test') });
      const rahim = ts.client({ token: await signIn(ts, 'rahim.uddin@demo.ponte.test') });
      const referent = ts.client({ token: await signIn(ts, 'referente.manzoni@demo.ponte.test') });

      /** an A.1 of Manzoni at `site`, approved for 4 hours and booked with Amina an hour in the past */
      const schoolBooking = async (site: string) => {
        const r = await sendRequest(ts, 'school-request', fx.orgs.manzoni, { key: 'pk_demo_manzoni' }, { site });
        await coordinator.requests.review.mutate({ id: r.id });
        await coordinator.requests.approve.mutate({ id: r.id, hoursAuthorised: 4 });
        const { appointments } = await coordinator.scheduling.book.mutate({
          mediatorId: fx.mediators.amina!, organisationId: fx.orgs.manzoni, submissionId: r.id, action: '1', start: kit.pastSlot(), durationMinutes: 60, mode: 'video',
        });
        return appointments[0]!;
      };
      const r1 = await schoolBooking('Plesso Rodari, via Marconi 12');
      const f1 = await amina.reports.file.mutate({ appointmentId: r1.id, data: kit.reportData(r1, { participantsPupils: 1, participantsParents: 2, participantsTeachers: 2, participantsOthers: 0 }) });
      await referent.reports.countersign.mutate({ id: f1.id, rating: 4 });
      const r2 = await schoolBooking('Plesso Collodi');
      const f2 = await amina.reports.file.mutate({ appointmentId: r2.id, data: kit.reportData(r2, { participantsPupils: 0, participantsParents: 0, participantsTeachers: 3, participantsOthers: 1 }) });
      await referent.reports.countersign.mutate({ id: f2.id, rating: 5 });
      const r3 = await schoolBooking('  plesso RODARI, via Marconi 12 ');
      await amina.reports.file.mutate({ appointmentId: r3.id, data: kit.notHeld(r3) });

      const { appointment: r4 } = await kit.booked('rahim', { formId: 'service-request' });
      await rahim.reports.file.mutate({ appointmentId: r4.id, data: kit.reportData(r4, { participantsAdults: 1, participantsMinors: 0, participantsOperators: 1, participantsOthers: 0 }) });
      await sendRequest(ts, 'service-request', fx.orgs.servizi, { key: 'pk_demo_servizi' });

      after_ = await coordinator.indicators.reach.query(period);
    });
    after(() => ts.close());

    const language = (r: typeof before_, code: string) => r.languages.find((l) => l.language === code) ?? { requests: 0, booked: 0, held: 0, mediators: 0 };

    it('counts the organisations, sites and families the held sessions reached, and who was present', () => {
      assert.deepEqual(
        { schools: after_.involved.schools - before_.involved.schools, sites: after_.involved.sites - before_.involved.sites, services: after_.involved.services - before_.involved.services },
        { schools: 1, sites: 2, services: 1 },
      );
      assert.equal(after_.families - before_.families, 2);
      assert.deepEqual(
        { family: after_.presences.family - before_.presences.family, teachers: after_.presences.teachers - before_.presences.teachers, operators: after_.presences.operators - before_.presences.operators },
        { family: 4, teachers: 5, operators: 2 },
      );
    });

    it('sets the requests and languages asked for against those booked and held, and who speaks them', async () => {
      assert.equal(after_.requests.received - before_.requests.received, 5);
      assert.equal(after_.requests.minutesAuthorised - before_.requests.minutesAuthorised, 960);
      for (const [code, added] of [['ara', { requests: 3, booked: 3, held: 2 }], ['ben', { requests: 2, booked: 1, held: 1 }]] as const) {
        const [was, is] = [language(before_, code), language(after_, code)];
        assert.deepEqual({ requests: is.requests - was.requests, booked: is.booked - was.booked, held: is.held - was.held }, added, code);
      }
      const db = ts.server.database.db;
      const speakers = await db.selectFrom('mediator_languages as l').innerJoin('mediators as m', 'm.id', 'l.mediator_id')
        .select((eb) => eb.fn.count<number>('l.mediator_id').distinct().as('n')).where('l.language_code', '=', 'ara').where('m.disabled_at', 'is', null)
        .where('l.tenant_id', '=', (await db.selectFrom('organisations').select('tenant_id').where('id', '=', fx.orgs.manzoni).executeTakeFirstOrThrow()).tenant_id).executeTakeFirstOrThrow();
      assert.equal(language(after_, 'ara').mediators, Number(speakers.n));
      assert.ok(Number(speakers.n) > 0);
    });

    it('adds up the referents’ ratings', () => {
      const added = after_.satisfaction.distribution.map((n, i) => n - before_.satisfaction.distribution[i]!);
      assert.deepEqual(added, [0, 0, 0, 1, 1]);
      assert.equal(after_.satisfaction.ratings - before_.satisfaction.ratings, 2);
      if (before_.satisfaction.ratings === 0) assert.equal(after_.satisfaction.mean, 4.5);
    });

    it('narrows to an AZIONE, an organisation or a language; AZIONE 4 has no requests', async () => {
      const services = await coordinator.indicators.reach.query({ ...period, action: '2', organisationId: fx.orgs.servizi });
      assert.equal(services.involved.schools, 0);
      assert.equal(services.presences.teachers, 0);
      const bengali = await coordinator.indicators.reach.query({ ...period, language: 'ben' });
      assert.deepEqual(bengali.languages.map((l) => l.language), ['ben']);
      const research = await coordinator.indicators.reach.query({ ...period, action: '4' });
      assert.deepEqual([research.requests, research.languages], [{ received: 0, minutesAuthorised: 0 }, []]);
    });

    it('counts nothing of another Ambito', async () => {
      const theirs = ts.client({ token: await signIn(ts, other.emails.coordinator, OTHER_PASSWORD) });
      const result = await theirs.indicators.reach.query(period);
      assert.deepEqual([result.involved, result.families, result.requests.received, result.satisfaction.ratings], [{ schools: 0, sites: 0, services: 0 }, 0, 0, 0]);
    });
  });
}
