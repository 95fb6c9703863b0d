import { sql } from 'kysely';
import type { DbOrTx } from '../db/database.js';
import { toIso } from '../db/values.js';
import { DEFAULT_SETTINGS } from '../scheduling/settings.repository.js';

/**
 * A live key and what a call made with it needs before its service runs, in
 * one read: whether it lists `origin` (a normalised origin; none for a call
 * without one), its organisation's kind, and its tenant with the tenant's
 * scheduling settings (as scheduling/settings.repository.ts `findSettings`
 * reads them), so that the call need not read them again.
 */
export async function findKeyForCall(db: DbOrTx, key: string, origin: string | null) {
  const row = await db
    .selectFrom('publishable_keys as k')
    .innerJoin('organisations as o', 'o.id', 'k.organisation_id')
    .innerJoin('tenants as t', 't.id', 'k.tenant_id')
    .leftJoin('tenant_settings as s', 's.tenant_id', 'k.tenant_id')
    .select((eb) => [
      'k.id',
      'k.tenant_id',
      'k.organisation_id',
      'o.kind as organisation_kind',
      't.name as tenant_name',
      't.time_zone',
      's.travel_buffer_minutes',
      's.cancellation_notice_hours',
      's.minimum_billable_minutes',
      's.slot_step_minutes',
      's.updated_at as settings_updated_at',
      origin === null
        ? sql<boolean>`false`.as('origin_listed')
        : eb
            .exists(eb.selectFrom('publishable_key_origins as ko').select('ko.key_id').whereRef('ko.key_id', '=', 'k.id').where('ko.origin', '=', origin))
            .as('origin_listed'),
    ])
    .where('k.key', '=', key)
    .where('k.revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    tenantId: row.tenant_id,
    organisationId: row.organisation_id,
    organisationKind: row.organisation_kind,
    // SQLite answers 1 or 0.
    originListed: Boolean(row.origin_listed),
    tenant: { id: row.tenant_id, name: row.tenant_name, timeZone: row.time_zone },
    settings:
      row.settings_updated_at === null
        ? { ...DEFAULT_SETTINGS, updatedAt: null }
        : {
            travelBufferMinutes: row.travel_buffer_minutes!,
            cancellationNoticeHours: row.cancellation_notice_hours!,
            minimumBillableMinutes: row.minimum_billable_minutes!,
            slotStepMinutes: row.slot_step_minutes!,
            updatedAt: toIso(row.settings_updated_at),
          },
  };
}

/** Whether any live key lists this origin: what a CORS preflight, which carries no key, can ask. */
export async function isOriginOfAnyKey(db: DbOrTx, origin: string): Promise<boolean> {
  const row = await db
    .selectFrom('publishable_key_origins')
    .innerJoin('publishable_keys', 'publishable_keys.id', 'publishable_key_origins.key_id')
    .select('publishable_key_origins.key_id')
    .where('publishable_key_origins.origin', '=', origin)
    .where('publishable_keys.revoked_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertKey(
  db: DbOrTx,
  row: { id: string; tenantId: string; organisationId: string; key: string; label: string; origins: string[]; createdAt: string },
): Promise<void> {
  await db
    .insertInto('publishable_keys')
    .values({
      id: row.id,
      tenant_id: row.tenantId,
      organisation_id: row.organisationId,
      key: row.key,
      label: row.label,
      created_at: row.createdAt,
      revoked_at: null,
    })
    .execute();
  if (row.origins.length > 0) {
    await db
      .insertInto('publishable_key_origins')
      .values(row.origins.map((origin) => ({ key_id: row.id, origin })))
      .execute();
  }
}
