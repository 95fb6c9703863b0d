import type { Appointment } from './appointment.repository.js';
import type { SchedulingSettings } from './settings.repository.js';

/**
 * An appointment cancelled at `now`: kept, with a raised sequence (an iCal
 * reader needs STATUS:CANCELLED under the same UID). Inside the tenant's
 * notice the minimum billable time still counts against the budget; before
 * it, nothing does. The budgets count mediators' hours: a consultation held
 * without a mediator counts none, late or not.
 */
export function cancelledAppointment(a: Appointment, settings: SchedulingSettings, now: Date): Appointment {
  const late = Date.parse(a.startsAt) - now.getTime() < settings.cancellationNoticeHours * 3_600_000;
  const at = now.toISOString();
  return {
    ...a,
    status: 'cancelled',
    cancelledAt: at,
    cancellation: late ? 'late' : 'in_time',
    billedMinutes: late && a.mediatorId ? settings.minimumBillableMinutes : 0,
    sequence: a.sequence + 1,
    updatedAt: at,
  };
}
