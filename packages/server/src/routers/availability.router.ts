import { z } from 'zod';
import * as availability from '../scheduling/availability.service.js';
import { roleProcedure, router } from '../trpc/trpc.js';
import { idInput, plainText } from './input-schemas.js';
import { localDateInput, localEndTimeInput, localTimeInput } from './scheduling-inputs.js';

// A mediator edits their own availability (mediatorId may be left out);
// a coordinator names the mediator.
const editor = roleProcedure('mediator', 'coordinator', 'admin');

const rule = z.strictObject({
  weekday: z.number().int().min(1).max(7),
  startTime: localTimeInput,
  endTime: localEndTimeInput,
  validFrom: localDateInput.nullable().optional(),
  validTo: localDateInput.nullable().optional(),
});

export const availabilityRouter = router({
  /** Weekly rules and dated exceptions (optionally between two local dates). */
  get: editor
    .input(z.strictObject({ mediatorId: idInput.optional(), fromDate: localDateInput.optional(), toDate: localDateInput.optional() }).default({}))
    .query(({ ctx, input }) => availability.get(ctx.db, ctx.user, input.mediatorId, input)),

  /** Replaces the weekly rules: local wall-clock times in the tenant's zone. */
  setRules: editor
    .input(z.strictObject({ mediatorId: idInput.optional(), rules: z.array(rule).max(50) }))
    .mutation(({ ctx, input }) =>
      availability.setRules(
        ctx.db,
        ctx.user,
        input.mediatorId,
        input.rules.map((r) => ({ weekday: r.weekday, startTime: r.startTime, endTime: r.endTime, validFrom: r.validFrom ?? null, validTo: r.validTo ?? null })),
        ctx.now(),
      ),
    ),

  /** Leave or a holiday (unavailable), or extra hours (available), on one local date. */
  addException: editor
    .input(
      z.strictObject({
        mediatorId: idInput.optional(),
        date: localDateInput,
        kind: z.enum(['unavailable', 'available']),
        startTime: localTimeInput.optional(),
        endTime: localEndTimeInput.optional(),
        note: plainText(200).optional(),
      }),
    )
    .mutation(({ ctx, input }) =>
      availability.addException(
        ctx.db,
        ctx.dialect,
        ctx.user,
        input.mediatorId,
        { date: input.date, kind: input.kind, startTime: input.startTime ?? null, endTime: input.endTime ?? null, note: input.note?.trim() ?? '' },
        ctx.now(),
      ),
    ),

  removeException: editor.input(z.strictObject({ id: idInput })).mutation(({ ctx, input }) => availability.removeException(ctx.db, ctx.user, input.id, ctx.now())),
});
