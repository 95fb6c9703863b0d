import { audit } from '../audit/audit.js';
import type { PlanAction } from '../db/database.js';
import { emit } from '../events/emit.js';
import { newId } from '../ids.js';
import { findOrganisation } from '../organisations/organisation.repository.js';
import { DomainError } from '../domain-error.js';
import { isCoordinator } from '../auth/actor.js';
import { reportedMinutes } from '../reports/report.repository.js';
import { findBudget, listBudgets, upsertBudget, usedMinutes } from './budget.repository.js';
import { isSchoolYear } from './school-year.js';
import type { StaffCall } from '../service-call.js';

function checkYear(schoolYear: string | undefined): void {
  if (schoolYear !== undefined && !isSchoolYear(schoolYear)) throw new DomainError('BAD_REQUEST', 'schoolYearInvalid', {}, 'schoolYear');
}

/** Budgets with what is used and left. A referent sees their organisation's only. */
export async function list(call: StaffCall, filter: { schoolYear?: string | undefined; organisationId?: string | undefined }) {
  const { db, who: user } = call;
  checkYear(filter.schoolYear);
  const scoped = { ...filter };
  if (!isCoordinator(user)) {
    if (user.role !== 'requester' || !user.organisationId) throw new DomainError('FORBIDDEN', 'forbiddenRole');
    if (filter.organisationId && filter.organisationId !== user.organisationId) return [];
    scoped.organisationId = user.organisationId;
  }
  const [budgets, used, reported] = await Promise.all([
    listBudgets(db, user.tenantId, scoped),
    usedMinutes(db, user.tenantId, scoped.schoolYear),
    reportedMinutes(db, user.tenantId, scoped.schoolYear),
  ]);
  return budgets.map((b) => {
    const key = `${b.organisationId}|${b.action}|${b.schoolYear}`;
    const minutesUsed = used.get(key) ?? 0;
    return {
      ...b,
      minutesUsed,
      minutesRemaining: b.minutesGranted - minutesUsed,
      // What countersigned reports count (reports/report.service.ts countedMinutes), and what filed ones await.
      minutesDelivered: reported.delivered.get(key) ?? 0,
      minutesAwaitingCountersignature: reported.awaiting.get(key) ?? 0,
    };
  });
}

export async function set(call: StaffCall, input: { organisationId: string; action: PlanAction; schoolYear: string; hours: number }) {
  const { db, who: user } = call;
  checkYear(input.schoolYear);
  const org = await findOrganisation(db, user.tenantId, input.organisationId);
  if (!org) throw new DomainError('NOT_FOUND', 'organisationUnknown');
  const at = call.now.toISOString();
  const minutesGranted = Math.round(input.hours * 60);
  await db.transaction().execute(async (trx) => {
    const before = await findBudget(trx, user.tenantId, input);
    await upsertBudget(trx, user.tenantId, { id: before?.id ?? newId(), organisationId: input.organisationId, action: input.action, schoolYear: input.schoolYear, minutesGranted }, at);
    const details = { action: input.action, schoolYear: input.schoolYear, minutesBefore: before?.minutesGranted ?? null, minutesGranted };
    await audit(trx, call, 'budget.set', { type: 'organisation', id: input.organisationId }, details);
    await emit(trx, call, { type: 'budget.set', organisationId: input.organisationId, action: input.action, schoolYear: input.schoolYear });
  });
  return (await list(call, { schoolYear: input.schoolYear, organisationId: input.organisationId })).find((b) => b.action === input.action)!;
}
