import type { Expectation, Fixture, HeaderMap, ProcedureSpec } from './bad-input-cases.js';

/*
 * The bad-input specs of the coordination procedures (matching). Kept apart
 * from bad-input-cases.ts, as the scheduling ones are; helpers are repeated
 * here rather than imported, since that module imports this one.
 */

const bearer = (token: string): HeaderMap => ({ authorization: `Bearer ${token}` });
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

const notFound: Expectation = { status: [404], code: 'NOT_FOUND' };
const forbidden: Expectation = { status: [403], code: 'FORBIDDEN' };
const badRequest = (fieldPath: string): Expectation => ({ status: [400], code: 'BAD_REQUEST', fieldPath });

export const COORDINATION_SPECS: Readonly<Record<string, ProcedureSpec>> = {
  'coordination.suggestMediators': {
    access: 'staff',
    headers: (fx: Fixture) => bearer(fx.tokens.coordinator),
    baseline: (fx) => ({ requestId: fx.submissions.a.id }),
    domainCases: (fx) => [
      { name: 'unknown id', input: { requestId: UNKNOWN }, expect: notFound },
      { name: 'SQL as id', input: { requestId: "x' or '1'='1" }, expect: badRequest('requestId') },
      { name: 'tenant B’s request', input: { requestId: fx.submissions.b.id }, expect: notFound },
      { name: 'tenant B’s coordinator asks for A’s request', input: { requestId: fx.submissions.a.id }, headers: bearer(fx.tokens.otherCoordinator), expect: notFound },
      { name: 'asked by a mediator', input: { requestId: fx.submissions.a.id }, headers: bearer(fx.tokens.mediator), expect: forbidden },
      { name: 'asked by a referent', input: { requestId: fx.submissions.a.id }, headers: bearer(fx.tokens.requester), expect: forbidden },
      { name: 'A.5 asked by a coordinator (content reserved to clinicians)', input: { requestId: fx.submissions.aSpecial.id }, expect: forbidden },
      { name: 'A.5 asked by an admin', input: { requestId: fx.submissions.aSpecial.id }, headers: bearer(fx.tokens.admin), expect: forbidden },
      { name: 'A.1 asked by a clinician', input: { requestId: fx.submissions.a.id }, headers: bearer(fx.tokens.clinician), expect: notFound },
      { name: 'tenant B’s clinician asks for A’s A.5', input: { requestId: fx.submissions.aSpecial.id }, headers: bearer(fx.tokens.otherClinician), expect: notFound },
    ],
  },
};
