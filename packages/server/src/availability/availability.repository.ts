import type { DbOrTx } from '../db/database.js';
import type { DatedException, WeeklyRule } from './availability-expansion.js';

export interface StoredRule extends WeeklyRule {
  id: string;
  mediatorId: string;
}

export interface StoredException extends DatedException {
  id: string;
  mediatorId: string;
  note: string;
}

/**
 * Rules of some mediators, in one query. The columns are named, not all
 * taken: on PostgreSQL every timestamp read (created_at) becomes a Date, and a
 * free-slot search reads the rules of every speaker of a language.
 */
export async function rulesOf(db: DbOrTx, tenantId: string, mediatorIds: string[]): Promise<StoredRule[]> {
  if (mediatorIds.length === 0) return [];
  const rows = await db
    .selectFrom('availability_rules')
    .select(['id', 'mediator_id', 'weekday', 'start_time', 'end_time', 'valid_from', 'valid_to'])
    .where('tenant_id', '=', tenantId)
    .where('mediator_id', 'in', mediatorIds)
    .orderBy('weekday')
    .orderBy('start_time')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    mediatorId: r.mediator_id,
    weekday: r.weekday,
    startTime: r.start_time,
    endTime: r.end_time,
    validFrom: r.valid_from,
    validTo: r.valid_to,
  }));
}

/** Exceptions of some mediators between two local dates (inclusive), in one query; its columns named as in rulesOf. */
export async function exceptionsOf(db: DbOrTx, tenantId: string, mediatorIds: string[], fromDate?: string, toDate?: string): Promise<StoredException[]> {
  if (mediatorIds.length === 0) return [];
  let q = db
    .selectFrom('availability_exceptions')
    .select(['id', 'mediator_id', 'date', 'kind', 'start_time', 'end_time', 'note'])
    .where('tenant_id', '=', tenantId)
    .where('mediator_id', 'in', mediatorIds);
  if (fromDate) q = q.where('date', '>=', fromDate);
  if (toDate) q = q.where('date', '<=', toDate);
  const rows = await q.orderBy('date').orderBy('start_time').execute();
  return rows.map((r) => ({
    id: r.id,
    mediatorId: r.mediator_id,
    date: r.date,
    kind: r.kind,
    startTime: r.start_time,
    endTime: r.end_time,
    note: r.note,
  }));
}

export async function replaceRules(db: DbOrTx, tenantId: string, mediatorId: string, rules: (WeeklyRule & { id: string })[], at: string): Promise<void> {
  await db.deleteFrom('availability_rules').where('tenant_id', '=', tenantId).where('mediator_id', '=', mediatorId).execute();
  if (rules.length === 0) return;
  await db
    .insertInto('availability_rules')
    .values(
      rules.map((r) => ({
        id: r.id,
        tenant_id: tenantId,
        mediator_id: mediatorId,
        weekday: r.weekday,
        start_time: r.startTime,
        end_time: r.endTime,
        valid_from: r.validFrom,
        valid_to: r.validTo,
        created_at: at,
      })),
    )
    .execute();
}

export async function insertException(db: DbOrTx, tenantId: string, e: StoredException, at: string): Promise<void> {
  await db
    .insertInto('availability_exceptions')
    .values({
      id: e.id,
      tenant_id: tenantId,
      mediator_id: e.mediatorId,
      date: e.date,
      kind: e.kind,
      start_time: e.startTime,
      end_time: e.endTime,
      note: e.note,
      created_at: at,
    })
    .execute();
}

export async function findException(db: DbOrTx, tenantId: string, id: string) {
  return db.selectFrom('availability_exceptions').select(['id', 'mediator_id']).where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

export async function deleteException(db: DbOrTx, tenantId: string, id: string): Promise<void> {
  await db.deleteFrom('availability_exceptions').where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}
