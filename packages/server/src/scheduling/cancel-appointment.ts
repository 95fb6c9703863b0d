import type { Submitter } from '../auth/actor.js';
import { audit } from '../audit/audit.js';
import type { DbOrTx } from '../db/database.js';
import { emit } from '../events/emit.js';
import type { ServiceCall } from '../service-call.js';
import { saveAppointment, type Appointment } from './appointment.repository.js';
import { cancelledAppointment } from './cancellation.js';

/**
 * Cancels one appointment inside `trx`, whoever asks (scheduling.cancel, or
 * a request withdrawn or cancelled): the row kept as cancelled
 * (cancellation.ts), its audit line and its event, written in one place.
 */
export async function cancelAppointment(trx: DbOrTx, call: ServiceCall<Submitter>, a: Appointment, reason: string): Promise<Appointment> {
  const { settings } = await call.tenant(trx);
  const cancelled = cancelledAppointment(a, settings, call.now);
  const late = cancelled.cancellation === 'late';
  await saveAppointment(trx, cancelled);
  await audit(trx, call, 'appointment.cancelled', { type: 'appointment', id: a.id }, { late, billedMinutes: cancelled.billedMinutes, reason, sequence: cancelled.sequence });
  await emit(trx, call, { type: 'appointment.cancelled', appointmentId: a.id, requestId: a.submissionId, sequence: cancelled.sequence, late });
  return cancelled;
}
