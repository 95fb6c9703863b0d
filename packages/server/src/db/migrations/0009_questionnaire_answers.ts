import { PostgresAdapter, sql, type Kysely } from 'kysely';

// NOTE: frozen once released, like the migrations before it: Kysely<any>, nothing of the app imported.
//
// The school questionnaire is answered once per school and school year
// (docs/architecture.md#one-answer-per-school-year): a later answer for the
// same year corrects the first, keeping its protocol number, and what it
// replaced is kept in `submission_revisions`. `answers_for` holds the period
// of a form answered that way (the questionnaire's school year) and is null
// for every other form; the unique index makes two answers sent at once one
// answer and one correction.
//
// Answers stored before this migration: the newest of each school and year
// becomes that year's answer; an older one of the same year keeps its row
// and number, without a period, as it was sent.

const QUESTIONNAIRE = 'school-questionnaire';

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const ts = pg ? 'timestamptz' : 'text';
  const json = pg ? 'jsonb' : 'text';

  await db.schema.alterTable('submissions').addColumn('answers_for', 'text').execute();
  const yearOf = (table: string) => (pg ? sql`${sql.ref(`${table}.data`)}->>'schoolYear'` : sql`json_extract(${sql.ref(`${table}.data`)}, '$.schoolYear')`);
  await sql`
    update submissions set answers_for = ${yearOf('submissions')}
    where form_id = ${QUESTIONNAIRE}
      and not exists (
        select 1 from submissions newer
        where newer.tenant_id = submissions.tenant_id
          and newer.organisation_id = submissions.organisation_id
          and newer.form_id = submissions.form_id
          and ${yearOf('newer')} = ${yearOf('submissions')}
          and (newer.created_at > submissions.created_at or (newer.created_at = submissions.created_at and newer.id > submissions.id))
      )
  `.execute(db);
  await db.schema
    .createIndex('submissions_one_answer_per_period')
    .on('submissions')
    .columns(['tenant_id', 'organisation_id', 'form_id', 'answers_for'])
    .unique()
    .where(sql.ref('answers_for'), 'is not', null)
    .execute();

  await db.schema
    .createTable('submission_revisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('submission_id', 'text', (c) => c.notNull().references('submissions.id'))
    .addColumn('revision', 'integer', (c) => c.notNull().check(sql`revision > 0`))
    .addColumn('form_version', 'integer', (c) => c.notNull())
    .addColumn('data', json, (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('submitted_via', 'text', (c) => c.notNull().check(sql`submitted_via in ('key', 'staff')`))
    .addColumn('submitted_by_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('publishable_key_id', 'text', (c) => c.references('publishable_keys.id'))
    .addColumn('submitted_at', ts, (c) => c.notNull())
    .addColumn('replaced_at', ts, (c) => c.notNull())
    .addUniqueConstraint('submission_revisions_order', ['submission_id', 'revision'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('submission_revisions').execute();
  await db.schema.dropIndex('submissions_one_answer_per_period').execute();
  await db.schema.alterTable('submissions').dropColumn('answers_for').execute();
}
