import type { DbOrTx } from '../db/database.js';
import { fromJson, toIso, toIsoOrNull, toJson } from '../db/values.js';

export interface MediatorLanguage {
  code: string;
  variety: string;
  level: string;
}

export interface Mediator {
  id: string;
  tenantId: string;
  userId: string | null;
  displayName: string;
  gender: 'F' | 'M' | 'X' | null;
  areas: string[];
  languages: MediatorLanguage[];
  active: boolean;
  disabledAt: string | null;
  createdAt: string;
}

export interface MediatorValues {
  displayName: string;
  gender: 'F' | 'M' | 'X' | null;
  areas: string[];
  userId: string | null;
  languages: MediatorLanguage[];
}

/** The mediators of a tenant with their languages: two queries, whatever the count. */
export async function listMediators(db: DbOrTx, tenantId: string, filter: { ids?: string[]; includeInactive?: boolean } = {}): Promise<Mediator[]> {
  let q = db.selectFrom('mediators').selectAll().where('tenant_id', '=', tenantId);
  if (filter.ids) q = q.where('id', 'in', filter.ids.length ? filter.ids : ['']);
  if (!filter.includeInactive) q = q.where('disabled_at', 'is', null);
  const rows = await q.orderBy('display_name').orderBy('id').execute();
  if (rows.length === 0) return [];
  const langs = await db
    .selectFrom('mediator_languages')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('mediator_id', 'in', rows.map((r) => r.id))
    .orderBy('language_code')
    .orderBy('variety')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    tenantId: r.tenant_id,
    userId: r.user_id,
    displayName: r.display_name,
    gender: r.gender,
    areas: fromJson<string[]>(r.areas),
    languages: langs.filter((l) => l.mediator_id === r.id).map((l) => ({ code: l.language_code, variety: l.variety, level: l.level })),
    active: r.disabled_at === null,
    disabledAt: toIsoOrNull(r.disabled_at),
    createdAt: toIso(r.created_at),
  }));
}

export async function findMediator(db: DbOrTx, tenantId: string, id: string): Promise<Mediator | undefined> {
  return (await listMediators(db, tenantId, { ids: [id], includeInactive: true }))[0];
}

export async function findMediatorByUser(db: DbOrTx, tenantId: string, userId: string): Promise<Mediator | undefined> {
  const row = await db.selectFrom('mediators').select('id').where('tenant_id', '=', tenantId).where('user_id', '=', userId).executeTakeFirst();
  return row ? findMediator(db, tenantId, row.id) : undefined;
}

async function writeLanguages(db: DbOrTx, tenantId: string, mediatorId: string, languages: MediatorLanguage[]): Promise<void> {
  await db.deleteFrom('mediator_languages').where('tenant_id', '=', tenantId).where('mediator_id', '=', mediatorId).execute();
  if (languages.length === 0) return;
  await db
    .insertInto('mediator_languages')
    .values(languages.map((l) => ({ mediator_id: mediatorId, tenant_id: tenantId, language_code: l.code, variety: l.variety, level: l.level })))
    .execute();
}

export async function insertMediator(db: DbOrTx, tenantId: string, id: string, v: MediatorValues, at: string): Promise<void> {
  await db
    .insertInto('mediators')
    .values({
      id,
      tenant_id: tenantId,
      user_id: v.userId,
      display_name: v.displayName,
      gender: v.gender,
      areas: toJson(v.areas),
      disabled_at: null,
      created_at: at,
    })
    .execute();
  await writeLanguages(db, tenantId, id, v.languages);
}

export async function updateMediator(db: DbOrTx, tenantId: string, id: string, v: MediatorValues & { active: boolean }, at: string): Promise<void> {
  const current = await db
    .selectFrom('mediators')
    .select('disabled_at')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  await db
    .updateTable('mediators')
    .set({
      user_id: v.userId,
      display_name: v.displayName,
      gender: v.gender,
      areas: toJson(v.areas),
      disabled_at: v.active ? null : current.disabled_at === null ? at : toIso(current.disabled_at),
    })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();
  await writeLanguages(db, tenantId, id, v.languages);
}

/** Another mediator of the tenant already linked to this user, if any. */
export async function mediatorOfUser(db: DbOrTx, tenantId: string, userId: string): Promise<string | undefined> {
  const row = await db.selectFrom('mediators').select('id').where('tenant_id', '=', tenantId).where('user_id', '=', userId).executeTakeFirst();
  return row?.id;
}

/**
 * Active mediators of the tenant who speak one of these languages (and the
 * variety, when asked, compared case-blind): one query, ids in order. What
 * free slots and matching search among.
 */
export async function activeSpeakers(db: DbOrTx, tenantId: string, codes: readonly string[], variety?: string): Promise<string[]> {
  if (codes.length === 0) return [];
  let q = db
    .selectFrom('mediator_languages as l')
    .innerJoin('mediators as m', 'm.id', 'l.mediator_id')
    .select('m.id')
    .distinct()
    .where('l.tenant_id', '=', tenantId)
    .where('m.tenant_id', '=', tenantId)
    .where('l.language_code', 'in', [...codes])
    .where('m.disabled_at', 'is', null);
  if (variety) q = q.where((eb) => eb(eb.fn('lower', ['l.variety']), '=', variety.trim().toLowerCase()));
  return (await q.orderBy('m.id').execute()).map((r) => r.id);
}
