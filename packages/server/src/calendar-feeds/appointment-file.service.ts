import type { Submitter } from '../auth/actor.js';
import type { ServiceCall } from '../service-call.js';
import { visible } from '../scheduling/appointment-access.js';
import { renderAppointmentFile } from './feed-content.js';

/**
 * The .ics of one appointment, for whoever may see it (the key or the
 * referent of its organisation, its mediator, coordinators): what the
 * booking widget offers as "add to calendar".
 */
export async function appointmentFile(call: ServiceCall<Submitter>, input: { id: string }): Promise<{ filename: string; content: string }> {
  const a = await visible(call.db, call.who, input.id);
  const content = await renderAppointmentFile(call.db, await call.tenant(), a.id, new URL(call.config.publicUrl).hostname);
  return { filename: `mediazione-${a.startsAt.slice(0, 10)}.ics`, content };
}
