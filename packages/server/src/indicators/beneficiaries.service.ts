import { sql } from 'kysely';
import type { FamiStatus, Gender } from '@ponte/forms';
import type { StaffCall } from '../service-call.js';
import { appointmentsOfPeriod, periodInstants, type PeriodFilter } from './period.js';

/** People of one kind: FAMI status, sex, age band and (first) citizenship, as their latest session in the period recorded them. */
export interface BeneficiaryGroup {
  status: FamiStatus;
  sex: Gender | null;
  ageBand: string | null;
  /** null for a stateless person or an unknown citizenship */
  citizenship: string | null;
  people: number;
}

export interface Beneficiaries {
  from: string;
  to: string;
  /** unique third-country nationals and stateless people: what the fund counts */
  counted: number;
  /** of those, people recorded on reports without codes (version 1), each row a person: the same person may be among them more than once */
  countedWithoutCode: number;
  /** people reached who do not count: Italian or EU citizens, and people of unknown citizenship */
  notCounted: { eu: number; unknown: number };
  groups: BeneficiaryGroup[];
}

interface GroupRow {
  fami_status: FamiStatus;
  sex: Gender | null;
  age_band: string | null;
  citizenship: string | null;
  people: number | string;
  without_code: number | string;
}

/**
 * The people the period's held sessions reached (docs/architecture.md#beneficiaries-counted-once),
 * each once: a person is the organisation's code for them, so a pupil seen
 * in ten sessions of a series is one person, described by the latest
 * session of the period that recorded them. Reports filed and countersigned
 * alike: the mediator's record is the evidence of who was there. Any
 * session's beneficiaries are counted, a consultation's too; their content
 * is never returned. Coordinators and admins (the router checks); the
 * caller's tenant only.
 */
export async function beneficiaries(call: StaffCall, f: PeriodFilter): Promise<Beneficiaries> {
  const tenantId = call.who.tenantId;
  // Unfiltered, the period's people come from their own table (each row carries its session's start); a filter is the appointment's or its request's.
  const narrowed = f.action !== undefined || f.organisationId !== undefined || f.mode !== undefined || f.language !== undefined;
  const { start, end } = await periodInstants(call, f);
  const rowsOfPeriod = narrowed
    ? sql`report_beneficiaries b
      join reports r on r.id = b.report_id and r.tenant_id = b.tenant_id
      join appointments a on a.id = r.appointment_id and a.tenant_id = r.tenant_id
      where b.tenant_id = ${tenantId} and ${await appointmentsOfPeriod(call, f)}`
    : sql`report_beneficiaries b where b.tenant_id = ${tenantId} and b.session_at >= ${start} and b.session_at < ${end}`;
  // Each person's latest row. SQLite returns a row's other columns beside its max() (https://sqlite.org/lang_select.html#bare_columns_in_an_aggregate_query),
  // a third of the window's time there (of two rows of one person at the same instant, either); PostgreSQL numbers the rows,
  // comparing the key's bytes rather than by the language's collation.
  const latest =
    call.dialect === 'postgres'
      ? sql`select person_key, fami_status, sex, age_band, citizenship from (
          select b.person_key, b.fami_status, b.sex, b.age_band, b.citizenship,
            row_number() over (partition by b.person_key collate "C" order by b.session_at desc, b.report_id desc, b.position desc) as n
          from ${rowsOfPeriod}
        ) numbered where n = 1`
      : sql`select b.person_key, max(b.session_at) as session_at, b.fami_status, b.sex, b.age_band, b.citizenship
          from ${rowsOfPeriod}
          group by b.person_key`;
  const query = sql<GroupRow>`
    select fami_status, sex, age_band, citizenship, count(*) as people,
      sum(case when person_key like '%/row:%' then 1 else 0 end) as without_code
    from (${latest}) seen
    group by fami_status, sex, age_band, citizenship
  `;
  // A year's rows (60,000 of them for a large Ambito) sort in memory rather than spilling to disk at PostgreSQL's default 4 MB.
  const { rows } =
    call.dialect === 'postgres'
      ? await call.db.transaction().execute(async (trx) => {
          await sql`set local work_mem = '32MB'`.execute(trx);
          return query.execute(trx);
        })
      : await query.execute(call.db);

  const result: Beneficiaries = { from: f.from, to: f.to, counted: 0, countedWithoutCode: 0, notCounted: { eu: 0, unknown: 0 }, groups: [] };
  for (const row of rows) {
    const people = Number(row.people);
    if (row.fami_status === 'eu' || row.fami_status === 'unknown') {
      result.notCounted[row.fami_status] += people;
      continue;
    }
    result.counted += people;
    result.countedWithoutCode += Number(row.without_code);
    result.groups.push({ status: row.fami_status, sex: row.sex, ageBand: row.age_band, citizenship: row.citizenship, people });
  }
  // Sorted here: the two databases place nulls apart.
  const order = (g: BeneficiaryGroup) => [g.status, g.citizenship ?? '', g.sex ?? '', g.ageBand ?? ''].join('\u0000');
  result.groups.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
  return result;
}
