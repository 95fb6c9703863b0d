import type { PonteClient } from '@ponte/sdk';
import { wall } from '../internal/wall-clock.js';

/** A session's date ('YYYY-MM-DD') and start and end times ('HH:MM'). */
export interface BookedSession {
  date: string;
  start: string;
  end: string;
}

/**
 * A report's session as it was booked, on the tenant's wall clock: prefilled
 * into the fields the report form's meaning names for them (@ponte/forms
 * meaning.ts), since the server holds the report's date to the appointment's;
 * the times are the mediator's to correct.
 */
export async function bookedSession(client: PonteClient, appointmentId: string): Promise<BookedSession> {
  const [a, me] = await Promise.all([client.scheduling.get.query({ id: appointmentId }), client.auth.me.query()]);
  const start = wall(a.startsAt, me.timeZone);
  return { date: start.slice(0, 10), start: start.slice(11, 16), end: wall(a.endsAt, me.timeZone).slice(11, 16) };
}
