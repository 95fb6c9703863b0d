import { audit } from '../audit/audit.js';
import { writeTransaction } from '../db/write-transaction.js';
import { emit } from '../events/emit.js';
import type { StaffCall } from '../service-call.js';
import { newId } from '../ids.js';
import { DomainError } from '../domain-error.js';
import { mediatorInScope } from '../mediators/mediator-scope.js';
import type { WeeklyRule } from './availability-expansion.js';
import * as repo from './availability.repository.js';

function checkTimes(startTime: string | null, endTime: string | null, path: string): void {
  if ((startTime === null) !== (endTime === null)) throw new DomainError('BAD_REQUEST', 'exceptionTimesPaired', {}, path);
  if (startTime !== null && endTime !== null && startTime >= endTime) throw new DomainError('BAD_REQUEST', 'timeRangeInvalid', {}, path);
}

/** A mediator edits their own availability (`mediatorId` may be left out); a coordinator names the mediator. */
export async function get(call: StaffCall, range: { mediatorId?: string | undefined; fromDate?: string | undefined; toDate?: string | undefined }) {
  const { db, who: user } = call;
  const mediator = await mediatorInScope(db, user, range.mediatorId);
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
export async function setRules(call: StaffCall, input: { mediatorId?: string | undefined; rules: (Omit<WeeklyRule, 'validFrom' | 'validTo'> & { validFrom?: string | null | undefined; validTo?: string | null | undefined })[] }) {
  const { db, who: user } = call;
  const mediator = await mediatorInScope(db, user, input.mediatorId);
  const rules: WeeklyRule[] = input.rules.map((r) => ({ weekday: r.weekday, startTime: r.startTime, endTime: r.endTime, validFrom: r.validFrom ?? null, validTo: r.validTo ?? null }));
  rules.forEach((r, i) => {
    checkTimes(r.startTime, r.endTime, `rules.${i}.endTime`);
    if (r.validFrom && r.validTo && r.validFrom > r.validTo) throw new DomainError('BAD_REQUEST', 'windowOrder', {}, `rules.${i}.validTo`);
  });
  const stored = rules.map((r) => ({ ...r, id: newId() }));
  await db.transaction().execute(async (trx) => {
    await repo.replaceRules(trx, user.tenantId, mediator.id, stored, call.now.toISOString());
    await audit(trx, call, 'availability.rules_set', { type: 'mediator', id: mediator.id }, { rules });
    await emit(trx, call, { type: 'availability.changed', mediatorId: mediator.id });
  });
  return get(call, { mediatorId: mediator.id });
}

/** Leave or a holiday (unavailable), or extra hours (available), on one local date. */
export async function addException(
  call: StaffCall,
  input: { mediatorId?: string | undefined; date: string; kind: 'unavailable' | 'available'; startTime?: string | undefined; endTime?: string | undefined; note?: string | undefined },
) {
  const { db, dialect, who: user } = call;
  const mediator = await mediatorInScope(db, user, input.mediatorId);
  const e = { date: input.date, kind: input.kind, startTime: input.startTime ?? null, endTime: input.endTime ?? null, note: input.note?.trim() ?? '' };
  checkTimes(e.startTime, e.endTime, 'endTime');
  const id = newId();
  const at = call.now.toISOString();
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
    await audit(trx, call, 'availability.exception_added', { type: 'mediator', id: mediator.id }, { id, ...e });
    await emit(trx, call, { type: 'availability.changed', mediatorId: mediator.id });
  });
  return { id };
}

export async function removeException(call: StaffCall, { id }: { id: string }) {
  const { db, who: user } = call;
  const found = await repo.findException(db, user.tenantId, id);
  if (!found) throw new DomainError('NOT_FOUND', 'exceptionNotFound');
  // A mediator may remove only their own exceptions: the scope check names the owner.
  await mediatorInScope(db, user, found.mediator_id);
  await db.transaction().execute(async (trx) => {
    await repo.deleteException(trx, user.tenantId, id);
    await audit(trx, call, 'availability.exception_removed', { type: 'mediator', id: found.mediator_id }, { id });
    await emit(trx, call, { type: 'availability.changed', mediatorId: found.mediator_id });
  });
  return { id };
}
