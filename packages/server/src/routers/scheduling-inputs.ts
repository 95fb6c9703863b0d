import { z } from 'zod';
import { plainText } from './input-schemas.js';

/** A local date 'YYYY-MM-DD' in the tenant's zone. */
export const localDateInput = z.iso.date();

/** A local wall-clock time 'HH:MM'. */
export const localTimeInput = z.string().max(5).regex(/^([01]\d|2[0-3]):[0-5]\d$/);

/** An end time: 'HH:MM', or '24:00' for the end of the day. */
export const localEndTimeInput = z.string().max(5).regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/);

/** An instant with its offset: '2026-03-30T07:00:00Z' or '…+02:00'. */
export const instantInput = z.iso.datetime({ offset: true });

/** ISO 639-3. */
export const languageInput = z.string().max(3).regex(/^[a-z]{3}$/);

/** Darija, Sylheti, Wenzhounese…: free text, any script. */
export const varietyInput = plainText(60);

export const modeInput = z.enum(['in_person', 'phone', 'video']);

/** AZIONE 1, 2 or 4 of the plan. */
export const actionInput = z.enum(['1', '2', '4']);

export const schoolYearInput = z.string().max(7).regex(/^\d{4}\/\d{2}$/);

export const durationInput = z.number().int().min(15).max(480);

export const genderInput = z.enum(['F', 'M', 'X']);

export const languageSkillInput = z.strictObject({
  code: languageInput,
  variety: varietyInput.optional(),
  level: z.enum(['A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'native']),
});
