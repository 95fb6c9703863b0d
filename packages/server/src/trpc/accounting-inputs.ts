import { z } from 'zod';
import { FIRST_YEAR, LAST_YEAR } from '../ponte-years.js';
import { plainText } from './input-schemas.js';

/** The longest text of one part of a quarter's narrative: a page of prose, as the fund's sheet takes it. */
export const NARRATIVE_MAX_LENGTH = 4000;

/** A calendar quarter of Ponte's years: 1 is January to March, 4 October to December. */
const quarter = {
  year: z.number().int().min(FIRST_YEAR).max(LAST_YEAR),
  quarter: z.number().int().min(1).max(4),
};

export const quarterInput = z.strictObject(quarter);

/**
 * A quarter's narrative as saved: every part, empty where there is nothing
 * to say, and the revision it was written over (none for a quarter not yet
 * written: docs/architecture.md#quarterly-narrative).
 */
export const narrativeInput = z.strictObject({
  ...quarter,
  activities: plainText(NARRATIVE_MAX_LENGTH),
  strengths: plainText(NARRATIVE_MAX_LENGTH),
  deviations: plainText(NARRATIVE_MAX_LENGTH),
  problems: plainText(NARRATIVE_MAX_LENGTH),
  networks: plainText(NARRATIVE_MAX_LENGTH),
  revision: z.number().int().min(1).max(1_000_000).optional(),
});
