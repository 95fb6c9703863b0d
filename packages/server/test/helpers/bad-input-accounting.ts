import type { DomainCase, Expectation, Fixture, HeaderMap, ProcedureSpec } from './bad-input-cases.js';

/*
 * The bad-input specs of what the Ambito accounts to the fund with beyond
 * the activity figures: the questionnaire's file, and the quarterly
 * monitoring sheet. Kept apart from bad-input-cases.ts, as the scheduling
 * ones are; helpers are repeated here rather than imported, since that
 * module imports this one.
 */

const bearer = (token: string): HeaderMap => ({ authorization: `Bearer ${token}` });
const forbidden: Expectation = { status: [403], code: 'FORBIDDEN' };
const conflict = (fieldPath: string): Expectation => ({ status: [409], code: 'CONFLICT', fieldPath });
const badRequest = (fieldPath: string): Expectation => ({ status: [400], code: 'BAD_REQUEST', fieldPath });

const coordinator = (fx: Fixture) => bearer(fx.tokens.coordinator);
const cases = (...list: DomainCase[]): DomainCase[] => list;

/**
 * The quarter the narrative specs write: the baseline saves it first (no
 * revision), so every later save of the same input, whatever its text, is
 * refused (CONFLICT) and writes nothing.
 */
const QUARTER = { year: 2026, quarter: 1 } as const;
const TEXTS = {
  activities: 'Accoglienza di alunni neo-arrivati in tre istituti.',
  strengths: 'La rete con i CPIA.',
  deviations: '',
  problems: 'Pochi mediatori di lingua bengalese: si è attivata la mediazione a distanza.',
  networks: 'Tavolo con i servizi sociali dei Comuni.',
};

/** The roles the accounting procedures refuse, each with the same input. */
const otherRoles = (fx: Fixture, input: Record<string, unknown>): DomainCase[] => [
  { name: 'by a mediator', input, headers: bearer(fx.tokens.mediator), expect: forbidden },
  { name: 'by a school’s referent', input, headers: bearer(fx.tokens.requester), expect: forbidden },
  { name: 'by a clinician', input, headers: bearer(fx.tokens.clinician), expect: forbidden },
];

export const ACCOUNTING_SPECS: Readonly<Record<string, ProcedureSpec>> = {
  'indicators.questionnaireCsv': {
    access: 'staff',
    headers: coordinator,
    baseline: () => ({ schoolYear: '2025/26' }),
    domainCases: (fx) => cases(
      { name: 'years that do not follow', input: { schoolYear: '2025/27' }, expect: badRequest('schoolYear') },
      { name: 'a year in another shape', input: { schoolYear: '2025-26' }, expect: badRequest('schoolYear') },
      ...otherRoles(fx, { schoolYear: '2025/26' }),
    ),
  },
  'indicators.narrative': {
    access: 'staff',
    headers: coordinator,
    baseline: () => ({ ...QUARTER }),
    domainCases: (fx) => cases(
      { name: 'a fifth quarter', input: { ...QUARTER, quarter: 5 }, expect: badRequest('quarter') },
      { name: 'a year before Ponte’s', input: { ...QUARTER, year: 1999 }, expect: badRequest('year') },
      ...otherRoles(fx, { ...QUARTER }),
    ),
  },
  'indicators.saveNarrative': {
    access: 'staff',
    headers: coordinator,
    baseline: () => ({ ...QUARTER, ...TEXTS }),
    domainCases: (fx) => cases(
      { name: 'the quarter written already, saved with no revision', input: { ...QUARTER, ...TEXTS }, expect: conflict('revision') },
      { name: 'a revision nobody saved', input: { ...QUARTER, ...TEXTS, revision: 999 }, expect: conflict('revision') },
      { name: 'a revision of a quarter never written', input: { ...QUARTER, quarter: 4, ...TEXTS, revision: 1 }, expect: conflict('revision') },
      { name: 'tenant B’s coordinator over A’s revision', input: { ...QUARTER, ...TEXTS, revision: 1 }, headers: bearer(fx.tokens.otherCoordinator), expect: conflict('revision') },
      { name: 'a text of 4,001 characters', input: { ...QUARTER, ...TEXTS, problems: 'x'.repeat(4001) }, expect: badRequest('problems') },
      { name: 'a quarter 0', input: { ...QUARTER, ...TEXTS, quarter: 0 }, expect: badRequest('quarter') },
      { name: 'a revision 0', input: { ...QUARTER, ...TEXTS, revision: 0 }, expect: badRequest('revision') },
      ...otherRoles(fx, { ...QUARTER, ...TEXTS }),
    ),
  },
  'indicators.quarterCsv': {
    access: 'staff',
    headers: coordinator,
    baseline: () => ({ ...QUARTER }),
    domainCases: (fx) => cases(
      { name: 'a fifth quarter', input: { ...QUARTER, quarter: 5 }, expect: badRequest('quarter') },
      { name: 'a year after Ponte’s', input: { ...QUARTER, year: 2100 }, expect: badRequest('year') },
      { name: 'a year with a fraction', input: { ...QUARTER, year: 2026.5 }, expect: badRequest('year') },
      ...otherRoles(fx, { ...QUARTER }),
    ),
  },
};
