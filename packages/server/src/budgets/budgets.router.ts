import { z } from 'zod';
import * as budgets from './budget.service.js';
import { roleProcedure, router } from '../trpc/trpc.js';
import { idInput } from '../trpc/input-schemas.js';
import { actionInput, schoolYearInput } from '../trpc/scheduling-inputs.js';

export const budgetsRouter = router({
  /** Hours granted, used and left per (organisation, action, school year). */
  list: roleProcedure('coordinator', 'admin', 'requester')
    .input(z.strictObject({ schoolYear: schoolYearInput.optional(), organisationId: idInput.optional() }).default({}))
    .query(({ ctx, input }) => budgets.list(ctx.call, input)),

  /** The hours granted to an organisation for an action and school year. */
  set: roleProcedure('coordinator', 'admin')
    .input(z.strictObject({ organisationId: idInput, action: actionInput, schoolYear: schoolYearInput, hours: z.number().min(0).max(100_000) }))
    .mutation(({ ctx, input }) => budgets.set(ctx.call, input)),
});
