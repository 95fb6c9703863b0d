import type { StaffUser } from '../auth/actor.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { Db, PlanAction } from '../db/database.js';
import { newId } from '../ids.js';
import { findOrganisation } from '../tenancy/organisation.repository.js';
import { DomainError } from '../domain-error.js';
import { isCoordinator } from '../auth/actor.js';
import { reportedMinutes } from '../reports/report.repository.js';
import { findBudget, listBudgets, upsertBudget, usedMinutes } from './budget.repository.js';
import { isSchoolYear } from './school-year.js';
import { findSettings, saveSettings, type SchedulingSettings } from './settings.repository.js';

function checkYear(schoolYear: string | undefined): void {
  if (schoolYear !== undefined && !isSchoolYear(schoolYear)) throw new DomainError('BAD_REQUEST', 'schoolYearInvalid', {}, 'schoolYear');
}

/** Budgets with what is used and left. A referent sees their organisation's only. */
export async function list(db: Db, user: StaffUser, filter: { schoolYear?: string | undefined; organisationId?: string | undefined }) {
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

export async function set(db: Db, user: StaffUser, input: { organisationId: string; action: PlanAction; schoolYear: string; hours: number }, now: Date) {
  checkYear(input.schoolYear);
  const org = await findOrganisation(db, user.tenantId, input.organisationId);
  if (!org) throw new DomainError('NOT_FOUND', 'organisationUnknown');
  const at = now.toISOString();
  const minutesGranted = Math.round(input.hours * 60);
  await db.transaction().execute(async (trx) => {
    const before = await findBudget(trx, user.tenantId, input);
    await upsertBudget(trx, user.tenantId, { id: before?.id ?? newId(), organisationId: input.organisationId, action: input.action, schoolYear: input.schoolYear, minutesGranted }, at);
    await recordAudit(trx, {
      tenantId: user.tenantId,
      actor: { kind: 'user', id: user.userId },
      action: 'budget.set',
      subject: { type: 'organisation', id: input.organisationId },
      details: { action: input.action, schoolYear: input.schoolYear, minutesBefore: before?.minutesGranted ?? null, minutesGranted },
      at,
    });
  });
  return (await list(db, user, { schoolYear: input.schoolYear, organisationId: input.organisationId })).find((b) => b.action === input.action)!;
}

export function getSettings(db: Db, user: StaffUser) {
  return findSettings(db, user.tenantId);
}

export async function updateSettings(db: Db, user: StaffUser, input: Partial<SchedulingSettings>, now: Date) {
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    const { updatedAt: _u, ...before } = await findSettings(trx, user.tenantId);
    const after = { ...before, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) } as SchedulingSettings;
    await saveSettings(trx, user.tenantId, after, at);
    await recordAudit(trx, { tenantId: user.tenantId, actor: { kind: 'user', id: user.userId }, action: 'settings.updated', subject: { type: 'tenant', id: user.tenantId }, details: { before, after }, at });
  });
  return findSettings(db, user.tenantId);
}
