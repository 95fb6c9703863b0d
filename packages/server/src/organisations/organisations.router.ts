import { z } from 'zod';
import * as organisations from './organisation.service.js';
import { router, staffProcedure, submitterProcedure } from '../trpc/trpc.js';
import { idInput, noInput } from '../trpc/input-schemas.js';
import { schoolYearInput } from '../trpc/scheduling-inputs.js';

export const organisationsRouter = router({
  /** The organisation behind the caller's publishable key (or staff member): what a widget prefills. */
  current: submitterProcedure.input(noInput).query(({ ctx }) => organisations.current(ctx.call)),

  /** The hours of mediation that organisation had in a school year (the current one by default): what the school questionnaire prefills. */
  hoursUsed: submitterProcedure
    .input(z.strictObject({ schoolYear: schoolYearInput.optional() }))
    .query(({ ctx, input }) => organisations.hoursUsed(ctx.call, input)),

  /** The organisations of the caller's tenant. */
  list: staffProcedure.input(noInput).query(({ ctx }) => organisations.list(ctx.call)),

  get: staffProcedure.input(z.strictObject({ id: idInput })).query(({ ctx, input }) => organisations.get(ctx.call, input)),
});
