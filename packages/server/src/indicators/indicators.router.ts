import { z } from 'zod';
import { roleProcedure, router } from '../trpc/trpc.js';
import { idInput } from '../trpc/input-schemas.js';
import { actionInput, languageInput, localDateInput, modeInput, schoolYearInput } from '../trpc/scheduling-inputs.js';
import { activityCsv } from './activity-csv.js';
import { activity } from './activity.service.js';
import { beneficiariesCsv } from './beneficiaries-csv.js';
import { beneficiaries } from './beneficiaries.service.js';
import { interventionsCsv } from './interventions-csv.js';
import { reach } from './reach.service.js';
import * as questionnaires from './questionnaire.service.js';

const periodInput = z.strictObject({
  from: localDateInput,
  to: localDateInput,
  action: actionInput.optional(),
  organisationId: idInput.optional(),
  language: languageInput.optional(),
  mode: modeInput.optional(),
});

/** What the Ambito accounts to the fund with: coordinators and admins of the tenant. */
export const indicatorsRouter = router({
  /** Interventions held, not held and cancelled, and the hours booked and delivered, of a period (local dates), by organisation and AZIONE. */
  activity: roleProcedure('coordinator', 'admin')
    .input(periodInput)
    .query(({ ctx, input }) => activity(ctx.call, input)),

  /** The same as a CSV file for Italian spreadsheets: `{ filename, content }`. */
  activityCsv: roleProcedure('coordinator', 'admin')
    .input(periodInput)
    .query(({ ctx, input }) => activityCsv(ctx.call, input)),

  /** Unique third-country beneficiaries of a period's held sessions, by FAMI status, sex, age band and citizenship; those not counted apart. */
  beneficiaries: roleProcedure('coordinator', 'admin')
    .input(periodInput)
    .query(({ ctx, input }) => beneficiaries(ctx.call, input)),

  /** The period's interventions as a CSV file, a line each (when, for whom, AZIONE, language, mode, outcome, hours): `{ filename, content }`. */
  interventionsCsv: roleProcedure('coordinator', 'admin')
    .input(periodInput)
    .query(({ ctx, input }) => interventionsCsv(ctx.call, input)),

  /** The people the period's sessions reached as a CSV file, a line per person by their pseudonymous code (a consultation's people counted, never listed). */
  beneficiariesCsv: roleProcedure('coordinator', 'admin')
    .input(periodInput)
    .query(({ ctx, input }) => beneficiariesCsv(ctx.call, input)),

  /** Whom a period's sessions reached (organisations, sites, families, people present by role), the requests and languages asked for against those met, and the ratings. */
  reach: roleProcedure('coordinator', 'admin')
    .input(periodInput)
    .query(({ ctx, input }) => reach(ctx.call, input)),

  /** The school questionnaire of a school year: who answered, and every question added up. */
  questionnaire: roleProcedure('coordinator', 'admin')
    .input(z.strictObject({ schoolYear: schoolYearInput }))
    .query(({ ctx, input }) => questionnaires.questionnaire(ctx.call, input)),
});
