import type { StaffUser } from '../auth/actor.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { DialectName } from '../db/connect.js';
import type { Db } from '../db/database.js';
import { writeTransaction } from '../db/write-transaction.js';
import { newId } from '../ids.js';
import { DomainError } from '../domain-error.js';
import { mediatorInScope } from './access.js';
import type { DatedException, WeeklyRule } from './availability-expansion.js';
import * as repo from './availability.repository.js';

function checkTimes(startTime: string | null, endTime: string | null, path: string): void {
  if ((startTime === null) !== (endTime === null)) throw new DomainError('BAD_REQUEST', 'exceptionTimesPaired', {}, path);
  if (startTime !== null && endTime !== null && startTime >= endTime) throw new DomainError('BAD_REQUEST', 'timeRangeInvalid', {}, path);
}

export async function get(db: Db, user: StaffUser, mediatorId: string | undefined, range: { fromDate?: string | undefined; toDate?: string | undefined }) {
  const mediator = await mediatorInScope(db, user, mediatorId);
  const [rules, exceptions] = await Promise.all([
    repo.rulesOf(db, user.tenantId, [mediator.id]),
    repo.exceptionsOf(db, user.tenantId, [mediator.id], range.fromDate, range.toDate),
  ]);
  return {
    mediatorId: mediator.id,
    rules: rules.map(({ mediatorId: _m, ...r }) => r),
    exceptions: exceptions.map(({ mediatorId: _m, ...e }) => e),
  };
}

/** Replaces the weekly rules of a mediator: what a weekly-grid editor sends. */
export async function setRules(db: Db, user: StaffUser, mediatorId: string | undefined, rules: WeeklyRule[], now: Date) {
  const mediator = await mediatorInScope(db, user, mediatorId);
  rules.forEach((r, i) => {
    checkTimes(r.startTime, r.endTime, `rules.${i}.endTime`);
    if (r.validFrom && r.validTo && r.validFrom > r.validTo) throw new DomainError('BAD_REQUEST', 'windowOrder', {}, `rules.${i}.validTo`);
  });
  const at = now.toISOString();
  const stored = rules.map((r) => ({ ...r, id: newId() }));
  await db.transaction().execute(async (trx) => {
    await repo.replaceRules(trx, user.tenantId, mediator.id, stored, at);
    await recordAudit(trx, { tenantId: user.tenantId, actor: { kind: 'user', id: user.userId }, action: 'availability.rules_set', subject: { type: 'mediator', id: mediator.id }, details: { rules }, at });
  });
  return get(db, user, mediator.id, {});
}

export async function addException(
  db: Db,
  dialect: DialectName,
  user: StaffUser,
  mediatorId: string | undefined,
  e: DatedException & { note: string },
  now: Date,
) {
  const mediator = await mediatorInScope(db, user, mediatorId);
  checkTimes(e.startTime, e.endTime, 'endTime');
  const id = newId();
  const at = now.toISOString();
  // The check and the insert share one write transaction, and on PostgreSQL
  // the mediator's row is locked first: two exceptions added at once for the
  // same day cannot both find the day free.
  await writeTransaction(db, dialect, async (trx) => {
    if (dialect === 'postgres') {
      await trx.selectFrom('mediators').select('id').where('tenant_id', '=', user.tenantId).where('id', '=', mediator.id).forUpdate().execute();
    }
    // Two exceptions that overlap on one date would make the day ambiguous (leave and extra hours at once).
    const sameDay = await repo.exceptionsOf(trx, user.tenantId, [mediator.id], e.date, e.date);
    const clash = sameDay.find((x) => (x.startTime ?? '00:00') < (e.endTime ?? '24:00') && (e.startTime ?? '00:00') < (x.endTime ?? '24:00'));
    if (clash) throw new DomainError('CONFLICT', 'exceptionOverlap', { id: clash.id }, 'date');
    await repo.insertException(trx, user.tenantId, { ...e, id, mediatorId: mediator.id }, at);
    await recordAudit(trx, { tenantId: user.tenantId, actor: { kind: 'user', id: user.userId }, action: 'availability.exception_added', subject: { type: 'mediator', id: mediator.id }, details: { id, ...e }, at });
  });
  return { id };
}

export async function removeException(db: Db, user: StaffUser, id: string, now: Date) {
  const found = await repo.findException(db, user.tenantId, id);
  if (!found) throw new DomainError('NOT_FOUND', 'exceptionNotFound');
  // A mediator may remove only their own exceptions: the scope check names the owner.
  await mediatorInScope(db, user, found.mediator_id);
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    await repo.deleteException(trx, user.tenantId, id);
    await recordAudit(trx, { tenantId: user.tenantId, actor: { kind: 'user', id: user.userId }, action: 'availability.exception_removed', subject: { type: 'mediator', id: found.mediator_id }, details: { id }, at });
  });
  return { id };
}
