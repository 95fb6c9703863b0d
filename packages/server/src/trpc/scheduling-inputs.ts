import { APPOINTMENT_MODES, GENDERS, PLAN_ACTIONS } from '@ponte/forms';
import { z } from 'zod';
import { CASE_CODE_MAX_LENGTH, CASE_CODE_MAX_LETTERS, isCaseCode } from '../scheduling/case-code.js';
import { beforePonteYears, FIRST_DAY, inPonteYears, LAST_DAY } from '../ponte-years.js';
import { isSchoolYear } from '../budgets/school-year.js';
import { plainText } from './input-schemas.js';

/** An issue the error formatter reads in the caller's language (@ponte/forms' catalogue). */
function outOfRange(ctx: z.core.$RefinementCtx<string>, early: boolean): void {
  const [key, bound] = early ? (['error.tooEarly', { min: FIRST_DAY }] as const) : (['error.tooLate', { max: LAST_DAY }] as const);
  ctx.addIssue({ code: 'custom', message: key, params: { ponte: key, ...bound } });
}

/** A local date 'YYYY-MM-DD' in the tenant's zone, within Ponte's years. */
export const localDateInput = z.iso.date().superRefine((value, ctx) => {
  if (value < FIRST_DAY || value > LAST_DAY) outOfRange(ctx, value < FIRST_DAY);
});

/** A local wall-clock time 'HH:MM'. */
export const localTimeInput = z.string().max(5).regex(/^([01]\d|2[0-3]):[0-5]\d$/);

/** An end time: 'HH:MM', or '24:00' for the end of the day. */
export const localEndTimeInput = z.string().max(5).regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/);

/** An instant with its offset: '2026-03-30T07:00:00Z' or '…+02:00', within Ponte's years. */
export const instantInput = z.iso.datetime({ offset: true }).superRefine((value, ctx) => {
  const at = Date.parse(value);
  if (!inPonteYears(at)) outOfRange(ctx, beforePonteYears(at));
});

/** ISO 639-3. */
export const languageInput = z.string().max(3).regex(/^[a-z]{3}$/);

/** Darija, Sylheti, Wenzhounese…: free text, any script. */
export const varietyInput = plainText(60);

export const modeInput = z.enum(APPOINTMENT_MODES);

/** AZIONE 1, 2 or 4 of the plan. */
export const actionInput = z.enum(PLAN_ACTIONS);

/** 'YYYY/YY', two consecutive years within Ponte's years. */
export const schoolYearInput = z
  .string()
  .max(7)
  .refine(isSchoolYear, { params: { ponteText: { it: 'anno scolastico nel formato AAAA/AA, anni consecutivi dal 1999/00 al 2098/99.', en: 'a school year as YYYY/YY, consecutive years from 1999/00 to 2098/99.' } } });

export const durationInput = z.number().int().min(15).max(480);

export const genderInput = z.enum(GENDERS);

export const languageSkillInput = z.strictObject({
  code: languageInput,
  variety: varietyInput.optional(),
  level: z.enum(['A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'native']),
});

/** A case's code, as it goes into calendar feeds (scheduling/case-code.ts): never a name. */
export const caseCodeInput = z
  .string()
  .max(CASE_CODE_MAX_LENGTH)
  .superRefine((value, ctx) => {
    if (isCaseCode(value)) return;
    ctx.addIssue({
      code: 'custom',
      message: 'caseCode',
      params: {
        ponteText: {
          it: 'un codice: al massimo {letters} lettere all’inizio, poi cifre, come SS-2026-014; mai un nome.',
          en: 'a code: at most {letters} letters at the start, then digits, such as SS-2026-014; never a name.',
        },
        letters: CASE_CODE_MAX_LETTERS,
      },
    });
  });
