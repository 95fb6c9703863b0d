import type { DbOrTx } from '../db/database.js';

export async function findActiveKey(db: DbOrTx, key: string) {
  const row = await db
    .selectFrom('publishable_keys')
    .select(['id', 'tenant_id', 'organisation_id'])
    .where('key', '=', key)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  const origins = await db.selectFrom('publishable_key_origins').select('origin').where('key_id', '=', row.id).execute();
  return { ...row, origins: origins.map((o) => o.origin) };
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
