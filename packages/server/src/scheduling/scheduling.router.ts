import { z } from 'zod';
import * as appointments from './appointment.service.js';
import * as settings from './settings.service.js';
import { appointmentFile } from '../calendar-feeds/appointment-file.service.js';
import { freeSlots } from './free-slots.service.js';
import { offeredLanguages } from '../mediators/offered-languages.js';
import { roleProcedure, router, staffProcedure, submitterProcedure } from '../trpc/trpc.js';
import { idempotencyKeyInput, idInput, noInput, plainText } from '../trpc/input-schemas.js';
import { actionInput, caseCodeInput, durationInput, instantInput, languageInput, localDateInput, modeInput, varietyInput } from '../trpc/scheduling-inputs.js';

const coordinator = roleProcedure('coordinator', 'admin');

const override = {
  /** Coordinators only: book beyond the hour budget; recorded in the audit log with the reason. */
  override: z.boolean().optional(),
  overrideReason: plainText(500).optional(),
};

export const schedulingRouter = router({
  /** The languages (and varieties) the active mediators speak: what a booking page offers. Publishable key or staff. */
  languages: submitterProcedure.input(noInput).query(({ ctx }) => offeredLanguages(ctx.call)),

  /** Free start times across the active mediators who speak a language, by local day. Publishable key or staff. */
  freeSlots: submitterProcedure
    .input(
      z.strictObject({
        language: languageInput,
        variety: varietyInput.optional(),
        from: localDateInput,
        to: localDateInput,
        durationMinutes: durationInput,
        mode: modeInput.optional(),
      }),
    )
    .query(({ ctx, input }) => freeSlots(ctx.call, input)),

  /**
   * Books one appointment, or a series (weekly, or on given dates) checked
   * occurrence by occurrence: all stored, or none. A key or a referent books
   * for their organisation inside the mediator's availability; coordinators
   * for any organisation of the tenant; clinicians, inside availability too,
   * for approved A.5 consultations only, which nobody else books
   * (scheduling/consultations.ts).
   */
  book: submitterProcedure
    .input(
      z.strictObject({
        // null: a consultation (A.5) the clinicians hold without a mediator.
        mediatorId: idInput.nullable(),
        organisationId: idInput.optional(),
        submissionId: idInput.optional(),
        action: actionInput,
        start: instantInput,
        durationMinutes: durationInput,
        mode: modeInput,
        place: plainText(200).optional(),
        caseCode: caseCodeInput.optional(),
        series: z
          .strictObject({
            weeklyCount: z.number().int().min(2).max(52).optional(),
            starts: z.array(instantInput).min(1).max(51).optional(),
          })
          .optional(),
        ...override,
        /** The same key on a retry (a lost answer) answers the same appointments and books nothing new. */
        idempotencyKey: idempotencyKeyInput.optional(),
      }),
    )
    .mutation(({ ctx, input }) => appointments.book(ctx.call, input)),

  /**
   * Moves an appointment in time: same id and iCal UID, SEQUENCE + 1. A change
   * of place or mode is a new booking (cancel and book), so that the travel
   * rule and the people invited are looked at again. Coordinators only, who
   * may place outside availability; a clinician cancels and books again.
   */
  reschedule: coordinator
    .input(z.strictObject({ id: idInput, start: instantInput, durationMinutes: durationInput.optional(), ...override }))
    .mutation(({ ctx, input }) => appointments.reschedule(ctx.call, input)),

  /** Cancels (kept as STATUS:CANCELLED); inside the notice the minimum billable time counts. Clinicians: A.5 consultations. */
  cancel: roleProcedure('coordinator', 'admin', 'requester', 'clinician')
    .input(z.strictObject({ id: idInput, reason: plainText(500).optional() }))
    .mutation(({ ctx, input }) => appointments.cancel(ctx.call, input)),

  /** Held or not held, once it has started: coordinators, the mediator of it, or clinicians for a consultation. */
  setOutcome: roleProcedure('coordinator', 'admin', 'mediator', 'clinician')
    .input(z.strictObject({ id: idInput, outcome: z.enum(['held', 'not_held']) }))
    .mutation(({ ctx, input }) => appointments.setOutcome(ctx.call, input)),

  /** Appointments in a window: coordinators all, a mediator theirs, a referent their organisation's, a clinician the A.5 consultations. */
  list: staffProcedure
    .input(z.strictObject({ from: instantInput, to: instantInput, mediatorId: idInput.optional(), organisationId: idInput.optional() }))
    .query(({ ctx, input }) => appointments.list(ctx.call, input)),

  get: staffProcedure.input(z.strictObject({ id: idInput })).query(({ ctx, input }) => appointments.get(ctx.call, input)),

  /** One appointment as an .ics file ("add to calendar"), same UID as in the feeds: whoever may see it, a key included. */
  calendarFile: submitterProcedure
    .input(z.strictObject({ id: idInput }))
    .query(({ ctx, input }) => appointmentFile(ctx.call, input)),

  /** Travel buffer, cancellation notice, minimum billable time, slot step. */
  settings: coordinator.input(noInput).query(({ ctx }) => settings.get(ctx.call)),

  updateSettings: coordinator
    .input(
      z.strictObject({
        travelBufferMinutes: z.number().int().min(0).max(240).optional(),
        cancellationNoticeHours: z.number().int().min(0).max(720).optional(),
        minimumBillableMinutes: z.number().int().min(0).max(480).optional(),
        slotStepMinutes: z.number().int().min(5).max(120).optional(),
      }),
    )
    .mutation(({ ctx, input }) => settings.update(ctx.call, input)),
});
