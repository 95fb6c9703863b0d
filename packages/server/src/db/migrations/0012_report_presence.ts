import { PostgresAdapter, sql, type Kysely } from 'kysely';

// NOTE: frozen once released, like the migrations before it: Kysely<any>, nothing of the app imported.
//
// Who was present at each held session, and the referent's rating, kept on
// the report as numbers (docs/architecture.md#reach-and-satisfaction): the
// indicators add them up without reading every report's JSON. The server
// sets them with every write of a report (reports/report-presence.ts).
//
//   family_present     the family's members present (A.2: pupils and parents;
//                      A.4: adult clients and children)
//   teachers_present   teachers (A.2)
//   operators_present  other workers (A.2 "other staff", A.4 workers)
//   rating             the referent's rating, 1–5, or null
//
// Reports stored before this migration are all of version 1, whose field
// names are copied here.

const FIELDS: Readonly<Record<string, { family: string[]; teachers?: string; operators: string; rating: string }>> = {
  'school-report': { family: ['participantsPupils', 'participantsParents'], teachers: 'participantsTeachers', operators: 'participantsOthers', rating: 'referentRating' },
  'service-report': { family: ['participantsAdults', 'participantsMinors'], operators: 'participantsOperators', rating: 'serviceRating' },
};
const BATCH = 500;

const count = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 500 ? v : 0);

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema.alterTable('reports').addColumn('family_present', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('reports').addColumn('teachers_present', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('reports').addColumn('operators_present', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('reports').addColumn('rating', 'integer', (c) => c.check(sql`rating between 1 and 5`)).execute();

  for (let after = ''; ; ) {
    const reports: { id: string; form_id: string; data: unknown }[] = await db
      .selectFrom('reports')
      .select(['id', 'form_id', 'data'])
      .where('outcome', '=', 'held')
      .where('id', '>', after)
      .orderBy('id')
      .limit(BATCH)
      .execute();
    if (reports.length === 0) break;
    after = reports.at(-1)!.id;
    for (const r of reports) {
      const fields = Object.hasOwn(FIELDS, r.form_id) ? FIELDS[r.form_id]! : undefined;
      if (!fields) continue;
      const data = (pg || typeof r.data !== 'string' ? r.data : JSON.parse(r.data)) as Record<string, unknown>;
      const rating = data[fields.rating];
      await db
        .updateTable('reports')
        .set({
          family_present: fields.family.reduce((sum, key) => sum + count(data[key]), 0),
          teachers_present: fields.teachers ? count(data[fields.teachers]) : 0,
          operators_present: count(data[fields.operators]),
          rating: typeof rating === 'number' && Number.isInteger(rating) && rating >= 1 && rating <= 5 ? rating : null,
        })
        .where('id', '=', r.id)
        .execute();
    }
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const column of ['rating', 'operators_present', 'teachers_present', 'family_present']) {
    await db.schema.alterTable('reports').dropColumn(column).execute();
  }
}
