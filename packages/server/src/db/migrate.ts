import { Migrator, type Kysely, type Migration, type MigrationProvider, type MigrationResultSet } from 'kysely';
import * as m0001 from './migrations/0001_foundation.js';
import * as m0002 from './migrations/0002_scheduling.js';
import * as m0003 from './migrations/0003_request_lifecycle.js';
import * as m0004 from './migrations/0004_booking_keys.js';
import * as m0005 from './migrations/0005_consultations_without_mediator.js';
import * as m0006 from './migrations/0006_domain_events.js';
import * as m0007 from './migrations/0007_schedule_versions.js';
import * as m0008 from './migrations/0008_credential_changes.js';
import * as m0009 from './migrations/0009_questionnaire_answers.js';
import * as m0010 from './migrations/0010_report_beneficiaries.js';
import * as m0011 from './migrations/0011_quarterly_narratives.js';
import * as m0012 from './migrations/0012_report_presence.js';
import * as m0013 from './migrations/0013_indicator_indexes.js';

/**
 * Migrations are listed here rather than read from a folder so that they
 * travel inside the build and run the same from sources and from dist.
 * A migration, once released, never changes: add a new one.
 */
const MIGRATIONS: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_scheduling': m0002,
  '0003_request_lifecycle': m0003,
  '0004_booking_keys': m0004,
  '0005_consultations_without_mediator': m0005,
  '0006_domain_events': m0006,
  '0007_schedule_versions': m0007,
  '0008_credential_changes': m0008,
  '0009_questionnaire_answers': m0009,
  '0010_report_beneficiaries': m0010,
  '0011_quarterly_narratives': m0011,
  '0012_report_presence': m0012,
  '0013_indicator_indexes': m0013,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

export async function migrateToLatest(db: Kysely<any>): Promise<void> {
  await migrate(db, (migrator) => migrator.migrateToLatest());
}

/** Migrates up or down to the named migration: an operator rolling a release back, and the upgrade tests. */
export async function migrateTo(db: Kysely<any>, name: string): Promise<void> {
  await migrate(db, (migrator) => migrator.migrateTo(name));
}

async function migrate(db: Kysely<any>, step: (migrator: Migrator) => Promise<MigrationResultSet>): Promise<void> {
  const { error, results } = await step(new Migrator({ db, provider }));
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${String(error)}`, { cause: error });
  }
}
