import type { DbOrTx } from '../db/database.js';

export interface Organisation {
  id: string;
  tenantId: string;
  kind: 'school' | 'service';
  name: string;
  mechanographicCode: string | null;
  serviceType: string | null;
  sites: { id: string; name: string; mechanographicCode: string | null }[];
}

/** One organisation of the tenant, with its sites (plessi); undefined when not in that tenant. */
export async function findOrganisation(db: DbOrTx, tenantId: string, id: string): Promise<Organisation | undefined> {
  const row = await db
    .selectFrom('organisations')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const sites = await db
    .selectFrom('organisation_sites')
    .select(['id', 'name', 'mechanographic_code'])
    .where('tenant_id', '=', tenantId)
    .where('organisation_id', '=', id)
    .orderBy('name')
    .execute();
  return {
    id: row.id,
    tenantId: row.tenant_id,
    kind: row.kind,
    name: row.name,
    mechanographicCode: row.mechanographic_code,
    serviceType: row.service_type,
    sites: sites.map((s) => ({ id: s.id, name: s.name, mechanographicCode: s.mechanographic_code })),
  };
}

/** The kind of one organisation of the tenant, without its sites; undefined when not in that tenant. */
export async function findOrganisationKind(db: DbOrTx, tenantId: string, id: string): Promise<Organisation['kind'] | undefined> {
  const row = await db.selectFrom('organisations').select('kind').where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  return row?.kind;
}

export async function listOrganisations(db: DbOrTx, tenantId: string) {
  const rows = await db
    .selectFrom('organisations')
    .select(['id', 'kind', 'name', 'mechanographic_code', 'service_type'])
    .where('tenant_id', '=', tenantId)
    .orderBy('name')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    name: r.name,
    mechanographicCode: r.mechanographic_code,
    serviceType: r.service_type,
  }));
}

export async function findTenant(db: DbOrTx, tenantId: string) {
  const row = await db.selectFrom('tenants').selectAll().where('id', '=', tenantId).executeTakeFirst();
  return row && { id: row.id, slug: row.slug, name: row.name, timeZone: row.time_zone };
}
