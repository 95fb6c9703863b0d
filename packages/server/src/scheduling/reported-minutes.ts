import type { Appointment } from './appointment.repository.js';
import type { SchedulingSettings } from './settings.repository.js';

export type ReportedOutcome = 'held' | 'not_held';

export interface NotHeldCause {
  /** the mediator called it off */
  byMediator: boolean;
  /** hours of notice given (0 when none) */
  noticeHours: number;
}

/**
 * What a reported session counts against the budget, under the tenant's
 * rules: one held for its length, at least the minimum billable time; one
 * not held the minimum billable time when called off inside the notice (or
 * not at all), unless the mediator called it off; otherwise nothing.
 */
export function countedMinutes(outcome: ReportedOutcome, delivered: number, cause: NotHeldCause, settings: SchedulingSettings): number {
  if (outcome === 'held') return Math.max(delivered, settings.minimumBillableMinutes);
  if (cause.byMediator) return 0;
  return cause.noticeHours < settings.cancellationNoticeHours ? settings.minimumBillableMinutes : 0;
}

/**
 * An appointment as its report leaves it: the report's outcome, and the
 * report's counted minutes as its billed minutes, which are what budgets and
 * the booking guard count as used (one definition of "used"). Answers
 * undefined when the report changes nothing; else the sequence is raised.
 */
export function reportedAppointment(a: Appointment, outcome: ReportedOutcome, counted: number, at: string): Appointment | undefined {
  if (a.status === outcome && a.billedMinutes === counted) return undefined;
  return { ...a, status: outcome, billedMinutes: counted, sequence: a.sequence + 1, updatedAt: at };
}
