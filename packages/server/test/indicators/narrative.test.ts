import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { fromJson } from '../../src/db/values.js';
import { databaseKinds } from '../helpers/databases.js';
import { createOtherTenant, organisationIdByKey, OTHER_PASSWORD, type OtherTenant } from '../helpers/fixtures.js';
import { expectTrpcError, signIn, startTestServer, type TestServer } from '../helpers/test-server.js';

/*
 * The quarterly narrative of the fund's monitoring sheet
 * (indicators.narrative, saveNarrative) and the quarter's file
 * (indicators.quarterCsv), on a server logging at trace level: none of the
 * text may reach a log line.
 *
 * The quarter's figures are those of a fixture written row by row, in the
 * first quarter of 2031 in the Ambito's zone (Europe/Rome):
 *   Q1 held 60 min, report countersigned 60           (2031-01-15)
 *   Q2 held 90, report filed (awaiting) 90            (2031-02-10)
 *   Q3 scheduled 60, 2030-12-31 23:30 UTC: 1 January in Rome, counted
 *   Q4 held 60, 2031-03-31 22:30 UTC: 1 April in Rome (summer time), not counted
 *   → held 2, scheduled 1; booked 210 min (3,5 h); delivered 1 h; awaiting 1,5 h.
 */

const QUARTER = { year: 2031, quarter: 1 } as const;
/** A word found nowhere else, to look for in the logs. */
const MARKER = 'Zanzibar-trimestrale-7Q';
const TEXTS = {
  activities: `Accoglienza di 40 alunni neo-arrivati; ${MARKER}.\nColloqui con le famiglie: "molto utili".`,
  strengths: 'Qualità dei mediatori; rete con i CPIA. Sì, anche in arabo: وساطة',
  deviations: '',
  problems: 'Criticità: pochi mediatori di bengalese (Sylheti).',
  networks: '+39 tavoli con i servizi sociali',
};

for (const kind of await databaseKinds()) {
  describe(`the quarterly narrative on ${kind}`, () => {
    let ts: TestServer;
    let other: OtherTenant;
    let coordinator: ReturnType<TestServer['client']>;
    let tenantId: string;
    const lines: string[] = [];

    before(async () => {
      ts = await startTestServer(kind, { logLevel: 'trace', logStream: { write: (line: string) => void lines.push(line) } });
      const db = ts.server.database.db;
      other = await createOtherTenant(db);
      coordinator = ts.client({ token: await signIn(ts, 'coordinatrice@demo.ponte.test') });

      const school = await organisationIdByKey(db, 'pk_demo_manzoni');
      tenantId = (await db.selectFrom('organisations').select('tenant_id').where('id', '=', school).executeTakeFirstOrThrow()).tenant_id;
      const mediatorId = (await db.selectFrom('mediators').select('id').where('tenant_id', '=', tenantId).orderBy('id').executeTakeFirstOrThrow()).id;
      const userId = (await db.selectFrom('users').select('id').where('email', '=', 'coordinatrice@demo.ponte.test').executeTakeFirstOrThrow()).id;
      const at = '2030-12-01T08:00:00.000Z';
      const appointment = (id: string, startsAt: string, minutes: number, status: 'held' | 'scheduled') => {
        const ends = new Date(Date.parse(startsAt) + minutes * 60_000).toISOString();
        return {
          id, tenant_id: tenantId, mediator_id: mediatorId, organisation_id: school, submission_id: null, series_id: null, action: '1' as const, school_year: '2030/31',
          starts_at: startsAt, ends_at: ends, buffer_until: ends, mode: 'video' as const, place: '', place_key: '', case_code: 'QTR-1', status, sequence: 0,
          billed_minutes: minutes, cancelled_at: null, cancellation: null, created_at: at, updated_at: at, idempotency_key: null, request_hash: null,
        };
      };
      await db.insertInto('appointments').values([
        appointment('qtr-1', '2031-01-15T08:00:00.000Z', 60, 'held'),
        appointment('qtr-2', '2031-02-10T08:00:00.000Z', 90, 'held'),
        appointment('qtr-3', '2030-12-31T23:30:00.000Z', 60, 'scheduled'),
        appointment('qtr-4', '2031-03-31T22:30:00.000Z', 60, 'held'),
      ]).execute();
      const report = (appointmentId: string, counted: number, status: 'filed' | 'countersigned') => ({
        id: `report-${appointmentId}`, tenant_id: tenantId, appointment_id: appointmentId, submission_id: null, organisation_id: school, mediator_id: mediatorId,
        form_id: 'school-report', form_version: 1, data: '{}', outcome: 'held' as const, delivered_minutes: counted, counted_minutes: counted, status, revision: 1,
        filed_by_user_id: userId, filed_at: at, updated_at: at, countersigned_at: status === 'countersigned' ? at : null, countersigned_by_user_id: status === 'countersigned' ? userId : null,
      });
      await db.insertInto('reports').values([report('qtr-1', 60, 'countersigned'), report('qtr-2', 90, 'filed'), report('qtr-4', 60, 'countersigned')]).execute();
    });
    after(() => ts.close());

    it('answers null for a quarter not written, then the text saved, read back whole', async () => {
      assert.equal(await coordinator.indicators.narrative.query(QUARTER), null);
      const saved = await coordinator.indicators.saveNarrative.mutate({ ...QUARTER, ...TEXTS });
      assert.equal(saved.revision, 1);
      const read = await coordinator.indicators.narrative.query(QUARTER);
      assert.deepEqual(read, { ...QUARTER, ...TEXTS, revision: 1, updatedAt: saved.updatedAt, updatedBy: saved.updatedBy });
      assert.match(read!.updatedAt, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      assert.ok(read!.updatedBy.length > 0);
      // Another quarter of the same year is another narrative.
      assert.equal(await coordinator.indicators.narrative.query({ ...QUARTER, quarter: 2 }), null);
    });

    it('saves over the revision read, and refuses a save over an older one rather than lose the text between', async () => {
      const current = (await coordinator.indicators.narrative.query(QUARTER))!;
      const admin = ts.client({ token: await signIn(ts, 'admin@demo.ponte.test') });
      const second = await admin.indicators.saveNarrative.mutate({ ...QUARTER, ...TEXTS, deviations: 'Laboratori rinviati a febbraio.', revision: current.revision });
      assert.equal(second.revision, current.revision + 1);

      // The coordinator still holds the revision she read: her save is refused, the admin's text stands.
      const stale = await expectTrpcError(coordinator.indicators.saveNarrative.mutate({ ...QUARTER, ...TEXTS, deviations: 'Nessuno.', revision: current.revision }));
      assert.equal(stale.data?.code, 'CONFLICT');
      assert.ok(stale.data?.fieldErrors && 'revision' in stale.data.fieldErrors, JSON.stringify(stale.data?.fieldErrors));
      assert.match(stale.message, /qualcun altro/);
      // A first save of a quarter written already is refused the same way.
      assert.equal((await expectTrpcError(coordinator.indicators.saveNarrative.mutate({ ...QUARTER, ...TEXTS }))).data?.code, 'CONFLICT');
      const read = (await coordinator.indicators.narrative.query(QUARTER))!;
      assert.equal(read.deviations, 'Laboratori rinviati a febbraio.');
      assert.equal(read.revision, second.revision);

      // Two saves over the same revision at once: one is written, the other refused.
      const racing = await Promise.allSettled(['Prima.', 'Seconda.'].map((networks) => coordinator.indicators.saveNarrative.mutate({ ...QUARTER, ...TEXTS, networks, revision: read.revision })));
      assert.deepEqual(racing.map((r) => r.status).sort(), ['fulfilled', 'rejected']);
      const won = racing.find((r) => r.status === 'fulfilled')!.value;
      assert.equal((await coordinator.indicators.narrative.query(QUARTER))!.networks, won.networks);
      // Two first saves of a new quarter at once: the same.
      const first = await Promise.allSettled([1, 2].map(() => coordinator.indicators.saveNarrative.mutate({ ...QUARTER, quarter: 3, ...TEXTS })));
      assert.deepEqual(first.map((r) => r.status).sort(), ['fulfilled', 'rejected']);
    });

    it('audits every save and announces it, with the quarter and revision, never the text', async () => {
      const db = ts.server.database.db;
      const lines = await db.selectFrom('audit_events').select(['action', 'actor_kind', 'tenant_id', 'subject_type', 'details']).where('action', '=', 'narrative.saved').where('tenant_id', '=', tenantId).execute();
      const ofQ1 = lines.map((l) => ({ ...l, details: fromJson<Record<string, unknown>>(l.details) })).filter((l) => l.details.quarter === 1);
      assert.deepEqual(ofQ1.map((l) => l.details.revision).sort(), [1, 2, 3]);
      for (const line of ofQ1) {
        assert.deepEqual(Object.keys(line.details).sort(), ['quarter', 'revision', 'year']);
        assert.equal(line.subject_type, 'quarterly_narrative');
        assert.equal(line.actor_kind, 'user');
        assert.equal(line.tenant_id, tenantId);
      }
      const events = await db.selectFrom('domain_events').select('payload').where('type', '=', 'narrative.saved').execute();
      assert.ok(events.length >= 4);
      assert.ok(!JSON.stringify([lines, events]).includes(MARKER), 'no text in the audit log or the events');
    });

    it('writes the quarter, its narrative and its figures as one CSV file', async () => {
      const standing = (await coordinator.indicators.narrative.query(QUARTER))!;
      const file = await coordinator.indicators.quarterCsv.query(QUARTER);
      assert.equal(file.filename, 'ponte-trimestre_2031-T1.csv');
      assert.ok(file.content.startsWith('\uFEFF'));
      const [header, ...rows] = parse(file.content, { delimiter: ';', bom: true }) as string[][];
      assert.deepEqual(header, ['Sezione', 'Voce', 'Valore']);
      const value = (section: string, item: string) => {
        const row = rows.find((r) => r[0] === section && r[1] === item);
        assert.ok(row, `${section} › ${item}`);
        return row[2];
      };
      assert.equal(value('Trimestre', 'Anno'), '2031');
      assert.equal(value('Trimestre', 'Trimestre'), '1');
      assert.equal(value('Trimestre', 'Dal'), '2031-01-01');
      assert.equal(value('Trimestre', 'Al'), '2031-03-31');
      assert.equal(value('Scheda procedurale', 'Attività svolte e principali output'), TEXTS.activities);
      assert.equal(value('Scheda procedurale', 'Punti di forza e fattori di successo'), TEXTS.strengths);
      assert.equal(value('Scheda procedurale', 'Scostamenti dal cronoprogramma'), standing.deviations);
      assert.equal(value('Scheda procedurale', 'Criticità e soluzioni adottate'), TEXTS.problems);
      assert.equal(value('Scheda procedurale', 'Reti territoriali attivate o consolidate'), standing.networks);
      assert.equal(value('Interventi e ore', 'Svolti'), '2');
      assert.equal(value('Interventi e ore', 'Programmati'), '1');
      assert.equal(value('Interventi e ore', 'Non svolti'), '0');
      assert.equal(value('Interventi e ore', 'Ore prenotate'), '3,5');
      assert.equal(value('Interventi e ore', 'Ore erogate'), '1');
      assert.equal(value('Interventi e ore', 'Ore in attesa di controfirma'), '1,5');
      // Then what indicators.beneficiaries and indicators.reach answer for the quarter's dates (their figures are checked by hand in their own tests).
      const dates = { from: '2031-01-01', to: '2031-03-31' };
      const [people, reached] = [await coordinator.indicators.beneficiaries.query(dates), await coordinator.indicators.reach.query(dates)];
      const decimal = (n: number | null) => (n === null ? '' : String(n).replace('.', ','));
      assert.equal(value('Destinatari FAMI', 'Cittadini di Paesi terzi (ciascuno una volta)'), String(people.counted));
      assert.equal(value('Destinatari FAMI', 'Non conteggiati: cittadini italiani o UE'), String(people.notCounted.eu));
      assert.equal(value('Raggiunti', 'Scuole coinvolte'), String(reached.involved.schools));
      assert.equal(value('Raggiunti', 'Famiglie raggiunte'), String(reached.families));
      assert.equal(value('Raggiunti', 'Ore autorizzate alle richieste'), decimal(reached.requests.minutesAuthorised / 60));
      assert.equal(value('Raggiunti', 'Valutazione media (1–5)'), decimal(reached.satisfaction.mean));
      assert.ok(reached.involved.schools > 0, 'the quarter reached a school');
      assert.equal(rows.length, 4 + 5 + 9 + 4 + 8);

      // A text a spreadsheet would run as a formula ('+39 …') is written after an apostrophe.
      const formula = await coordinator.indicators.saveNarrative.mutate({ ...QUARTER, quarter: 4, ...TEXTS });
      const [, ...q4] = parse((await coordinator.indicators.quarterCsv.query({ ...QUARTER, quarter: 4 })).content, { delimiter: ';', bom: true }) as string[][];
      assert.equal(q4.find((r) => r[1] === 'Reti territoriali attivate o consolidate')![2], `'${formula.networks}`);
      assert.equal(q4.find((r) => r[1] === 'Dal')![2], '2031-10-01');
      assert.equal(q4.find((r) => r[1] === 'Al')![2], '2031-12-31');

      const english = await ts.client({ token: await signIn(ts, 'coordinatrice@demo.ponte.test'), locale: 'en' }).indicators.quarterCsv.query(QUARTER);
      assert.equal(english.filename, 'ponte-quarter_2031-Q1.csv');
      const [enHeader, ...enRows] = parse(english.content, { delimiter: ';', bom: true }) as string[][];
      assert.deepEqual(enHeader, ['Section', 'Item', 'Value']);
      assert.deepEqual(enRows.find((r) => r[1] === 'Hours booked'), ['Interventions and hours', 'Hours booked', '3.5']);
    });

    it('writes a quarter nobody wrote with its figures and empty texts', async () => {
      const [, ...rows] = parse((await coordinator.indicators.quarterCsv.query({ year: 2031, quarter: 2 })).content, { delimiter: ';', bom: true }) as string[][];
      assert.deepEqual(rows.filter((r) => r[0] === 'Scheda procedurale').map((r) => r[2]), ['', '', '', '', '']);
      // The appointment of 1 April in Rome counts in the second quarter.
      assert.equal(rows.find((r) => r[1] === 'Svolti')![2], '1');
    });

    it('shows another Ambito’s coordinator nothing of this one, and refuses mediators, referents and clinicians', async () => {
      const theirs = ts.client({ token: await signIn(ts, other.emails.coordinator, OTHER_PASSWORD) });
      assert.equal(await theirs.indicators.narrative.query(QUARTER), null);
      const [, ...rows] = parse((await theirs.indicators.quarterCsv.query(QUARTER)).content, { delimiter: ';', bom: true }) as string[][];
      assert.deepEqual(rows.filter((r) => r[0] === 'Scheda procedurale').map((r) => r[2]), ['', '', '', '', '']);
      assert.equal(rows.find((r) => r[1] === 'Svolti')![2], '0');
      // Their own first save of the same quarter is theirs, and leaves this Ambito's as it was.
      const before = (await coordinator.indicators.narrative.query(QUARTER))!;
      const own = await theirs.indicators.saveNarrative.mutate({ ...QUARTER, activities: 'Ambito B', strengths: '', deviations: '', problems: '', networks: '' });
      assert.equal(own.revision, 1);
      assert.equal((await expectTrpcError(theirs.indicators.saveNarrative.mutate({ ...QUARTER, ...TEXTS, revision: before.revision }))).data?.code, 'CONFLICT');
      assert.deepEqual(await coordinator.indicators.narrative.query(QUARTER), before);

      for (const email of ['amina.elidrissi@demo.ponte.test', 'referente.manzoni@demo.ponte.test', 'clinica@demo.ponte.test']) {
        const client = ts.client({ token: await signIn(ts, email) });
        for (const call of [
          () => client.indicators.narrative.query(QUARTER),
          () => client.indicators.saveNarrative.mutate({ ...QUARTER, ...TEXTS, revision: before.revision }),
          () => client.indicators.quarterCsv.query(QUARTER),
        ]) {
          assert.equal((await expectTrpcError(call())).data?.code, 'FORBIDDEN', email);
        }
      }
      assert.deepEqual(await coordinator.indicators.narrative.query(QUARTER), before);
    });

    it('refuses a text over 4,000 characters or not well-formed, naming its field', async () => {
      const long = await expectTrpcError(coordinator.indicators.saveNarrative.mutate({ ...QUARTER, quarter: 2, ...TEXTS, problems: 'x'.repeat(4001) }));
      assert.equal(long.data?.code, 'BAD_REQUEST');
      assert.ok(long.data?.fieldErrors && 'problems' in long.data.fieldErrors);
      const lone = await expectTrpcError(coordinator.indicators.saveNarrative.mutate({ ...QUARTER, quarter: 2, ...TEXTS, networks: 'rete \ud800' }));
      assert.equal(lone.data?.code, 'BAD_REQUEST');
      assert.ok(lone.data?.fieldErrors && 'networks' in lone.data.fieldErrors);
      assert.equal(await coordinator.indicators.narrative.query({ ...QUARTER, quarter: 2 }), null);
      // At the limit, it is saved.
      const full = await coordinator.indicators.saveNarrative.mutate({ ...QUARTER, quarter: 2, ...TEXTS, problems: 'è'.repeat(4000) });
      assert.equal((await coordinator.indicators.narrative.query({ ...QUARTER, quarter: 2 }))!.problems, full.problems);
    });

    it('writes nothing of the text to the log', () => {
      const log = lines.join('');
      assert.ok(lines.length > 20, `the calls were logged: ${lines.length} lines`);
      for (const text of [MARKER, 'Laboratori rinviati', 'Criticità: pochi', 'Ambito B']) assert.ok(!log.includes(text), `“${text}” is in the log`);
    });
  });
}
