import type { PonteClient } from '@ponte/sdk';
import { wall } from '../internal/wall-clock.js';

/**
 * A report's session as it was booked, on the tenant's wall clock, by the
 * report forms' keys: prefilled, since the server holds the report's date to
 * the appointment's; the times are the mediator's to correct.
 */
export async function bookedSession(client: PonteClient, appointmentId: string): Promise<Record<string, string>> {
  const [a, me] = await Promise.all([client.scheduling.get.query({ id: appointmentId }), client.auth.me.query()]);
  const start = wall(a.startsAt, me.timeZone);
  return { sessionDate: start.slice(0, 10), startTime: start.slice(11, 16), endTime: wall(a.endsAt, me.timeZone).slice(11, 16) };
}
