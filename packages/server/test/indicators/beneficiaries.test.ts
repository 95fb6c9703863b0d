import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { databaseKinds } from '../helpers/databases.js';
import { createOtherTenant, OTHER_PASSWORD, type OtherTenant } from '../helpers/fixtures.js';
import { reportKit, romeDate } from '../helpers/reports.js';
import { schedulingFixture, type SchedulingFixture } from '../helpers/scheduling.js';
import { signIn, startTestServer, type TestServer } from '../helpers/test-server.js';

/*
 * indicators.beneficiaries on reports filed through reports.file, as a
 * mediator files them, worked out by hand:
 *
 * Manzoni (school, AZIONE 1, language ara):
 *   S1 held, v2: REG-1 M 6-10 MA · FAM-1 F 18+ MA+IT (Italian: not counted) · REG-2 F 11-13 stateless · REG-3 M 14-17 unknown
 *   S2 held, v2: reg-1 (REG-1 again: one person) M 6-10 MA · REG-4 F 6-10 RO (EU) · REG-5 F 6-10 CN
 *   S3 not held: nobody
 *   S4 held, v1 (no codes, each row a person): M 6-10 MA (counted) · F 18+ XX (stateless or unknown: not counted)
 *   S5 held, v2, filed with REG-6 M 6-10 EG then corrected to REG-7 F 14-17 AL: only REG-7 counts
 * Servizi (service, AZIONE 2, language ben):
 *   S6 held, v2: REG-1 M 18+ MA (another organisation's REG-1: another person) · X-9 F 18+ UA+MD
 *   S7 an ethnoclinical consultation (A.5, AZIONE 2, no language of its own), held: CLIN-1 F 11-13 EG
 *
 * Counted: Manzoni REG-1, REG-2, REG-5, the v1 pupil, REG-7 = 5; Servizi REG-1, X-9, CLIN-1 = 3;
 * 8 in all, 1 of them without a code. Not counted: EU FAM-1, REG-4 = 2; unknown REG-3, the v1 XX row = 2.
 * The CSV lists everyone but CLIN-1, a consultation's (special-category data): 11 people.
 */

for (const kind of await databaseKinds()) {
  describe(`indicators.beneficiaries on ${kind}`, () => {
    let ts: TestServer;
    let fx: SchedulingFixture;
    let other: OtherTenant;
    let coordinator: ReturnType<TestServer['client']>;
    let period: { from: string; to: string };

    const row = (code: string, sex: string, ageBand: string, citizenshipStatus: string, citizenships?: string[]) => ({ code, sex, ageBand, citizenshipStatus, ...(citizenships ? { citizenships } : {}) });

    before(async () => {
      ts = await startTestServer(kind);
      fx = await schedulingFixture(ts);
      other = await createOtherTenant(ts.server.database.db);
      coordinator = ts.client({ token: fx.coordinator });
      const kit = reportKit(ts, fx, coordinator);
      const amina = ts.client({ token: await signIn(ts, 'amina.elidrissi@demo.ponte.test') });
      const rahim = ts.client({ token: await signIn(ts, 'rahim.uddin@demo.ponte.test') });

      const starts: string[] = [];
      const school = async (beneficiaries: unknown[] | 'not held', version?: number) => {
        const { appointment } = await kit.booked('amina');
        starts.push(appointment.startsAt);
        const data = beneficiaries === 'not held' ? kit.notHeld(appointment) : kit.reportData(appointment, { beneficiaries });
        return { appointment, report: await amina.reports.file.mutate({ appointmentId: appointment.id, data, ...(version ? { version } : {}) }) };
      };
      await school([row('REG-1', 'maschio', '6-10', 'nota', ['MA']), row('FAM-1', 'femmina', '18+', 'nota', ['MA', 'IT']), row('REG-2', 'femmina', '11-13', 'apolide'), row('REG-3', 'maschio', '14-17', 'sconosciuta')]);
      await school([row('reg-1', 'maschio', '6-10', 'nota', ['MA']), row('REG-4', 'femmina', '6-10', 'nota', ['RO']), row('REG-5', 'femmina', '6-10', 'nota', ['CN'])]);
      await school('not held');
      await school([{ sex: 'maschio', ageBand: '6-10', citizenship: 'MA' }, { sex: 'femmina', ageBand: '18+', citizenship: 'XX' }], 1);
      const s5 = await school([row('REG-6', 'maschio', '6-10', 'nota', ['EG'])]);
      await amina.reports.correct.mutate({ id: s5.report.id, data: kit.reportData(s5.appointment, { beneficiaries: [row('REG-7', 'femmina', '14-17', 'nota', ['AL'])] }) });

      const { appointment } = await kit.booked('rahim', { formId: 'service-request' });
      starts.push(appointment.startsAt);
      await rahim.reports.file.mutate({
        appointmentId: appointment.id,
        data: kit.reportData(appointment, { beneficiaries: [row('REG-1', 'maschio', '18+', 'nota', ['MA']), row('X-9', 'femmina', '18+', 'nota', ['UA', 'MD'])] }),
      });
      const clinician = ts.client({ token: await signIn(ts, 'clinica@demo.ponte.test') });
      const { appointment: consultation } = await kit.booked('rahim', { formId: 'ethnoclinical-request', approveAs: clinician });
      starts.push(consultation.startsAt);
      await rahim.reports.file.mutate({
        appointmentId: consultation.id,
        data: kit.reportData(consultation, { beneficiaries: [row('CLIN-1', 'femmina', '11-13', 'nota', ['EG'])] }),
      });
      // Each booking takes an earlier hour than the one before (the kit's past slots).
      period = { from: romeDate(starts.sort()[0]!), to: romeDate(new Date().toISOString()) };
    });
    after(() => ts.close());

    const group = (status: string, sex: string, ageBand: string, citizenship: string | null, people = 1) => ({ status, sex, ageBand, citizenship, people });

    it('counts each third-country or stateless person once, by sex, age band and citizenship; Italian, EU and unknown apart', async () => {
      const result = await coordinator.indicators.beneficiaries.query(period);
      assert.equal(result.counted, 8);
      assert.equal(result.countedWithoutCode, 1);
      assert.deepEqual(result.notCounted, { eu: 2, unknown: 2 });
      assert.deepEqual(result.groups, [
        group('stateless', 'F', '11-13', null),
        group('third_country', 'F', '14-17', 'AL'),
        group('third_country', 'F', '6-10', 'CN'),
        group('third_country', 'F', '11-13', 'EG'),
        group('third_country', 'M', '18+', 'MA'),
        group('third_country', 'M', '6-10', 'MA', 2),
        group('third_country', 'F', '18+', 'UA'),
      ]);
    });

    it('narrows to an AZIONE, an organisation, a language or a mode', async () => {
      const services = await coordinator.indicators.beneficiaries.query({ ...period, action: '2' });
      assert.deepEqual([services.counted, services.notCounted], [3, { eu: 0, unknown: 0 }]);
      const manzoni = await coordinator.indicators.beneficiaries.query({ ...period, organisationId: fx.orgs.manzoni });
      assert.deepEqual([manzoni.counted, manzoni.notCounted], [5, { eu: 2, unknown: 2 }]);
      const bengali = await coordinator.indicators.beneficiaries.query({ ...period, language: 'ben' });
      assert.equal(bengali.counted, 2);
      const inPerson = await coordinator.indicators.beneficiaries.query({ ...period, mode: 'in_person' });
      assert.deepEqual([inPerson.counted, inPerson.groups], [0, []]);
    });

    it('lists each person once in a CSV file by their code, as the latest session described them, a consultation’s people left out', async () => {
      const file = await coordinator.indicators.beneficiariesCsv.query(period);
      assert.equal(file.filename, `ponte-destinatari_${period.from}_${period.to}.csv`);
      const [header, ...lines] = parse(file.content, { delimiter: ';', bom: true }) as string[][];
      assert.deepEqual(header, ['Codice persona', 'Organizzazione', 'Codice meccanografico', 'Sesso', 'Fascia d’età', 'Cittadinanze (codici)', 'Cittadinanze', 'Condizione FAMI', 'Conteggiato FAMI', 'Incontri nel periodo', 'Primo incontro', 'Ultimo incontro']);
      assert.equal(lines.length, 11);
      const db = ts.server.database.db;
      const manzoni = (await db.selectFrom('organisations').select('name').where('id', '=', fx.orgs.manzoni).executeTakeFirstOrThrow()).name;
      const of = (code: string, organisation = manzoni) => lines.find((l) => l[0] === code && l[1] === organisation);
      assert.deepEqual(of('REG-1')!.slice(3, 10), ['Maschio', '6-10 anni', 'MA', 'Marocco', 'Cittadino di Paese terzo', 'Sì', '2']);
      assert.deepEqual(of('FAM-1')!.slice(5, 10), ['MA IT', 'Marocco, Italia', 'Cittadino italiano o UE', 'No', '1']);
      assert.deepEqual(of('REG-2')!.slice(5, 9), ['', '', 'Apolide', 'Sì']);
      assert.deepEqual(of('REG-3')!.slice(7, 9), ['Cittadinanza non nota', 'No']);
      assert.equal(of('REG-6'), undefined, 'corrected away');
      assert.equal(lines.filter((l) => l[0] === '').length, 2, 'the version 1 rows, without a code');
      assert.equal(lines.filter((l) => l[0] === 'REG-1').length, 2, 'one per organisation');
      assert.ok(!lines.some((l) => l[0] === 'CLIN-1'), 'a consultation’s people are not listed');
    });

    it('counts nothing of another Ambito', async () => {
      const theirs = ts.client({ token: await signIn(ts, other.emails.coordinator, OTHER_PASSWORD) });
      const result = await theirs.indicators.beneficiaries.query(period);
      assert.deepEqual([result.counted, result.notCounted, result.groups], [0, { eu: 0, unknown: 0 }, []]);
    });
  });
}
