import type { DbOrTx } from '../db/database.js';
import { sha256 } from '../ids.js';
import { toAppointment, type Appointment } from './appointment.repository.js';

/*
 * Idempotent booking (migration 0004): the key and a fingerprint of the
 * request are written on the booking's first appointment, in the booking's
 * own transaction, so a retry finds the booking it repeats or nothing.
 */

export interface BookingIntent {
  organisationId: string;
  mediatorId: string | null;
  submissionId?: string | undefined;
  action: string;
  start: string;
  durationMinutes: number;
  mode: string;
  place?: string | undefined;
  caseCode?: string | undefined;
  series?: { weeklyCount?: number | undefined; starts?: string[] | undefined } | undefined;
}

/** What a retry must repeat to get the same answer: every field that decides the booking, in a fixed order. */
export function bookingHash(b: BookingIntent): string {
  return sha256(
    JSON.stringify([
      b.organisationId,
      b.mediatorId,
      b.submissionId ?? null,
      b.action,
      new Date(b.start).toISOString(),
      b.durationMinutes,
      b.mode,
      b.place?.trim() ?? '',
      b.caseCode ?? '',
      b.series?.weeklyCount ?? null,
      b.series?.starts?.map((s) => new Date(s).toISOString()) ?? null,
    ]),
  );
}

/** The booking an organisation already made with this key: its first appointment's id and series. */
export async function findKeyedBooking(db: DbOrTx, tenantId: string, organisationId: string, key: string) {
  return db
    .selectFrom('appointments')
    .select(['id', 'series_id as seriesId', 'request_hash as requestHash'])
    .where('tenant_id', '=', tenantId)
    .where('organisation_id', '=', organisationId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
}

/**
 * Marks a booking's first appointment with its key; a second booking with the
 * key breaks the unique index. Counts no schedule write (schedule-version.ts):
 * no feed shows the key or the fingerprint, and the insert it follows, in
 * the same transaction, has counted the booking.
 */
export async function markKeyedBooking(trx: DbOrTx, tenantId: string, appointmentId: string, key: string, requestHash: string): Promise<void> {
  await trx
    .updateTable('appointments')
    .set({ idempotency_key: key, request_hash: requestHash })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', appointmentId)
    .execute();
}

/** The appointments of a keyed booking: the one, or every occurrence of its series, in order. */
export async function appointmentsOfBooking(db: DbOrTx, tenantId: string, first: { id: string; seriesId: string | null }): Promise<Appointment[]> {
  const rows = await db
    .selectFrom('appointments')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where(first.seriesId ? 'series_id' : 'id', '=', first.seriesId ?? first.id)
    .orderBy('starts_at')
    .execute();
  return rows.map(toAppointment);
}
