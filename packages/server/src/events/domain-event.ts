import type { PlanAction } from '../db/database.js';
import type { RequestStatus } from '@ponte/forms';

/**
 * Every state change Ponte makes, as later consumers (notifications, the
 * fund's indicators) need it: what happened and the ids to read the rest
 * by. Ids and statuses only, never content: a form's answers, a name or a
 * reason stay in their rows, behind their own access rules. The tenant and
 * who acted travel beside the event (events/emit.ts), not in it.
 * (docs/architecture.md#domain-events)
 */
export type DomainEvent =
  /** A request (A.1, A.3, A.5) arrived; an A.5 is the clinicians'. */
  | { type: 'request.received'; requestId: string; formId: string; organisationId: string }
  /** A school questionnaire arrived. */
  | { type: 'questionnaire.received'; submissionId: string; formId: string; organisationId: string }
  /** A school answered the questionnaire again for the same school year: its answer replaced, the earlier one kept as `revision`. */
  | { type: 'questionnaire.corrected'; submissionId: string; formId: string; organisationId: string; revision: number }
  /** A request moved in its lifecycle, by a person (`cause` is their action) or following its appointments and reports. */
  | { type: 'request.moved'; requestId: string; formId: string; from: RequestStatus; to: RequestStatus; cause: string }
  /** One booking: a single appointment or a whole series. */
  | { type: 'appointment.booked'; appointmentIds: string[]; seriesId: string | null; requestId: string | null; organisationId: string; mediatorId: string | null; action: PlanAction }
  | { type: 'appointment.moved'; appointmentId: string; requestId: string | null; sequence: number }
  | { type: 'appointment.cancelled'; appointmentId: string; requestId: string | null; sequence: number; late: boolean }
  /** A session held or not held, recorded without a report (scheduling.setOutcome). */
  | { type: 'appointment.outcome_recorded'; appointmentId: string; requestId: string | null; outcome: 'held' | 'not_held' }
  | { type: 'report.filed'; reportId: string; appointmentId: string; requestId: string | null; organisationId: string }
  | { type: 'report.corrected'; reportId: string; appointmentId: string }
  | { type: 'report.countersigned'; reportId: string; appointmentId: string; requestId: string | null }
  | { type: 'report.reopened'; reportId: string; appointmentId: string; requestId: string | null }
  | { type: 'mediator.created' | 'mediator.updated' | 'mediator.deactivated' | 'mediator.reactivated'; mediatorId: string }
  | { type: 'availability.changed'; mediatorId: string }
  | { type: 'budget.set'; organisationId: string; action: PlanAction; schoolYear: string }
  | { type: 'settings.updated' }
  /** A quarter's narrative of the fund's monitoring sheet written, first or again: its text stays in its row. */
  | { type: 'narrative.saved'; narrativeId: string; year: number; quarter: number; revision: number }
  | { type: 'calendar_feed.rotated' | 'calendar_feed.revoked'; feedId: string; ownerKind: 'mediator' | 'organisation'; ownerId: string };

export type DomainEventType = DomainEvent['type'];
