// The fund's indicators for one Ambito-year, over HTTP to a real server
// process: 200 organisations, 60 mediators, 30,000 appointments of a past
// school year with 30,000 reports and 60,000 beneficiary rows, the
// coordinator's dashboard asking for activity, beneficiaries and reach of
// the whole year, each alone and the three at once as the console asks.
// The rows are written in bulk, as the server's write path would leave them
// (reports/report-beneficiaries.ts, report-presence.ts): the bench measures
// the reads.
import { sql } from 'kysely';
import { DateTime } from 'luxon';
import { hashPassword } from '../src/auth/password.js';
import { schoolYearOf } from '../src/budgets/school-year.js';
import { openDatabase } from '../src/db/connect.js';
import type { Db } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { newId } from '../src/ids.js';
import { DEFAULT_SETTINGS, saveSettings } from '../src/scheduling/settings.repository.js';
import { createDatabase } from '../test/helpers/databases.js';
import { startServerProcess, type ServerProcess } from '../test/helpers/server-process.js';
import { median, percentile, round, type BenchRow } from './bench-row.js';

const ZONE = 'Europe/Rome';
const PASSWORD = 'bench-pass-2026';
const ORGANISATIONS = 200;
const MEDIATORS = 60;
const APPOINTMENTS = 30_000;
/** sessions per request: 6,000 requests, two people each, seen at every session */
const SESSIONS_PER_REQUEST = 5;
const RUNS = Number(process.env.PONTE_BENCH_INDICATOR_RUNS ?? 25);
const LANGUAGES = ['ara', 'ben', 'urd', 'cmn', 'sqi', 'ukr', 'spa', 'eng', 'fra', 'rus'];
const CITIZENSHIPS = ['MA', 'EG', 'BD', 'PK', 'CN', 'AL', 'UA', 'PE', 'RO', 'IT', 'SN', 'TN'];
const BATCH = 1000;

interface Year {
  coordinatorEmail: string;
  from: string;
  to: string;
}

async function insertAll<T extends Record<string, unknown>>(db: Db, table: 'organisations' | 'submissions' | 'appointments' | 'reports' | 'report_beneficiaries' | 'mediators' | 'mediator_languages', rows: T[]): Promise<void> {
  // Each batch stays under either database's limit of bound parameters.
  const perBatch = Math.max(1, Math.floor(30_000 / Math.max(1, Object.keys(rows[0] ?? {}).length)));
  for (let i = 0; i < rows.length; i += Math.min(BATCH, perBatch)) {
    await db.insertInto(table).values(rows.slice(i, i + Math.min(BATCH, perBatch)) as never).execute();
  }
}

/** The school year before the current one, in full: September to August. */
export async function generateYear(db: Db): Promise<Year> {
  const at = new Date().toISOString();
  const tenantId = newId();
  const coordinatorEmail = `indicators.${tenantId.slice(0, 8)}@bench.test`;
  const thisYearStart = DateTime.now().setZone(ZONE).month >= 9 ? DateTime.now().setZone(ZONE).year : DateTime.now().setZone(ZONE).year - 1;
  const first = DateTime.fromObject({ year: thisYearStart - 1, month: 9, day: 1 }, { zone: ZONE });
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('tenants').values({ id: tenantId, slug: `ind-${tenantId.slice(0, 8)}`, name: 'Ambito indicatori', time_zone: ZONE, created_at: at }).execute();
    await trx
      .insertInto('users')
      .values({ id: newId(), tenant_id: tenantId, organisation_id: null, email: coordinatorEmail, display_name: 'Bench', role: 'coordinator', password_hash: await hashPassword(PASSWORD), disabled_at: null, created_at: at })
      .execute();
    await saveSettings(trx, tenantId, DEFAULT_SETTINGS, at);
  });
  const organisations = Array.from({ length: ORGANISATIONS }, (_, i) => ({
    id: newId(), tenant_id: tenantId, kind: i < 180 ? ('school' as const) : ('service' as const), name: `Org ${i}`, mechanographic_code: null, service_type: null, created_at: at,
  }));
  await insertAll(db, 'organisations', organisations);
  const mediatorIds = Array.from({ length: MEDIATORS }, () => newId());
  await insertAll(db, 'mediators', mediatorIds.map((id, i) => ({ id, tenant_id: tenantId, user_id: null, display_name: `Mediatore ${i}`, gender: null, areas: '[]', disabled_at: null, created_at: at })));
  await insertAll(db, 'mediator_languages', mediatorIds.map((id, i) => ({ mediator_id: id, tenant_id: tenantId, language_code: LANGUAGES[i % LANGUAGES.length]!, variety: '', level: 'native' })));
  const userId = (await db.selectFrom('users').select('id').where('email', '=', coordinatorEmail).executeTakeFirstOrThrow()).id;

  const requests = APPOINTMENTS / SESSIONS_PER_REQUEST;
  const submissions = Array.from({ length: requests }, (_, i) => {
    const org = organisations[i % ORGANISATIONS]!;
    const created = first.plus({ days: Math.floor((i / requests) * 300) }).toUTC().toISO()!;
    const school = org.kind === 'school';
    return {
      id: newId(), tenant_id: tenantId, organisation_id: org.id, form_id: school ? 'school-request' : 'service-request', form_version: 1,
      protocol: `${first.year}/${String(i + 1).padStart(6, '0')}`, protocol_year: first.year, protocol_seq: i + 1, tracking_code: `IND-${tenantId.slice(0, 8)}-${i}`,
      status: 'closed', data: JSON.stringify(school ? { site: `Plesso ${i % 3}` } : {}), submitted_via: 'key' as const, submitted_by_user_id: null, publishable_key_id: null,
      idempotency_key: null, request_hash: `h${i}`, created_at: created, updated_at: created, authorised_minutes: 300, queue_language: LANGUAGES[i % LANGUAGES.length]!, queue_urgency: 'ordinaria',
    };
  });
  await insertAll(db, 'submissions', submissions);

  const appointments = [];
  const reports = [];
  const beneficiaries = [];
  for (let i = 0; i < APPOINTMENTS; i++) {
    const request = Math.floor(i / SESSIONS_PER_REQUEST);
    const submission = submissions[request]!;
    const startsAt = first.plus({ days: Math.floor((request / requests) * 300) + (i % SESSIONS_PER_REQUEST) * 7, hours: 8 + (i % 9) }).toUTC();
    const held = i % 10 !== 0;
    const id = newId();
    appointments.push({
      id, tenant_id: tenantId, mediator_id: mediatorIds[i % MEDIATORS]!, organisation_id: submission.organisation_id, submission_id: submission.id, series_id: null,
      action: submission.form_id === 'school-request' ? ('1' as const) : ('2' as const), school_year: schoolYearOf(startsAt.toJSDate(), ZONE), starts_at: startsAt.toISO()!,
      ends_at: startsAt.plus({ hours: 1 }).toISO()!, buffer_until: startsAt.plus({ hours: 1 }).toISO()!, mode: i % 3 ? ('in_person' as const) : ('video' as const), place: '', place_key: '',
      case_code: '', status: held ? ('held' as const) : ('not_held' as const), sequence: 0, billed_minutes: 60, cancelled_at: null, cancellation: null, created_at: at, updated_at: at,
      idempotency_key: null, request_hash: null,
    });
    const reportId = newId();
    const countersigned = i % 4 !== 0;
    reports.push({
      id: reportId, tenant_id: tenantId, appointment_id: id, submission_id: null, organisation_id: submission.organisation_id, mediator_id: mediatorIds[i % MEDIATORS]!,
      form_id: submission.form_id === 'school-request' ? 'school-report' : 'service-report', form_version: 2, data: '{}', outcome: held ? ('held' as const) : ('not_held' as const),
      delivered_minutes: held ? 60 : 0, counted_minutes: held ? 60 : 0, status: countersigned ? ('countersigned' as const) : ('filed' as const), revision: 1, filed_by_user_id: userId,
      filed_at: at, updated_at: at, countersigned_at: countersigned ? at : null, countersigned_by_user_id: countersigned ? userId : null,
      family_present: held ? 2 : 0, teachers_present: held ? 1 : 0, operators_present: 0, rating: held && countersigned ? 1 + (i % 5) : null,
    });
    // Two people a session, the same two at every session of their request: 60,000 rows, 12,000 people.
    for (const position of [0, 1]) {
      const person = request * 2 + position;
      const citizenship = CITIZENSHIPS[person % CITIZENSHIPS.length]!;
      const status = person % 17 === 0 ? 'unknown' : person % 29 === 0 ? 'stateless' : citizenship === 'RO' || citizenship === 'IT' ? 'eu' : 'third_country';
      beneficiaries.push({
        report_id: reportId, position, tenant_id: tenantId, organisation_id: submission.organisation_id, session_at: startsAt.toISO()!, person_key: `${submission.organisation_id}/code:P${person}`,
        sex: person % 2 ? ('F' as const) : ('M' as const), age_band: ['0-5', '6-10', '11-13', '14-17', '18+'][person % 5]!,
        citizenship: status === 'unknown' || status === 'stateless' ? null : citizenship, citizenships: status === 'unknown' || status === 'stateless' ? '' : citizenship,
        fami_status: status as 'third_country' | 'stateless' | 'eu' | 'unknown',
      });
    }
  }
  await insertAll(db, 'appointments', appointments);
  await insertAll(db, 'reports', reports);
  await insertAll(db, 'report_beneficiaries', beneficiaries);
  return { coordinatorEmail, from: first.toISODate()!, to: first.plus({ years: 1, days: -1 }).toISODate()! };
}

async function post(url: string, path: string, token: string, input: unknown): Promise<number> {
  const t = performance.now();
  const response = await fetch(`${url}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers: { authorization: `Bearer ${token}` } });
  if (response.status !== 200) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  await response.arrayBuffer();
  return performance.now() - t;
}

export async function benchIndicators(kind: 'sqlite' | 'postgres'): Promise<BenchRow[]> {
  const database = await createDatabase(kind);
  let server: ServerProcess | undefined;
  try {
    const handle = openDatabase(database.url);
    const year = await migrateToLatest(handle.db)
      .then(() => generateYear(handle.db))
      // PostgreSQL's autovacuum gathers the planner's statistics within a minute of a bulk load; the bench does not wait for it.
      // (SQLite's are gathered by the server when it opens the file: db/connect.ts keepStatistics.)
      .then(async (y) => (kind === 'postgres' ? (await sql`analyze`.execute(handle.db), y) : y))
      .finally(() => handle.close());
    server = await startServerProcess(database.url);
    const signIn = await fetch(`${server.url}/trpc/auth.signIn`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: year.coordinatorEmail, password: PASSWORD }) });
    const token = ((await signIn.json()) as { result: { data: { token: string } } }).result.data.token;
    const period = { from: year.from, to: year.to };
    const procedures = ['indicators.activity', 'indicators.beneficiaries', 'indicators.reach'] as const;
    const times: Record<string, number[]> = Object.fromEntries([...procedures, 'all'].map((p) => [p, []]));
    for (const p of procedures) await post(server.url, p, token, period); // warm
    for (let run = 0; run < RUNS; run++) {
      for (const p of procedures) times[p]!.push(await post(server.url, p, token, period));
      const t = performance.now();
      await Promise.all(procedures.map((p) => post(server!.url, p, token, period)));
      times['all']!.push(performance.now() - t);
    }
    const scale = `${ORGANISATIONS} organisations, ${MEDIATORS} mediators, 30,000 appointments and reports, 60,000 beneficiary rows`;
    return [...procedures, 'all'].map((p) => {
      const p50 = round(median(times[p]!));
      return {
        path: p === 'all' ? `the dashboard's three indicators at once, a school year, ${scale}` : `${p}, a school year, ${scale}`,
        where: kind,
        measure: 'p50 ms',
        ponte: p50,
        goal: 'p50 ≤ 200 ms',
        met: p50 <= 200,
        detail: `p95 ${round(percentile(times[p]!, 95))} ms, ${RUNS} runs`,
      };
    });
  } finally {
    await server?.stop();
    await database.drop();
  }
}
