import { z } from 'zod';
import { roleProcedure, router } from '../trpc/trpc.js';
import { schoolYearInput } from '../trpc/scheduling-inputs.js';
import * as questionnaires from './questionnaire.service.js';

/** What the Ambito accounts to the fund with: coordinators and admins of the tenant. */
export const indicatorsRouter = router({
  /** The school questionnaire of a school year: who answered, and every question added up. */
  questionnaire: roleProcedure('coordinator', 'admin')
    .input(z.strictObject({ schoolYear: schoolYearInput }))
    .query(({ ctx, input }) => questionnaires.questionnaire(ctx.call, input)),
});
