import type { Submitter } from '../auth/actor.js';
import type { Db } from '../db/database.js';
import { visible } from '../scheduling/appointment.service.js';
import { renderAppointmentFile } from './feed-content.js';

/**
 * The .ics of one appointment, for whoever may see it (the key or the
 * referent of its organisation, its mediator, coordinators): what the
 * booking widget offers as "add to calendar".
 */
export async function appointmentFile(db: Db, who: Submitter, id: string, publicUrl: string): Promise<{ filename: string; content: string }> {
  const a = await visible(db, who, id);
  const content = await renderAppointmentFile(db, who.tenantId, a.id, new URL(publicUrl).hostname);
  return { filename: `mediazione-${a.startsAt.slice(0, 10)}.ics`, content };
}
