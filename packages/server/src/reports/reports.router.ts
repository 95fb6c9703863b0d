import { z } from 'zod';
import * as reports from './report.service.js';
import { roleProcedure, router, staffProcedure } from '../trpc/trpc.js';
import { formDataInput, idInput, plainText } from '../trpc/input-schemas.js';

/**
 * Reports (A.2 schools, A.4 services), one per appointment: filed and
 * corrected by its mediator, countersigned by a referent of the organisation
 * that received it, reopened by a coordinator.
 */
export const reportsRouter = router({
  /** The report of one of the caller's appointments, once it has started: its own mediator only. */
  file: staffProcedure
    .input(z.strictObject({ appointmentId: idInput, data: formDataInput, version: z.number().int().positive().optional() }))
    .mutation(({ ctx, input }) => reports.file(ctx.call, input)),

  /** Replaces the mediator's part of a report not yet countersigned: its mediator only. */
  correct: staffProcedure
    .input(z.strictObject({ id: idInput, data: formDataInput }))
    .mutation(({ ctx, input }) => reports.correct(ctx.call, input)),

  /** The referent's signed confirmation, name and time stamped, with an optional rating 1–5. */
  countersign: staffProcedure
    .input(z.strictObject({ id: idInput, rating: z.number().int().min(1).max(5).optional() }))
    .mutation(({ ctx, input }) => reports.countersign(ctx.call, input)),

  /** Takes the countersignature back off, with a reason (audited): coordinators and admins. */
  reopen: roleProcedure('coordinator', 'admin')
    .input(z.strictObject({ id: idInput, reason: plainText(1000).min(1) }))
    .mutation(({ ctx, input }) => reports.reopen(ctx.call, input)),

  /** One report, for whoever may see it; `data` null for who may not read its content (a consultation's, A.5). */
  get: staffProcedure.input(z.strictObject({ id: idInput })).query(({ ctx, input }) => reports.get(ctx.call, input)),

  /** Reports the caller may see, newest first, without content. */
  list: staffProcedure
    .input(
      z
        .strictObject({
          status: z.enum(['filed', 'countersigned']).optional(),
          organisationId: idInput.optional(),
          mediatorId: idInput.optional(),
          submissionId: idInput.optional(),
          limit: z.number().int().min(1).max(200).default(50),
        })
        .default({ limit: 50 }),
    )
    .query(({ ctx, input }) => reports.list(ctx.call, input)),
});
