import { sql } from 'kysely';
import type { DbOrTx } from '../db/database.js';
import { SPECIAL_FORM_IDS } from '../submissions/visibility.js';
import type { Appointment } from './appointment.repository.js';

type Owners = Pick<Appointment, 'tenantId' | 'mediatorId' | 'organisationId' | 'submissionId'>;

/**
 * Counts one more write of an appointment for its organisation and its
 * mediator (migration 0007). A calendar poll compares this count, read by
 * primary key, instead of summing over every appointment the owner ever had
 * (calendar-feeds/feed-version.ts); so every insert or change of an
 * appointment calls it, inside the write's own transaction: a poll sees the
 * write and the count together or neither.
 *
 * One statement, one round trip. Each row it writes stays locked on
 * PostgreSQL until the writer commits, so the order they are taken in, the
 * order of the statement's rows, is fixed: the organisation's first, then
 * the mediator's. The one transaction that writes several owners' appointments,
 * a request withdrawn or cancelled (requests/request.service.ts), writes one
 * organisation's with several mediators; taking the organisation first makes
 * any other writer for it queue before it holds a mediator, where taking the
 * mediator first would let it hold one that the request's transaction needs
 * next, and the two would deadlock. That transaction cancels its
 * appointments in their mediators' order, so that two such requests of
 * different organisations that share mediators take them in the same order.
 *
 * An organisation's feed leaves out the appointments of A.5 requests
 * (calendar-feeds/feed-appointments.ts): their writes leave its count alone
 * as well, or its ETag would tell the referents a consultation they may
 * not know of exists. Which request an appointment serves never changes.
 */
export async function countScheduleWrite(trx: DbOrTx, a: Owners): Promise<void> {
  const row = (ownerKind: 'organisation' | 'mediator', ownerId: string) =>
    trx.selectNoFrom((eb) => [eb.val(a.tenantId).as('tenant_id'), sql.lit(ownerKind).as('owner_kind'), eb.val(ownerId).as('owner_id'), sql.lit(1).as('writes')]);
  const organisation = row('organisation', a.organisationId).where((eb) =>
    a.submissionId === null ? sql.lit(true) : eb.not(eb.exists(eb.selectFrom('submissions as s').select('s.id').where('s.id', '=', a.submissionId).where('s.form_id', 'in', [...SPECIAL_FORM_IDS]))),
  );
  // Every SELECT keeps a WHERE: without one, SQLite could not tell an upsert's ON from a join's.
  const rows = a.mediatorId === null ? organisation : organisation.unionAll(row('mediator', a.mediatorId).where(sql.lit(true)));
  await trx
    .insertInto('schedule_versions')
    .columns(['tenant_id', 'owner_kind', 'owner_id', 'writes'])
    .expression(rows)
    .onConflict((oc) => oc.columns(['owner_kind', 'owner_id']).doUpdateSet((eb) => ({ writes: eb('schedule_versions.writes', '+', 1) })))
    .execute();
}
