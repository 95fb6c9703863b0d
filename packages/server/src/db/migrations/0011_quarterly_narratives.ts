import { PostgresAdapter, sql, type Kysely } from 'kysely';

// NOTE: frozen once released, like the migrations before it: Kysely<any>, nothing of the app imported.
//
// The narrative of the fund's quarterly monitoring sheet (the "scheda
// procedurale"; docs/architecture.md#quarterly-narrative): per Ambito, year and
// quarter, the coordinator's text on activities and outputs, strengths,
// deviations from the plan, problems and solutions, and networks activated.
// One row per quarter, rewritten in place: `revision` rises with every save,
// and a save must name the revision it was written over, so that of two
// coordinators editing the same quarter the later is refused, not lost.

export async function up(db: Kysely<any>): Promise<void> {
  const ts = db.getExecutor().adapter instanceof PostgresAdapter ? 'timestamptz' : 'text';
  await db.schema
    .createTable('quarterly_narratives')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('quarter', 'integer', (c) => c.notNull().check(sql`quarter between 1 and 4`))
    .addColumn('activities', 'text', (c) => c.notNull())
    .addColumn('strengths', 'text', (c) => c.notNull())
    .addColumn('deviations', 'text', (c) => c.notNull())
    .addColumn('problems', 'text', (c) => c.notNull())
    .addColumn('networks', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull().check(sql`revision > 0`))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('updated_by_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addUniqueConstraint('quarterly_narratives_one_per_quarter', ['tenant_id', 'year', 'quarter'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('quarterly_narratives').execute();
}
