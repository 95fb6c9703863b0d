import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { databaseKinds } from '../helpers/databases.js';
import { createOtherTenant, organisationIdByKey, OTHER_PASSWORD, type OtherTenant } from '../helpers/fixtures.js';
import { expectTrpcError, signIn, startTestServer, type TestServer } from '../helpers/test-server.js';

/*
 * indicators.activity on a fixture written row by row, its figures worked
 * out by hand below. The period is November 2030 in the Ambito's zone
 * (Europe/Rome, UTC+1 then): an appointment at 23:30 UTC on 31 October is
 * on 1 November there and counts, one at 22:30 UTC does not; 22:59 UTC on
 * 30 November is still November there, 23:00 UTC is December.
 *
 * School (action 1):  A1 held 60 min, report countersigned 60
 *                     A2 held 90, countersigned 90
 *                     A3 held 60, report filed (awaiting) 60
 *                     A4 not held 60, countersigned 0
 *                     A5 cancelled late 60, no report
 *                     A6 cancelled in time 0
 *                     A7 scheduled 60 (30 Nov 22:59 UTC)
 *   → held 3, not held 1, late 1, in time 1, scheduled 1;
 *     booked 60+90+60+60+60+0+60 = 390; delivered 60+90+0 = 150; awaiting 60.
 * Service (action 2): B1 held 120, countersigned 120 (31 Oct 23:30 UTC: 1 Nov in Rome)
 *                     B2 held, 31 Oct 22:30 UTC: October in Rome, out
 *                     B3 scheduled, 30 Nov 23:00 UTC: December in Rome, out
 *   → held 1; booked 120; delivered 120; awaiting 0.
 * Totals: held 4, not held 1, late 1, in time 1, scheduled 1; booked 510; delivered 270; awaiting 60.
 */

const PERIOD = { from: '2030-11-01', to: '2030-11-30' };

for (const kind of await databaseKinds()) {
  describe(`indicators.activity on ${kind}`, () => {
    let ts: TestServer;
    let school: string;
    let service: string;
    let other: OtherTenant;
    let coordinator: ReturnType<TestServer['client']>;

    before(async () => {
      ts = await startTestServer(kind);
      const db = ts.server.database.db;
      school = await organisationIdByKey(db, 'pk_demo_manzoni');
      service = await organisationIdByKey(db, 'pk_demo_servizi');
      other = await createOtherTenant(db);
      coordinator = ts.client({ token: await signIn(ts, 'coordinatrice@demo.ponte.test') });
      const tenantId = (await db.selectFrom('organisations').select('tenant_id').where('id', '=', school).executeTakeFirstOrThrow()).tenant_id;
      const [mediatorId, secondMediatorId] = (await db.selectFrom('mediators').select('id').where('tenant_id', '=', tenantId).orderBy('id').limit(2).execute()).map((m) => m.id);
      const userId = (await db.selectFrom('users').select('id').where('email', '=', 'coordinatrice@demo.ponte.test').executeTakeFirstOrThrow()).id;

      const at = '2030-10-01T08:00:00.000Z';
      const appointment = (id: string, organisationId: string, action: '1' | '2', startsAt: string, minutes: number, status: 'held' | 'not_held' | 'cancelled' | 'scheduled', billed: number, cancellation: 'late' | 'in_time' | null = null, mediator = mediatorId) => {
        const ends = new Date(Date.parse(startsAt) + minutes * 60_000).toISOString();
        return {
          id, tenant_id: tenantId, mediator_id: mediator!, organisation_id: organisationId, submission_id: null, series_id: null, action, school_year: '2030/31',
          starts_at: startsAt, ends_at: ends, buffer_until: ends, mode: 'video' as const, place: '', place_key: '', case_code: 'ACT-1', status, sequence: 0,
          billed_minutes: billed, cancelled_at: status === 'cancelled' ? at : null, cancellation, created_at: at, updated_at: at, idempotency_key: null, request_hash: null,
        };
      };
      await db.insertInto('appointments').values([
        appointment('act-a1', school, '1', '2030-11-04T08:00:00.000Z', 60, 'held', 60),
        appointment('act-a2', school, '1', '2030-11-05T08:00:00.000Z', 90, 'held', 90),
        appointment('act-a3', school, '1', '2030-11-06T08:00:00.000Z', 60, 'held', 60),
        appointment('act-a4', school, '1', '2030-11-07T08:00:00.000Z', 60, 'not_held', 60),
        appointment('act-a5', school, '1', '2030-11-08T08:00:00.000Z', 60, 'cancelled', 60, 'late'),
        appointment('act-a6', school, '1', '2030-11-11T08:00:00.000Z', 60, 'cancelled', 0, 'in_time'),
        appointment('act-a7', school, '1', '2030-11-30T22:59:00.000Z', 60, 'scheduled', 60),
        appointment('act-b1', service, '2', '2030-10-31T23:30:00.000Z', 120, 'held', 120),
        appointment('act-b2', service, '2', '2030-10-31T20:00:00.000Z', 60, 'held', 60),
        // Another mediator: the first is at A7 then.
        appointment('act-b3', service, '2', '2030-11-30T23:00:00.000Z', 60, 'scheduled', 60, null, secondMediatorId),
      ]).execute();
      const report = (appointmentId: string, organisationId: string, outcome: 'held' | 'not_held', counted: number, status: 'filed' | 'countersigned') => ({
        id: `report-${appointmentId}`, tenant_id: tenantId, appointment_id: appointmentId, submission_id: null, organisation_id: organisationId, mediator_id: mediatorId!,
        form_id: 'school-report', form_version: 1, data: '{}', outcome, delivered_minutes: counted, counted_minutes: counted, status, revision: 1,
        filed_by_user_id: userId, filed_at: at, updated_at: at, countersigned_at: status === 'countersigned' ? at : null, countersigned_by_user_id: status === 'countersigned' ? userId : null,
      });
      await db.insertInto('reports').values([
        report('act-a1', school, 'held', 60, 'countersigned'),
        report('act-a2', school, 'held', 90, 'countersigned'),
        report('act-a3', school, 'held', 60, 'filed'),
        report('act-a4', school, 'not_held', 0, 'countersigned'),
        report('act-b1', service, 'held', 120, 'countersigned'),
        report('act-b2', service, 'held', 60, 'countersigned'),
      ]).execute();
    });
    after(() => ts.close());

    const none = { held: 0, notHeld: 0, cancelledLate: 0, cancelledInTime: 0, scheduled: 0 };
    const schoolRow = {
      organisationId: '',
      action: '1',
      interventions: { held: 3, notHeld: 1, cancelledLate: 1, cancelledInTime: 1, scheduled: 1 },
      // Written row by row, the appointments serve no request: nothing was authorised in the period.
      minutesAuthorised: 0,
      minutesBooked: 390,
      minutesDelivered: 150,
      minutesAwaitingCountersignature: 60,
    };
    const serviceRow = { organisationId: '', action: '2', interventions: { ...none, held: 1 }, minutesAuthorised: 0, minutesBooked: 120, minutesDelivered: 120, minutesAwaitingCountersignature: 0 };

    it('counts the period’s interventions and hours by organisation and AZIONE, the days taken in the Ambito’s zone', async () => {
      const result = await coordinator.indicators.activity.query(PERIOD);
      // Rows come ordered by organisation, then AZIONE.
      const expected = [{ ...schoolRow, organisationId: school }, { ...serviceRow, organisationId: service }].sort((a, b) => (a.organisationId < b.organisationId ? -1 : 1));
      assert.deepEqual(result.rows, expected);
      assert.deepEqual(result.totals, {
        interventions: { held: 4, notHeld: 1, cancelledLate: 1, cancelledInTime: 1, scheduled: 1 },
        minutesAuthorised: 0,
        minutesBooked: 510,
        minutesDelivered: 270,
        minutesAwaitingCountersignature: 60,
      });
    });

    it('writes the same figures as a CSV file for Italian spreadsheets, in hours, named in the caller’s language', async () => {
      const db = ts.server.database.db;
      const named = async (id: string) => db.selectFrom('organisations').select(['name', 'mechanographic_code']).where('id', '=', id).executeTakeFirstOrThrow();
      const [s, v] = [await named(school), await named(service)];
      const file = await coordinator.indicators.activityCsv.query(PERIOD);
      assert.equal(file.filename, 'ponte-attivita_2030-11-01_2030-11-30.csv');
      assert.ok(file.content.startsWith('\uFEFF'));
      const [header, ...lines] = parse(file.content, { delimiter: ';', bom: true }) as string[][];
      assert.deepEqual(header, ['Organizzazione', 'Codice meccanografico', 'AZIONE', 'Svolti', 'Non svolti', 'Annullati tardi', 'Annullati in tempo', 'Programmati', 'Ore autorizzate', 'Ore prenotate', 'Ore erogate', 'Ore in attesa di controfirma']);
      const schoolLine = [s.name, s.mechanographic_code ?? '', '1', '3', '1', '1', '1', '1', '0', '6,5', '2,5', '1'];
      const serviceLine = [v.name, v.mechanographic_code ?? '', '2', '1', '0', '0', '0', '0', '0', '2', '2', '0'];
      assert.deepEqual(new Set(lines.slice(0, 2).map((l) => l.join('|'))), new Set([schoolLine.join('|'), serviceLine.join('|')]));
      assert.deepEqual(lines[2], ['Totale', '', '', '4', '1', '1', '1', '1', '0', '8,5', '4,5', '1']);
      assert.equal(lines.length, 3);

      const english = await ts.client({ token: await signIn(ts, 'coordinatrice@demo.ponte.test'), locale: 'en' }).indicators.activityCsv.query({ ...PERIOD, organisationId: school });
      assert.equal(english.filename, 'ponte-activity_2030-11-01_2030-11-30.csv');
      const [enHeader, enLine, enTotal] = parse(english.content, { delimiter: ';', bom: true }) as string[][];
      assert.equal(enHeader![0], 'Organisation');
      assert.deepEqual(enLine!.slice(9), ['6.5', '2.5', '1']);
      assert.equal(enTotal![0], 'Total');
    });

    it('narrows to an AZIONE or an organisation', async () => {
      const byAction = await coordinator.indicators.activity.query({ ...PERIOD, action: '2' });
      assert.deepEqual(byAction.rows, [{ ...serviceRow, organisationId: service }]);
      const byOrganisation = await coordinator.indicators.activity.query({ ...PERIOD, organisationId: school });
      assert.deepEqual(byOrganisation.rows, [{ ...schoolRow, organisationId: school }]);
      assert.equal(byOrganisation.totals.minutesDelivered, 150);
    });

    it('lists the same interventions a line each, in the Ambito’s local dates and times', async () => {
      const db = ts.server.database.db;
      const name = async (id: string) => (await db.selectFrom('organisations').select('name').where('id', '=', id).executeTakeFirstOrThrow()).name;
      const [s, v] = [await name(school), await name(service)];
      const file = await coordinator.indicators.interventionsCsv.query(PERIOD);
      assert.equal(file.filename, 'ponte-interventi_2030-11-01_2030-11-30.csv');
      const [header, ...lines] = parse(file.content, { delimiter: ';', bom: true }) as string[][];
      assert.deepEqual(header, ['Data', 'Ora', 'Organizzazione', 'Codice meccanografico', 'AZIONE', 'Protocollo richiesta', 'Lingua', 'Modalità', 'Esito', 'Ore prenotate', 'Scheda', 'Ore erogate']);
      // Date, time, organisation, AZIONE, outcome, hours booked, report, hours delivered: B1, then A1–A7 (B2 is October's, B3 December's in Rome).
      const seen = lines.map((l) => [l[0], l[1], l[2], l[4], l[8], l[9], l[10], l[11]]);
      assert.deepEqual(seen, [
        ['2030-11-01', '00:30', v, '2', 'Svolto', '2', 'Vistata', '2'],
        ['2030-11-04', '09:00', s, '1', 'Svolto', '1', 'Vistata', '1'],
        ['2030-11-05', '09:00', s, '1', 'Svolto', '1,5', 'Vistata', '1,5'],
        ['2030-11-06', '09:00', s, '1', 'Svolto', '1', 'Inviata, da vistare', ''],
        ['2030-11-07', '09:00', s, '1', 'Non svolto', '1', 'Vistata', '0'],
        ['2030-11-08', '09:00', s, '1', 'Annullato tardi', '1', 'Nessuna', ''],
        ['2030-11-11', '09:00', s, '1', 'Annullato in tempo', '0', 'Nessuna', ''],
        ['2030-11-30', '23:59', s, '1', 'Programmato', '1', 'Nessuna', ''],
      ]);
      assert.ok(lines.every((l) => l[7] === 'In videochiamata'));
    });

    it('takes one day, and answers an empty period with zeros', async () => {
      const first = await coordinator.indicators.activity.query({ from: '2030-11-01', to: '2030-11-01' });
      assert.deepEqual(first.rows.map((r) => [r.organisationId, r.interventions.held]), [[service, 1]]);
      const empty = await coordinator.indicators.activity.query({ from: '2031-01-01', to: '2031-01-31' });
      assert.deepEqual(empty.rows, []);
      assert.deepEqual(empty.totals, { interventions: none, minutesAuthorised: 0, minutesBooked: 0, minutesDelivered: 0, minutesAwaitingCountersignature: 0 });
    });

    it('refuses a period backwards or over three years, naming `to`', async () => {
      for (const input of [{ from: '2030-11-30', to: '2030-11-01' }, { from: '2027-01-01', to: '2030-12-31' }]) {
        const error = await expectTrpcError(coordinator.indicators.activity.query(input));
        assert.equal(error.data?.code, 'BAD_REQUEST');
        assert.ok(error.data?.fieldErrors && 'to' in error.data.fieldErrors, JSON.stringify(error.data?.fieldErrors));
      }
    });

    it('shows another Ambito’s coordinator nothing of this one, and refuses other roles', async () => {
      const theirs = await ts.client({ token: await signIn(ts, other.emails.coordinator, OTHER_PASSWORD) }).indicators.activity.query(PERIOD);
      assert.deepEqual(theirs.rows, []);
      for (const email of ['amina.elidrissi@demo.ponte.test', 'referente.manzoni@demo.ponte.test', 'clinica@demo.ponte.test']) {
        const error = await expectTrpcError(ts.client({ token: await signIn(ts, email) }).indicators.activity.query(PERIOD));
        assert.equal(error.data?.code, 'FORBIDDEN', email);
      }
    });
  });
}
