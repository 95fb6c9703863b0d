import { PostgresAdapter, sql, type Kysely } from 'kysely';

// NOTE: frozen once released, like the migrations before it: Kysely<any>, nothing of the app imported.
//
// The people each held session reached, one row per beneficiary row of its
// report, as the report's form version reads them
// (docs/architecture.md#beneficiaries-counted-once): the indicators count
// unique third-country beneficiaries from here rather than from every
// report's JSON. The server writes a report's rows in the same statement
// group as the report (reports/report-beneficiaries.ts).
//
// person_key names the person: the organisation and the pseudonymous code
// of the report forms from version 2, so that the same code is one person;
// a row of a version 1 report, which has no code, is a person of its own.
//
// Reports stored before this migration are all of version 1, whose rules
// are copied here (a migration imports nothing of the app): one citizenship;
// Italian or EU is 'eu'; 'XX', "stateless or unknown", cannot be told apart
// and is 'unknown'; any other code a third country.

const EU = new Set('AT BE BG HR CY CZ DK EE FI FR DE GR IE IT LV LT LU MT NL PL PT RO SK SI ES SE HU'.split(' '));
const SEX: Readonly<Record<string, string>> = { femmina: 'F', maschio: 'M', altro: 'X' };
const BATCH = 500;

interface V1Row {
  sex?: unknown;
  ageBand?: unknown;
  citizenship?: unknown;
}

function v1Status(citizenship: unknown): 'third_country' | 'eu' | 'unknown' {
  if (typeof citizenship !== 'string' || !/^[A-Z]{2}$/.test(citizenship) || citizenship === 'XX') return 'unknown';
  return EU.has(citizenship) ? 'eu' : 'third_country';
}

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('report_beneficiaries')
    .addColumn('report_id', 'text', (c) => c.notNull().references('reports.id'))
    .addColumn('position', 'integer', (c) => c.notNull().check(sql`position >= 0`))
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    // the session's start (its appointment's): a period's people are read from this table alone
    .addColumn('session_at', pg ? 'timestamptz' : 'text', (c) => c.notNull())
    .addColumn('person_key', 'text', (c) => c.notNull())
    .addColumn('sex', 'text', (c) => c.check(sql`sex in ('F', 'M', 'X')`))
    .addColumn('age_band', 'text')
    // the first citizenship recorded; null when stateless or unknown
    .addColumn('citizenship', 'text')
    // every citizenship recorded, space-separated, in the order given
    .addColumn('citizenships', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('fami_status', 'text', (c) => c.notNull().check(sql`fami_status in ('third_country', 'stateless', 'eu', 'unknown')`))
    .addPrimaryKeyConstraint('report_beneficiaries_pk', ['report_id', 'position'])
    .execute();
  await db.schema.createIndex('report_beneficiaries_tenant_session').on('report_beneficiaries').columns(['tenant_id', 'session_at']).execute();

  for (let after = ''; ; ) {
    const reports: { id: string; tenant_id: string; organisation_id: string; data: unknown; starts_at: unknown }[] = await db
      .selectFrom('reports as r')
      .innerJoin('appointments as a', 'a.id', 'r.appointment_id')
      .select(['r.id', 'r.tenant_id', 'r.organisation_id', 'r.data', 'a.starts_at'])
      .where('r.outcome', '=', 'held')
      .where('r.id', '>', after)
      .orderBy('r.id')
      .limit(BATCH)
      .execute();
    if (reports.length === 0) break;
    after = reports.at(-1)!.id;
    const rows = reports.flatMap((r) => {
      const data = (pg || typeof r.data !== 'string' ? r.data : JSON.parse(r.data)) as { beneficiaries?: unknown };
      const list = Array.isArray(data?.beneficiaries) ? (data.beneficiaries as V1Row[]) : [];
      return list.flatMap((b, position) => {
        if (typeof b !== 'object' || b === null) return [];
        const status = v1Status(b.citizenship);
        return [
          {
            report_id: r.id,
            position,
            tenant_id: r.tenant_id,
            organisation_id: r.organisation_id,
            session_at: r.starts_at,
            person_key: `${r.organisation_id}/row:${r.id}:${position}`,
            sex: typeof b.sex === 'string' && Object.hasOwn(SEX, b.sex) ? SEX[b.sex] : null,
            age_band: typeof b.ageBand === 'string' ? b.ageBand : null,
            citizenship: status === 'unknown' ? null : (b.citizenship as string),
            citizenships: status === 'unknown' ? '' : (b.citizenship as string),
            fami_status: status,
          },
        ];
      });
    });
    // 12 values a row: a thousand rows stay under either database's limit of parameters
    for (let i = 0; i < rows.length; i += 1000) await db.insertInto('report_beneficiaries').values(rows.slice(i, i + 1000)).execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('report_beneficiaries').execute();
}
