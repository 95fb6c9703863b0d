import { z } from 'zod';
import { roleProcedure, router } from '../trpc/trpc.js';
import { narrativeInput, quarterInput } from '../trpc/accounting-inputs.js';
import { idInput } from '../trpc/input-schemas.js';
import { actionInput, languageInput, localDateInput, modeInput, schoolYearInput } from '../trpc/scheduling-inputs.js';
import { activityCsv } from './activity-csv.js';
import { activity } from './activity.service.js';
import { beneficiariesCsv } from './beneficiaries-csv.js';
import { beneficiaries } from './beneficiaries.service.js';
import { interventionsCsv } from './interventions-csv.js';
import { reach } from './reach.service.js';
import * as narratives from './narrative.service.js';
import { quarterCsv } from './quarter-csv.js';
import { questionnaireCsv } from './questionnaire-csv.js';
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

  /** The same year's answers standing as a CSV file, a line per school and a column per question: `{ filename, content }`. */
  questionnaireCsv: roleProcedure('coordinator', 'admin')
    .input(z.strictObject({ schoolYear: schoolYearInput }))
    .query(({ ctx, input }) => questionnaireCsv(ctx.call, input)),

  /** The narrative of a quarter of the fund's monitoring sheet (scheda procedurale); null when not written. */
  narrative: roleProcedure('coordinator', 'admin')
    .input(quarterInput)
    .query(({ ctx, input }) => narratives.narrative(ctx.call, input)),

  /** Writes a quarter's narrative over the revision read (none the first time); CONFLICT when someone saved in between. */
  saveNarrative: roleProcedure('coordinator', 'admin')
    .input(narrativeInput)
    .mutation(({ ctx, input }) => narratives.saveNarrative(ctx.call, input)),

  /** A quarter's narrative and its interventions and hours as one CSV file: `{ filename, content }`. */
  quarterCsv: roleProcedure('coordinator', 'admin')
    .input(quarterInput)
    .query(({ ctx, input }) => quarterCsv(ctx.call, input)),
});
