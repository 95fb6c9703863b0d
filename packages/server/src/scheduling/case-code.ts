/**
 * A case's code goes into calendar feeds, where a child's name must never
 * be. An office's code is a short prefix and numbers (SS-2026-014,
 * IC/2026/7, A5.2027.003): at most four capitals, then digits and
 * separators. No shape can refuse every name (ANNA-1 passes), but a name
 * and surname, initials (M.R.2017) or a name after a number cannot be
 * written so; the forms that ask for one say it is never a name.
 */
export const CASE_CODE_MAX_LETTERS = 4;
export const CASE_CODE_MAX_LENGTH = 40;

const CASE_CODE = new RegExp(`^[A-Z]{0,${CASE_CODE_MAX_LETTERS}}[-/._]?\\d[\\d/_.-]*$`);

export function isCaseCode(value: string): boolean {
  return value.length <= CASE_CODE_MAX_LENGTH && CASE_CODE.test(value);
}
