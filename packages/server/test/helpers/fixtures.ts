import { hashPassword } from '../../src/auth/password.js';
import { insertKey } from '../../src/auth/publishable-key.repository.js';
import type { Db } from '../../src/db/database.js';
import { toInt } from '../../src/db/values.js';
import { newId } from '../../src/ids.js';

export const OTHER_PASSWORD = 'other-tenant-pass';
export const OTHER_ORIGIN = 'https://scuola-b.example';

export interface OtherTenant {
  tenantId: string;
  schoolId: string;
  serviceId: string;
  key: string;
  emails: Record<'coordinator' | 'requester' | 'clinician' | 'mediator' | 'admin', string>;
}

/** A second Ambito beside the demo one, to prove that nothing crosses between tenants. */
export async function createOtherTenant(db: Db): Promise<OtherTenant> {
  const tenantId = newId();
  const schoolId = newId();
  const serviceId = newId();
  const key = `pk_other_${newId().slice(0, 8)}`;
  const at = new Date().toISOString();
  const hash = await hashPassword(OTHER_PASSWORD);
  const emails = {
    coordinator: `coord.${tenantId.slice(0, 6)}@other.test`,
    requester: `req.${tenantId.slice(0, 6)}@other.test`,
    clinician: `clin.${tenantId.slice(0, 6)}@other.test`,
    mediator: `med.${tenantId.slice(0, 6)}@other.test`,
    admin: `admin.${tenantId.slice(0, 6)}@other.test`,
  };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('tenants').values({ id: tenantId, slug: `other-${tenantId.slice(0, 6)}`, name: 'Ambito B', time_zone: 'Europe/Rome', created_at: at }).execute();
    await trx
      .insertInto('organisations')
      .values([
        { id: schoolId, tenant_id: tenantId, kind: 'school', name: 'IC Bravo', mechanographic_code: 'MIIC80000B', service_type: null, created_at: at },
        { id: serviceId, tenant_id: tenantId, kind: 'service', name: 'Servizi B', mechanographic_code: null, service_type: 'tutela-minori', created_at: at },
      ])
      .execute();
    await insertKey(trx, { id: newId(), tenantId, organisationId: schoolId, key, label: 'B', origins: [OTHER_ORIGIN], createdAt: at });
    for (const [role, email] of Object.entries(emails) as [keyof typeof emails, string][]) {
      await trx
        .insertInto('users')
        .values({
          id: newId(),
          tenant_id: tenantId,
          organisation_id: role === 'requester' ? schoolId : null,
          email,
          display_name: role,
          role,
          password_hash: hash,
          disabled_at: null,
          created_at: at,
        })
        .execute();
    }
  });
  return { tenantId, schoolId, serviceId, key, emails };
}

/** Every table of the schema. */
export const TABLES = [
  'tenants',
  'organisations',
  'organisation_sites',
  'users',
  'sessions',
  'publishable_keys',
  'publishable_key_origins',
  'credential_changes',
  'mediators',
  'mediator_languages',
  'submissions',
  'submission_revisions',
  'protocol_counters',
  'audit_events',
  'tenant_settings',
  'availability_rules',
  'availability_exceptions',
  'appointment_series',
  'appointments',
  'hour_budgets',
  'ical_feeds',
  'request_status_changes',
  'reports',
  'report_beneficiaries',
  'domain_events',
  'schedule_versions',
  'quarterly_narratives',
] as const;

/** Row counts of every table: compared before and after, they prove nothing was written. */
export async function countRows(db: Db): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    const row = await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    counts[table] = toInt(row.n as number | string);
  }
  return counts;
}

export async function organisationIdByKey(db: Db, key: string): Promise<string> {
  const row = await db.selectFrom('publishable_keys').select('organisation_id').where('key', '=', key).executeTakeFirstOrThrow();
  return row.organisation_id;
}
