/**
 * A case's code goes into calendar feeds, where a child's name must never
 * be: capitals, digits and separators, with a digit, and at most four
 * letters in all, so that a name with a number added (MARIO.ROSSI.2017) is
 * refused while office codes such as SS-2026-014 or IC/2026/7 pass.
 */
export const CASE_CODE_MAX_LETTERS = 4;
export const CASE_CODE_MAX_LENGTH = 40;

export function isCaseCode(value: string): boolean {
  return (
    value.length <= CASE_CODE_MAX_LENGTH &&
    /^(?=.*\d)[A-Z0-9][A-Z0-9/_.-]*$/.test(value) &&
    value.replace(/[^A-Z]/g, '').length <= CASE_CODE_MAX_LETTERS
  );
}
