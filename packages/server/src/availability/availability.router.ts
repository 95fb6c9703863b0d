import { z } from 'zod';
import * as availability from './availability.service.js';
import { roleProcedure, router } from '../trpc/trpc.js';
import { idInput, plainText } from '../trpc/input-schemas.js';
import { localDateInput, localEndTimeInput, localTimeInput } from '../trpc/scheduling-inputs.js';

// Who edits whose: availability.service.ts (a mediator their own, a coordinator any).
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
    .query(({ ctx, input }) => availability.get(ctx.call, input)),

  /** Replaces the weekly rules: local wall-clock times in the tenant's zone. */
  setRules: editor
    .input(z.strictObject({ mediatorId: idInput.optional(), rules: z.array(rule).max(50) }))
    .mutation(({ ctx, input }) => availability.setRules(ctx.call, input)),

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
    .mutation(({ ctx, input }) => availability.addException(ctx.call, input)),

  removeException: editor.input(z.strictObject({ id: idInput })).mutation(({ ctx, input }) => availability.removeException(ctx.call, input)),
});
