import type { Submitter } from '../auth/actor.js';
import { serverMessage } from '../i18n/messages.js';
import { audit } from '../audit/audit.js';
import type { DialectName } from '../db/connect.js';
import type { DbOrTx, PlanAction } from '../db/database.js';
import { exclusionConstraintOf } from '../db/errors.js';
import { writeTransaction } from '../db/write-transaction.js';
import { DomainError } from '../domain-error.js';
import { emit } from '../events/emit.js';
import type { DomainEvent } from '../events/domain-event.js';
import type { ServiceCall } from '../service-call.js';
import { billedMinutes, findClash, insertAppointment, saveAppointment, type Appointment } from './appointment.repository.js';
import { findBudget } from '../budgets/budget.repository.js';
import { localLabel } from './placement.js';

export interface Override {
  reason: string;
}

export interface Commit {
  /** new rows to insert */
  inserts: Appointment[];
  /** existing rows to rewrite (a reschedule) */
  updates: Appointment[];
  /** a series row to create first */
  series?: { id: string; tenantId: string; mediatorId: string; organisationId: string; createdAt: string };
  override?: Override | undefined;
  /** a change that asks for no more hours than it held (a reschedule within its school year, no longer) */
  budgetUnchanged?: boolean;
  auditAction: string;
  auditDetails?: Record<string, unknown>;
  /** what the change announces (events/domain-event.ts) */
  event: DomainEvent;
  /** more work of the same transaction, once the rows are written (the request the booking serves moves on) */
  alsoInTransaction?: ((trx: DbOrTx) => Promise<void>) | undefined;
}

function clashParams(clash: Appointment, zone: string) {
  return { id: clash.id, start: localLabel(clash.startsAt, zone), end: localLabel(clash.endsAt, zone, false) };
}

function clashError(clash: Appointment, zone: string, path?: string): DomainError {
  return new DomainError('CONFLICT', 'appointmentConflict', clashParams(clash, zone), path);
}

/**
 * Checks and writes appointments in one write transaction: every occurrence
 * against the mediator's live appointments (overlap and travel buffer), then
 * the hour budgets, then the rows and their audit. Nothing is written when
 * anything is refused. On PostgreSQL the exclusion constraints are the last
 * word: a booking that slipped past the check in a race is refused there
 * with 23P01, answered the same way.
 */
export async function commitAppointments(call: ServiceCall<Submitter>, c: Commit): Promise<void> {
  const { db, dialect, locale } = call;
  const zone = (await call.tenant()).timeZone;
  const rows = [...c.inserts, ...c.updates];
  const excluded = c.updates.map((a) => a.id);
  try {
    await writeTransaction(db, dialect, async (trx) => {
      const conflicts: Record<string, string> = {};
      let first: Appointment | undefined;
      for (const [index, a] of rows.entries()) {
        if (a.status === 'cancelled') continue;
        const clash = await findClash(trx, a, excluded.find((id) => id === a.id));
        if (clash) {
          first ??= clash;
          conflicts[`occurrences.${index}`] = serverMessage('appointmentConflict', locale, clashParams(clash, zone));
        }
      }
      if (first) {
        if (rows.length === 1) throw clashError(first, zone, 'start');
        throw new DomainError('CONFLICT', 'seriesConflict', { count: Object.keys(conflicts).length }, conflicts);
      }
      if (!c.budgetUnchanged) await checkBudgets(trx, dialect, rows, excluded, c.override);
      // Occurrences of one series must not clash with each other either.
      for (let i = 1; i < rows.length; i++) {
        for (let j = 0; j < i; j++) {
          const a = rows[i]!;
          const b = rows[j]!;
          if (a.startsAt < b.endsAt && b.startsAt < a.endsAt) throw new DomainError('BAD_REQUEST', 'seriesOverlapsItself', {}, `occurrences.${i}`);
        }
      }
      if (c.series) {
        await trx
          .insertInto('appointment_series')
          .values({ id: c.series.id, tenant_id: c.series.tenantId, mediator_id: c.series.mediatorId, organisation_id: c.series.organisationId, created_at: c.series.createdAt })
          .execute();
      }
      for (const a of c.inserts) await insertAppointment(trx, a);
      for (const a of c.updates) await saveAppointment(trx, a);
      await emit(trx, call, c.event);
      if (c.alsoInTransaction) await c.alsoInTransaction(trx);
      for (const a of rows) {
        const details = { mediatorId: a.mediatorId, organisationId: a.organisationId, startsAt: a.startsAt, endsAt: a.endsAt, mode: a.mode, status: a.status, sequence: a.sequence, ...c.auditDetails };
        await audit(trx, call, c.auditAction, { type: 'appointment', id: a.id }, details);
      }
      if (c.override) {
        await audit(trx, call, 'budget.override', { type: 'appointment', id: rows[0]!.id }, { reason: c.override.reason, appointmentIds: rows.map((a) => a.id) });
      }
    });
  } catch (error) {
    if (exclusionConstraintOf(error) === undefined) throw error;
    // A concurrent booking won the race: name the appointment that holds the slot.
    for (const a of rows) {
      const clash = await findClash(db, a, excluded.find((id) => id === a.id));
      if (clash) throw clashError(clash, zone, rows.length === 1 ? 'start' : undefined);
    }
    throw new DomainError('CONFLICT', 'seriesConflict', { count: 1 });
  }
}

/**
 * Refuses what would go beyond the hours granted to (organisation, action,
 * school year), unless overridden. No budget row means no hours granted.
 */
async function checkBudgets(trx: DbOrTx, dialect: DialectName, rows: Appointment[], excluded: string[], override: Override | undefined): Promise<void> {
  const needs = new Map<string, { organisationId: string; action: PlanAction; schoolYear: string; minutes: number; tenantId: string }>();
  for (const a of rows) {
    const key = `${a.organisationId}|${a.action}|${a.schoolYear}`;
    const entry = needs.get(key) ?? { organisationId: a.organisationId, action: a.action, schoolYear: a.schoolYear, minutes: 0, tenantId: a.tenantId };
    entry.minutes += a.billedMinutes;
    needs.set(key, entry);
  }
  for (const need of needs.values()) {
    const budget = await findBudget(trx, need.tenantId, need, dialect === 'postgres');
    const used = await billedMinutes(trx, need.tenantId, need.organisationId, need.action, need.schoolYear, excluded);
    const remaining = (budget?.minutesGranted ?? 0) - used;
    if (need.minutes > remaining && !override) {
      throw new DomainError('PRECONDITION_FAILED', 'budgetExceeded', {
        action: need.action,
        schoolYear: need.schoolYear,
        remaining: Math.max(0, remaining),
        needed: need.minutes,
      });
    }
  }
}
