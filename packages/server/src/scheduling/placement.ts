import { DateTime } from 'luxon';
import type { AppointmentMode } from '../db/database.js';

/** What "the same place" compares: case, accents and spacing typed differently still match. */
export function placeKeyOf(place: string): string {
  return place.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/**
 * The end of the span an appointment blocks for the travel-buffer rule
 * (migration 0002): in-person appointments carry the tenant's buffer after
 * them; phone and video calls carry none.
 */
export function bufferUntilOf(endsAt: Date, mode: AppointmentMode, bufferMinutes: number): Date {
  return mode === 'in_person' ? new Date(endsAt.getTime() + bufferMinutes * 60_000) : endsAt;
}

/** 'dd/MM/yyyy HH:mm' in the tenant's zone: how a clash is named to people. */
export function localLabel(iso: string, zone: string, withDate = true): string {
  return DateTime.fromISO(iso, { zone }).toFormat(withDate ? 'dd/MM/yyyy HH:mm' : 'HH:mm');
}
