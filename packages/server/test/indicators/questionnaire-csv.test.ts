import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { databaseKinds } from '../helpers/databases.js';
import { createOtherTenant, OTHER_ORIGIN, OTHER_PASSWORD, organisationIdByKey, type OtherTenant } from '../helpers/fixtures.js';
import { sampleFor } from '../helpers/samples.js';
import { expectTrpcError, signIn, startTestServer, type TestServer } from '../helpers/test-server.js';

/*
 * indicators.questionnaireCsv: the school questionnaire's answers standing of
 * a school year as a file for a spreadsheet, a line per school and a column
 * per question, read back with a real CSV parser. Manzoni answers, then
 * corrects (only the correction is in the file); Rodari answers once, with
 * accents, a formula-like comment and its own figures; a school of another
 * Ambito answers the same year.
 */

const FORM = { formId: 'school-questionnaire', version: 1 } as const;
const YEAR = '2026/27';
const COMMENT = 'La qualità delle mediazioni è cresciuta: sì, molto.';
const FORMULA = '=HYPERLINK("https://evil.example","clic")';

/** The file as a table: its header, and each line as a record by header. */
function read(content: string): { header: string[]; lines: Record<string, string>[] } {
  const [header, ...rows] = parse(content, { delimiter: ';', bom: true }) as string[][];
  assert.ok(header, 'a header');
  for (const row of rows) assert.equal(row.length, header.length, 'every line as long as the header');
  return { header, lines: rows.map((row) => Object.fromEntries(header.map((h, i) => [h, row[i]!]))) };
}

for (const kind of await databaseKinds()) {
  describe(`indicators.questionnaireCsv on ${kind}`, () => {
    let ts: TestServer;
    let manzoni: string;
    let rodari: string;
    let other: OtherTenant;
    let coordinator: ReturnType<TestServer['client']>;
    let names: { manzoni: string; rodari: string };

    before(async () => {
      ts = await startTestServer(kind);
      const db = ts.server.database.db;
      manzoni = await organisationIdByKey(db, 'pk_demo_manzoni');
      rodari = await organisationIdByKey(db, 'pk_demo_rodari');
      other = await createOtherTenant(db);
      coordinator = ts.client({ token: await signIn(ts, 'coordinatrice@demo.ponte.test') });
      const nameOf = async (id: string) => (await db.selectFrom('organisations').select('name').where('id', '=', id).executeTakeFirstOrThrow()).name;
      names = { manzoni: await nameOf(manzoni), rodari: await nameOf(rodari) };

      const sample = (organisationId: string) => sampleFor('school-questionnaire', organisationId);
      const manzoniKey = ts.client({ key: 'pk_demo_manzoni' });
      await manzoniKey.submissions.submit.mutate({ ...FORM, data: { ...sample(manzoni), schoolYear: YEAR, sites: 9, trainingNeeds: 'Risposta sostituita.' } });
      await manzoniKey.submissions.submit.mutate({ ...FORM, data: { ...sample(manzoni), schoolYear: YEAR, trainingNeeds: 'Formazione sul colloquio.' } });
      await ts.client({ key: 'pk_demo_rodari' }).submissions.submit.mutate({
        ...FORM,
        data: {
          ...sample(rodari),
          schoolYear: YEAR,
          levels: ['primaria'],
          sites: 1,
          pupilsByLevel: [{ level: 'primaria', enrolled: 200, cni: 40, cniBornInItaly: 30, nai: 3 }],
          mainCitizenships: [{ country: 'MA', pupils: 20 }, { country: 'AL', pupils: 8 }],
          receptionProtocol: false,
          receptionProtocolYear: undefined,
          mediationHours: 13.5,
          languagesRequested: [{ code: 'ara', variety: 'Darija' }, { code: 'sqi' }],
          familyParticipation: 2,
          familyBarriers: ['lingua', 'altro'],
          familyBarriersOther: 'Turni in fabbrica',
          projectRating: { naiReception: 3, familyMeetings: 4, schoolGuidance: 'dontKnow', mediatorQuality: 4, requestEase: 5, activationSpeed: 2, interculturalWorkshops: 'dontKnow' },
          trainingNeeds: FORMULA,
          comments: COMMENT,
        },
      });
      // The same year in another Ambito: not in this one's file.
      await ts.client({ key: other.key, origin: OTHER_ORIGIN }).submissions.submit.mutate({ ...FORM, data: { ...sample(other.schoolId), schoolYear: YEAR } });
    });
    after(() => ts.close());

    it('writes a line per school with its answer standing, a column per question, in Italian', async () => {
      const file = await coordinator.indicators.questionnaireCsv.query({ schoolYear: YEAR });
      assert.equal(file.filename, 'ponte-questionario_2026-27.csv');
      assert.ok(file.content.startsWith('\uFEFF'), 'a byte-order mark');
      assert.ok(file.content.endsWith('\r\n'), 'CRLF line ends');
      const { header, lines } = read(file.content);
      assert.deepEqual(header.slice(0, 5), ['Istituto', 'Codice meccanografico', 'Protocollo', 'Data della risposta', 'Correzioni']);
      // One line per school, in the order of their names.
      assert.deepEqual(lines.map((l) => l.Istituto), [names.manzoni, names.rodari].sort((a, b) => a.localeCompare(b, 'it')));
      const [m, r] = [lines.find((l) => l.Istituto === names.manzoni)!, lines.find((l) => l.Istituto === names.rodari)!];

      // Manzoni's correction, not the answer it replaced.
      assert.equal(m.Correzioni, '1');
      assert.equal(r.Correzioni, '0');
      assert.equal(m['Numero di plessi'], '4');
      assert.equal(m['Bisogni formativi'], 'Formazione sul colloquio.');
      assert.ok(!file.content.includes('Risposta sostituita.'), 'the replaced answer is not in the file');
      assert.match(m['Data della risposta']!, /^\d{4}-\d{2}-\d{2}$/);
      assert.match(m.Protocollo!, /^\d{4}\/\d{6}$/);

      // Choices as their labels, several joined; yes/no; numbers with the decimal comma; free text.
      assert.equal(m['Ordini di scuola presenti'], 'Scuola dell’infanzia, Scuola primaria, Scuola secondaria di I grado');
      assert.equal(r['Ordini di scuola presenti'], 'Scuola primaria');
      assert.equal(m['Ruolo di chi compila'], 'Referente intercultura o inclusione');
      assert.equal(m['Protocollo di accoglienza adottato'], 'Sì');
      assert.equal(r['Protocollo di accoglienza adottato'], 'No');
      assert.equal(m['Anno di adozione'], '2019');
      assert.equal(r['Anno di adozione'], '');
      assert.equal(m['Ore di mediazione utilizzate nell’anno'], '86,5');
      assert.equal(r['Ore di mediazione utilizzate nell’anno'], '13,5');
      assert.equal(r['Lingue richieste'], 'arabo (Darija), albanese');
      assert.equal(r['Difficoltà principali'], 'Lingua, Altro');
      assert.equal(r['Altro (specificare)'], 'Turni in fabbrica');
      assert.equal(m.Commenti, '');

      // Ratings as their point, "Non so"; a grid a column per row.
      assert.equal(m['Partecipazione delle famiglie CNI ai colloqui (1–5)'], '3');
      assert.equal(r['Partecipazione delle famiglie CNI ai colloqui (1–5)'], '2');
      const rating = (row: string) => `Quanto è stato utile o soddisfacente — ${row} (1–5)`;
      assert.equal(m[rating('Qualità dei mediatori')], '5');
      assert.equal(r[rating('Utilità della mediazione per l’orientamento scolastico')], 'Non so');
      assert.equal(m[rating('Rapidità di attivazione')], 'Non so');

      // Repeated rows: a column per school level (all five) and count; per citizenship answered, by name.
      const pupils = (level: string, count: string) => `Alunni per ordine di scuola — ${level} — ${count}`;
      assert.equal(m[pupils('Scuola primaria', 'Alunni iscritti')], '410');
      assert.equal(r[pupils('Scuola primaria', 'Alunni iscritti')], '200');
      assert.equal(r[pupils('Scuola primaria', 'di cui neo-arrivati (in Italia da meno di 12 mesi)')], '3');
      assert.equal(r[pupils('Scuola dell’infanzia', 'Alunni iscritti')], '');
      assert.ok(header.includes(pupils('Scuola secondaria di II grado', 'Alunni iscritti')), 'every level the question allows');
      const citizenships = header.filter((h) => h.startsWith('Principali cittadinanze — '));
      assert.deepEqual(citizenships, ['Albania', 'Cina', 'Egitto', 'Marocco', 'Romania'].map((c) => `Principali cittadinanze — ${c} — Alunni`));
      assert.equal(m['Principali cittadinanze — Marocco — Alunni'], '62');
      assert.equal(r['Principali cittadinanze — Marocco — Alunni'], '20');
      assert.equal(r['Principali cittadinanze — Egitto — Alunni'], '');

      // Accents survive the file, and a formula is written as text.
      assert.equal(r.Commenti, COMMENT);
      assert.ok(header.includes('Quanto è stato utile o soddisfacente — Qualità dei mediatori (1–5)'));
      assert.equal(r['Bisogni formativi'], `'${FORMULA}`);
    });

    it('writes nothing of who answered or how to reach them but the school’s own record', async () => {
      const { content } = await coordinator.indicators.questionnaireCsv.query({ schoolYear: YEAR });
      const { header } = read(content);
      // The form's own organisation field is labelled "Istituto", its school code "Codice meccanografico": neither is a column of answers.
      assert.ok(!header.includes('E-mail istituzionale'));
      assert.equal(header.filter((h) => h === 'Istituto').length, 1);
      assert.equal(header.filter((h) => h === 'Codice meccanografico').length, 1);
      assert.ok(!content.includes('intercultura@icsesto1.edu.it'), 'no e-mail');
      assert.ok(!content.includes(manzoni) && !content.includes(rodari), 'schools by name, not by id');
      assert.ok(!content.includes('IC Bravo'), 'nothing of another Ambito');
    });

    it('heads and writes it in English for an English caller', async () => {
      const english = ts.client({ token: await signIn(ts, 'coordinatrice@demo.ponte.test'), locale: 'en' });
      const file = await english.indicators.questionnaireCsv.query({ schoolYear: YEAR });
      assert.equal(file.filename, 'ponte-questionnaire_2026-27.csv');
      const { header, lines } = read(file.content);
      assert.deepEqual(header.slice(0, 5), ['School', 'School code', 'Protocol', 'Answered on', 'Corrections']);
      const r = lines.find((l) => l.School === names.rodari)!;
      assert.equal(r['Reception protocol adopted'], 'No');
      assert.equal(r['Mediation hours used this year'], '13.5');
      assert.equal(r['How useful or satisfying it was — Usefulness of mediation for school guidance (1–5)'], 'Don’t know');
      assert.equal(r['Main citizenships — Morocco — Pupils'], '20');
    });

    it('answers a year nobody answered with the header alone', async () => {
      const { header, lines } = read((await coordinator.indicators.questionnaireCsv.query({ schoolYear: '2030/31' })).content);
      assert.equal(header[0], 'Istituto');
      assert.deepEqual(lines, []);
    });

    it('shows another Ambito’s coordinator its own schools only, and refuses who is not a coordinator or an admin', async () => {
      const theirs = read((await ts.client({ token: await signIn(ts, other.emails.coordinator, OTHER_PASSWORD) }).indicators.questionnaireCsv.query({ schoolYear: YEAR })).content);
      assert.deepEqual(theirs.lines.map((l) => l.Istituto), ['IC Bravo']);
      for (const email of ['amina.elidrissi@demo.ponte.test', 'referente.manzoni@demo.ponte.test', 'clinica@demo.ponte.test']) {
        const error = await expectTrpcError(ts.client({ token: await signIn(ts, email) }).indicators.questionnaireCsv.query({ schoolYear: YEAR }));
        assert.equal(error.data?.code, 'FORBIDDEN', email);
      }
      const admin = read((await ts.client({ token: await signIn(ts, 'admin@demo.ponte.test') }).indicators.questionnaireCsv.query({ schoolYear: YEAR })).content);
      assert.equal(admin.lines.length, 2);
    });
  });
}
