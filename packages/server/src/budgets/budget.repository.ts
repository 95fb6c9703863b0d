import { sql, type Selectable } from 'kysely';
import type { DbOrTx, HourBudgetTable, PlanAction } from '../db/database.js';
import { toIso } from '../db/values.js';

export interface HourBudget {
  id: string;
  organisationId: string;
  action: PlanAction;
  schoolYear: string;
  minutesGranted: number;
  updatedAt: string;
}

/**
 * The budget row of (organisation, action, school year). With `lock` on
 * PostgreSQL it is read FOR UPDATE, so two bookings that each fit alone
 * cannot both pass the check from two processes.
 */
function toBudget(row: Selectable<HourBudgetTable>): HourBudget {
  return { id: row.id, organisationId: row.organisation_id, action: row.action, schoolYear: row.school_year, minutesGranted: row.minutes_granted, updatedAt: toIso(row.updated_at) };
}

export async function findBudget(
  db: DbOrTx,
  tenantId: string,
  key: { organisationId: string; action: PlanAction; schoolYear: string },
  lock = false,
): Promise<HourBudget | undefined> {
  const q = db
    .selectFrom('hour_budgets')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('organisation_id', '=', key.organisationId)
    .where('action', '=', key.action)
    .where('school_year', '=', key.schoolYear);
  const row = await (lock ? q.modifyEnd(sql`for update`) : q).executeTakeFirst();
  return row && toBudget(row);
}

export async function listBudgets(db: DbOrTx, tenantId: string, filter: { schoolYear?: string | undefined; organisationId?: string | undefined }) {
  let q = db.selectFrom('hour_budgets').selectAll().where('tenant_id', '=', tenantId);
  if (filter.schoolYear) q = q.where('school_year', '=', filter.schoolYear);
  if (filter.organisationId) q = q.where('organisation_id', '=', filter.organisationId);
  const rows = await q.orderBy('school_year').orderBy('organisation_id').orderBy('action').execute();
  return rows.map(toBudget);
}

/** Minutes used per (organisation, action, school year) of a tenant: one grouped query. */
export async function usedMinutes(db: DbOrTx, tenantId: string, schoolYear?: string) {
  let q = db
    .selectFrom('appointments')
    .select(['organisation_id', 'action', 'school_year', (eb) => eb.fn.sum<number | string>('billed_minutes').as('minutes')])
    .where('tenant_id', '=', tenantId);
  if (schoolYear) q = q.where('school_year', '=', schoolYear);
  const rows = await q.groupBy(['organisation_id', 'action', 'school_year']).execute();
  return new Map(rows.map((r) => [`${r.organisation_id}|${r.action}|${r.school_year}`, Number(r.minutes)]));
}

export async function upsertBudget(db: DbOrTx, tenantId: string, b: Omit<HourBudget, 'updatedAt'>, at: string): Promise<void> {
  await db
    .insertInto('hour_budgets')
    .values({
      id: b.id,
      tenant_id: tenantId,
      organisation_id: b.organisationId,
      action: b.action,
      school_year: b.schoolYear,
      minutes_granted: b.minutesGranted,
      updated_at: at,
    })
    .onConflict((oc) => oc.columns(['organisation_id', 'action', 'school_year']).doUpdateSet({ minutes_granted: b.minutesGranted, updated_at: at }))
    .execute();
}
