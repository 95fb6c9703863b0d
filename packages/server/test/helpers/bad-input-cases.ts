import { randomBytes } from 'node:crypto';
import {
  countersignSection,
  getForm,
  SAMPLE_SUBMISSIONS,
  visibleFields,
  type FieldDefinition,
  type FormDefinition,
  type FormId,
} from '@ponte/forms';
import { appRouter, DEMO_PASSWORD } from '@ponte/server';
import { ACCOUNTING_SPECS } from './bad-input-accounting.js';
import { COORDINATION_SPECS } from './bad-input-coordination.js';
import { SCHEDULING_SPECS, type SchedulingFixture } from './bad-input-scheduling.js';
import { REQUEST_SPECS, type RequestsFixture } from './bad-input-requests.js';
import { romeDate } from './reports.js';
import { OTHER_ORIGIN, OTHER_PASSWORD, type OtherTenant } from './fixtures.js';

/*
 * The bad-input case lists of every procedure, and the generators that build
 * them: from the procedure's zod input (so a new field is fuzzed without
 * anyone writing a case for it), from a per-procedure spec (who may call it,
 * an input it accepts) and from the form definitions of @ponte/forms.
 */

export type HeaderMap = Record<string, string>;

/** What the suite set up on the server: ids, tokens and keys the cases use. */
export interface Fixture {
  orgs: { manzoni: string; rodari: string; servizi: string };
  other: OtherTenant;
  tokens: {
    coordinator: string;
    admin: string;
    requester: string;
    clinician: string;
    mediator: string;
    otherCoordinator: string;
    otherRequester: string;
    otherClinician: string;
    /** a session row inserted with expires_at in the past */
    expired: string;
    /** signed in over HTTP, then its expires_at moved to the past */
    expiredAfterSignIn: string;
    /** signed in, then signed out */
    revoked: string;
    /** tenant B's mediator, signed in, then disabled */
    disabledUser: string;
  };
  /** a key of the Manzoni school with revoked_at set */
  revokedKey: string;
  submissions: Record<'a' | 'aSpecial' | 'b' | 'bSpecial', { id: string; trackingCode: string }>;
  /** a live token of its own for each call that may sign out */
  freshToken(): string;
  /** mediators, appointments, feeds the scheduling specs act on */
  scheduling: SchedulingFixture;
  /** requests in the statuses the requests.* moves start from */
  requests: RequestsFixture;
}

export type ProcedureType = 'query' | 'mutation' | 'subscription';

export interface Expectation {
  /** the allowed HTTP statuses; any 4xx when absent */
  status?: readonly number[];
  /** data.code of the envelope */
  code?: string;
  /** data.fieldErrors must name this path ('' is the input as a whole); a child path counts too */
  fieldPath?: string;
  /** every one of these paths must be named */
  fieldPaths?: readonly string[];
  messageIncludes?: string;
  /** why a 2xx is a legal answer too (the value is odd but allowed) */
  mayAccept?: string;
  /** refused before any header is read, so in both languages at once */
  bilingual?: true;
}

export interface BadCase {
  procedure: string;
  group: string;
  /** cases of one family share an English re-check: the first of each is sent again with x-ponte-locale: en */
  family: string;
  name: string;
  method: 'GET' | 'POST' | 'PUT';
  /** path and query after the server's address */
  url: string;
  /** credentials and headers, resolved at each send (a sign-out case needs a fresh token each time) */
  headers: () => HeaderMap;
  body?: string | Uint8Array | (() => ReadableStream<Uint8Array>);
  expect: Expectation;
}

// ---------------------------------------------------------------------------
// The procedures of appRouter and their zod inputs.

export interface ProcedureInfo {
  path: string;
  type: ProcedureType;
  input: InputShape | undefined;
  /** takes nothing, and says so (z.undefined()): anything sent is refused */
  refusesInput: boolean;
}

interface ZodLike {
  _zod: { def: { type: string; [k: string]: unknown } };
  [k: string]: unknown;
}

export interface FieldShape {
  path: string[];
  base: 'string' | 'number' | 'boolean' | 'record' | 'object' | 'array' | 'enum' | 'other';
  required: boolean;
  nullable: boolean;
  isInt: boolean;
  minValue: number | undefined;
  maxValue: number | undefined;
  maxLength: number | undefined;
}

export interface InputShape {
  /** undefined as input is refused */
  required: boolean;
  nullable: boolean;
  /** the fields of a (strict) object input, nested ones included */
  fields: FieldShape[] | undefined;
}

function unwrap(schema: ZodLike): { inner: ZodLike; optional: boolean; nullable: boolean } {
  let inner = schema;
  let optional = false;
  let nullable = false;
  for (;;) {
    const def = inner._zod.def;
    if (def.type === 'optional' || def.type === 'default' || def.type === 'prefault') optional = true;
    else if (def.type === 'nullable') nullable = true;
    else if (def.type !== 'pipe' && def.type !== 'readonly' && def.type !== 'catch') break;
    // A pipe is judged by what goes in: transforms run after the first schema passed.
    inner = (def.type === 'pipe' ? def.in : def.innerType) as ZodLike;
  }
  return { inner, optional, nullable };
}

function finite(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function fieldsOf(schema: ZodLike, prefix: string[]): FieldShape[] {
  const shape = schema._zod.def.shape as Record<string, ZodLike>;
  const fields: FieldShape[] = [];
  for (const [key, child] of Object.entries(shape)) {
    const { inner, optional, nullable } = unwrap(child);
    const type = inner._zod.def.type;
    // The form data is a z.custom that accepts any plain object (so that keys
    // reach the form's own strict check untouched): a record, for these cases.
    const base: FieldShape['base'] =
      type === 'custom'
        ? 'record'
        : ((['string', 'number', 'boolean', 'record', 'object', 'array', 'enum'] as const).find((b) => b === type) ?? 'other');
    fields.push({
      path: [...prefix, key],
      base,
      required: !optional,
      nullable,
      isInt: inner.isInt === true,
      minValue: finite(inner.minValue),
      maxValue: finite(inner.maxValue),
      maxLength: finite(inner.maxLength),
    });
    if (base === 'object') fields.push(...fieldsOf(inner, [...prefix, key]));
  }
  return fields;
}

export function describeInput(schema: unknown): InputShape {
  const { inner, optional, nullable } = unwrap(schema as ZodLike);
  return {
    required: !optional,
    nullable,
    fields: inner._zod.def.type === 'object' ? fieldsOf(inner, []) : undefined,
  };
}

/** Every procedure of the router, read from the router itself. */
export function listProcedures(): ProcedureInfo[] {
  const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { type: ProcedureType; inputs: unknown[] } }>;
  return Object.entries(procedures)
    .map(([path, procedure]) => {
      const schema = procedure._def.inputs[0] as ZodLike | undefined;
      const refusesInput = schema?._zod.def.type === 'undefined';
      return {
        path,
        type: procedure._def.type,
        input: schema && !refusesInput ? describeInput(schema) : undefined,
        refusesInput,
      };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
}

// ---------------------------------------------------------------------------
// Per-procedure specs: who may call it and an input it accepts.

export const OWN_ORIGIN = 'http://ponte.test';
export const FOREIGN_ORIGIN = 'https://evil.example';

export const bearer = (token: string): HeaderMap => ({ authorization: `Bearer ${token}` });
export const schoolKey: HeaderMap = { 'x-ponte-key': 'pk_demo_manzoni', origin: OWN_ORIGIN };
export const serviceKey: HeaderMap = { 'x-ponte-key': 'pk_demo_servizi', origin: OWN_ORIGIN };

export interface ProcedureSpec {
  /** the guard in front of it: public, staff token, or publishable key / staff token */
  access: 'public' | 'staff' | 'submitter';
  /** headers of a caller the guard lets through */
  headers(fx: Fixture): HeaderMap;
  /** an input the procedure accepts (sent once by the baseline test); absent when it takes none */
  baseline?(fx: Fixture): Record<string, unknown>;
  /** string fields where any text is a legal value (a filter that may match nothing) */
  freeText?: readonly string[];
  /** a well-formed call changes something (signs out): input-shape cases are not sent when it takes no input */
  sideEffects?: boolean;
  /** inputs that are well-formed but that the domain refuses */
  domainCases?(fx: Fixture): DomainCase[];
  /** set on the generic spec given to a procedure nobody wrote one for */
  generic?: true;
}

export interface DomainCase {
  name: string;
  input?: unknown;
  headers?: HeaderMap;
  expect: Expectation;
}

function formVersion(formId: FormId): number {
  return getForm(formId)?.version ?? 1;
}

/** A sample of a form with its organisation fields naming the organisation that sends it. */
export function sampleData(formId: FormId, organisationId: string): Record<string, unknown> {
  const data: Record<string, unknown> = structuredClone({ ...SAMPLE_SUBMISSIONS[formId] });
  for (const section of getForm(formId)?.sections ?? []) {
    for (const field of section.fields) if (field.kind === 'organisation') data[field.key] = organisationId;
  }
  return data;
}

const notFound: Expectation = { status: [404], code: 'NOT_FOUND' };
const unauthorized: Expectation = { status: [401], code: 'UNAUTHORIZED' };
const forbidden: Expectation = { status: [403], code: 'FORBIDDEN' };
const badRequest = (fieldPath?: string): Expectation => ({
  status: [400],
  code: 'BAD_REQUEST',
  ...(fieldPath !== undefined ? { fieldPath } : {}),
});
/** the form of a domain refusal when the form exists; any 4xx otherwise (the forms package may still be filling in) */
const ifForm = (formId: FormId, expectation: Expectation): Expectation => (getForm(formId) ? expectation : {});

function submitInput(fx: Fixture, formId: FormId, organisationId: string, extra: Record<string, unknown> = {}) {
  return { formId, version: formVersion(formId), data: sampleData(formId, organisationId), ...extra };
}

/** Reading one submission's content: submissions.get and submissions.revisions, by the same rules. */
const readOneSubmission: ProcedureSpec = {
  access: 'staff',
  headers: (fx) => bearer(fx.tokens.coordinator),
  baseline: (fx) => ({ id: fx.submissions.a.id }),
  domainCases: (fx) => [
    { name: 'unknown id', input: { id: '00000000-0000-4000-8000-000000000000' }, expect: notFound },
    { name: 'SQL as id', input: { id: "x' or '1'='1" }, expect: badRequest('id') },
    { name: 'A.5 read by a coordinator (reserved to clinicians)', input: { id: fx.submissions.aSpecial.id }, expect: forbidden },
    { name: 'A.5 read by another school’s referent', input: { id: fx.submissions.aSpecial.id }, headers: bearer(fx.tokens.requester), expect: notFound },
  ],
};

export const PROCEDURE_SPECS: Readonly<Record<string, ProcedureSpec>> = {
  ...SCHEDULING_SPECS,
  ...REQUEST_SPECS,
  ...COORDINATION_SPECS,
  ...ACCOUNTING_SPECS,
  'auth.signIn': {
    access: 'public',
    headers: () => ({}),
    baseline: () => ({ email: 'coordinatrice@demo.ponte.test', password: DEMO_PASSWORD }),
    sideEffects: true,
    domainCases: (fx) => [
      { name: 'wrong password', input: { email: 'coordinatrice@demo.ponte.test', password: 'ponte-demo-2025' }, expect: unauthorized },
      { name: 'unknown e-mail', input: { email: 'nessuno@demo.ponte.test', password: DEMO_PASSWORD }, expect: unauthorized },
      { name: 'SQL in the e-mail', input: { email: "' or '1'='1' --", password: "' or '1'='1" }, expect: unauthorized },
      { name: 'disabled user', input: { email: fx.other.emails.mediator, password: OTHER_PASSWORD }, expect: unauthorized },
      { name: 'tenant B’s user with the demo password', input: { email: fx.other.emails.coordinator, password: DEMO_PASSWORD }, expect: unauthorized },
    ],
  },
  'auth.signOut': { access: 'staff', headers: (fx) => bearer(fx.freshToken()), sideEffects: true },
  'auth.me': { access: 'staff', headers: (fx) => bearer(fx.tokens.coordinator) },
  'forms.list': { access: 'public', headers: () => ({}) },
  'forms.get': {
    access: 'public',
    headers: () => ({}),
    baseline: () => ({ id: 'school-request', version: formVersion('school-request') }),
    domainCases: () => [
      { name: 'unknown version', input: { id: 'school-request', version: 999 }, expect: notFound },
      { name: 'unknown form', input: { id: 'modulo-inesistente' }, expect: notFound },
      { name: 'path traversal as id', input: { id: '../../../etc/passwd' }, expect: badRequest('id') },
      { name: '__proto__ as id', input: { id: '__proto__' }, expect: badRequest('id') },
      { name: 'constructor as id', input: { id: 'constructor' }, expect: notFound },
    ],
  },
  'organisations.current': { access: 'submitter', headers: () => schoolKey },
  'organisations.hoursUsed': {
    access: 'submitter',
    headers: () => schoolKey,
    baseline: () => ({ schoolYear: '2025/26' }),
    domainCases: () => [
      { name: 'years that do not follow', input: { schoolYear: '2025/27' }, expect: badRequest('schoolYear') },
      { name: 'a year in another shape', input: { schoolYear: '25/26' }, expect: badRequest('schoolYear') },
    ],
  },
  'organisations.list': { access: 'staff', headers: (fx) => bearer(fx.tokens.coordinator) },
  'organisations.get': {
    access: 'staff',
    headers: (fx) => bearer(fx.tokens.coordinator),
    baseline: (fx) => ({ id: fx.orgs.manzoni }),
    domainCases: () => [
      { name: 'unknown id', input: { id: '00000000-0000-4000-8000-000000000000' }, expect: notFound },
      { name: 'SQL as id', input: { id: "x' or '1'='1" }, expect: badRequest('id') },
      { name: 'LIKE wildcard as id', input: { id: '%' }, expect: badRequest('id') },
    ],
  },
  'submissions.submit': {
    access: 'submitter',
    headers: (fx) => bearer(fx.tokens.coordinator),
    baseline: (fx) => submitInput(fx, 'school-request', fx.orgs.manzoni, { organisationId: fx.orgs.manzoni }),
    sideEffects: true,
    domainCases: (fx) => [
      { name: 'honeypot filled', input: submitInput(fx, 'school-request', fx.orgs.manzoni, { website: 'http://spam.example' }), headers: schoolKey, expect: badRequest() },
      { name: 'unknown version', input: { ...submitInput(fx, 'school-request', fx.orgs.manzoni), version: 999 }, headers: schoolKey, expect: notFound },
      { name: 'unknown form', input: { ...submitInput(fx, 'school-request', fx.orgs.manzoni), formId: 'modulo-inesistente' }, headers: schoolKey, expect: notFound },
      { name: 'idempotency key with spaces', input: submitInput(fx, 'school-request', fx.orgs.manzoni, { idempotencyKey: 'chiave con spazi' }), headers: schoolKey, expect: badRequest('idempotencyKey') },
      { name: 'A.2 report sent with a school key', input: submitInput(fx, 'school-report', fx.orgs.manzoni), headers: schoolKey, expect: ifForm('school-report', badRequest('formId')) },
      { name: 'A.2 report sent as a submission by a mediator', input: submitInput(fx, 'school-report', fx.orgs.manzoni, { organisationId: fx.orgs.manzoni }), headers: bearer(fx.tokens.mediator), expect: ifForm('school-report', badRequest('formId')) },
      { name: 'A.3 service request sent with a school key', input: submitInput(fx, 'service-request', fx.orgs.manzoni), headers: schoolKey, expect: ifForm('service-request', forbidden) },
      { name: 'A.1 sent by a mediator', input: submitInput(fx, 'school-request', fx.orgs.manzoni, { organisationId: fx.orgs.manzoni }), headers: bearer(fx.tokens.mediator), expect: ifForm('school-request', forbidden) },
      { name: 'A.1 sent by a clinician', input: submitInput(fx, 'school-request', fx.orgs.manzoni, { organisationId: fx.orgs.manzoni }), headers: bearer(fx.tokens.clinician), expect: ifForm('school-request', forbidden) },
      { name: 'A.1 by Manzoni’s referent for Rodari', input: submitInput(fx, 'school-request', fx.orgs.rodari, { organisationId: fx.orgs.rodari }), headers: bearer(fx.tokens.requester), expect: ifForm('school-request', forbidden) },
      { name: 'coordinator without organisationId', input: submitInput(fx, 'school-request', fx.orgs.manzoni), expect: ifForm('school-request', badRequest('organisationId')) },
      { name: 'unknown organisationId', input: submitInput(fx, 'school-request', fx.orgs.manzoni, { organisationId: '00000000-0000-4000-8000-000000000000' }), expect: ifForm('school-request', notFound) },
    ],
  },
  'submissions.track': {
    access: 'public',
    headers: () => ({}),
    baseline: (fx) => ({ trackingCode: fx.submissions.a.trackingCode }),
    domainCases: () => [
      { name: 'well-formed unknown code', input: { trackingCode: 'AAAA-BBBB-CCCC-DDDD' }, expect: notFound },
      { name: 'SQL as code', input: { trackingCode: "' or 1=1 --" }, expect: badRequest('trackingCode') },
      { name: 'LIKE wildcards as code', input: { trackingCode: '%%%%-%%%%-%%%%-%%%%' }, expect: badRequest('trackingCode') },
    ],
  },
  'submissions.list': {
    access: 'staff',
    headers: (fx) => bearer(fx.tokens.coordinator),
    baseline: () => ({ limit: 10 }),
    freeText: ['formId', 'status', 'organisationId'],
    domainCases: () => {
      const cursor = (text: string) => Buffer.from(text).toString('base64url');
      const odd = 'a forged cursor that decodes to a date may just page (or be refused)';
      return [
        { name: 'cursor that is not base64', input: { cursor: '!!! not a cursor !!!' }, expect: badRequest('cursor') },
        { name: 'cursor without a separator', input: { cursor: cursor('2026-01-01T00:00:00.000Z') }, expect: badRequest('cursor') },
        { name: 'cursor with a non-date', input: { cursor: cursor('ieri|abc') }, expect: badRequest('cursor') },
        { name: 'cursor whose date is "1" (Date.parse accepts it)', input: { cursor: cursor('1|x') }, expect: { mayAccept: odd } },
        { name: 'cursor whose date is "March 7"', input: { cursor: cursor('March 7|x') }, expect: { mayAccept: odd } },
        { name: 'cursor with a NUL in its id', input: { cursor: cursor('2026-01-01T00:00:00.000Z|a\u0000b') }, expect: { mayAccept: odd } },
      ];
    },
  },
  'submissions.get': readOneSubmission,
  'submissions.revisions': readOneSubmission,
};

/** What a procedure without a spec gets: no credentials, no baseline. A test fails until someone writes its spec. */
export const GENERIC_SPEC: ProcedureSpec = { access: 'public', headers: () => ({}), generic: true };

export function specFor(path: string): ProcedureSpec {
  return PROCEDURE_SPECS[path] ?? GENERIC_SPEC;
}

// ---------------------------------------------------------------------------
// Requests.

export function inputUrl(path: string, json: string | undefined): string {
  return json === undefined ? `/trpc/${path}` : `/trpc/${path}?input=${encodeURIComponent(json)}`;
}

/** A call as the tRPC client would make it, with its input as raw JSON text. */
function call(
  proc: ProcedureInfo,
  json: string | undefined,
  headers: () => HeaderMap,
): Pick<BadCase, 'method' | 'url' | 'headers' | 'body'> {
  if (proc.type === 'mutation') {
    return {
      method: 'POST',
      url: `/trpc/${proc.path}`,
      headers: () => ({ 'content-type': 'application/json', ...headers() }),
      ...(json !== undefined ? { body: json } : {}),
    };
  }
  return { method: 'GET', url: inputUrl(proc.path, json), headers };
}

const json = (value: unknown) => JSON.stringify(value);

function setAt(target: Record<string, unknown>, path: readonly string[], value: unknown): Record<string, unknown> {
  const copy = structuredClone(target);
  let node: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) {
    if (node[key] === null || typeof node[key] !== 'object') node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[path.at(-1)!] = value;
  return copy;
}

function deleteAt(target: Record<string, unknown>, path: readonly string[]): Record<string, unknown> {
  const copy = structuredClone(target);
  let node: Record<string, unknown> | undefined = copy;
  for (const key of path.slice(0, -1)) node = node?.[key] as Record<string, unknown> | undefined;
  if (node) delete node[path.at(-1)!];
  return copy;
}

export const LONG_STRING = 'a'.repeat(10 * 1024);

/** Control characters, a bidi override and other scripts: text a field may meet, or must refuse, but never crash on. */
export const ODD_STRINGS: readonly [string, string][] = [
  ['NUL', 'a\u0000b'],
  ['ESC sequence', '\u001b[2J\u001b[31mrosso\u001b[0m'],
  ['right-to-left override', 'fattura\u202Etxt.exe'],
  ['Arabic', 'طلب وساطة لغوية'],
  ['Chinese', '请求语言调解'],
  ['emoji', '👩🏽‍🏫🧒🏿🇮🇹'],
  ['mixed scripts', 'Ciao مرحبا 你好 👋 Привет'],
];

const WRONG_TYPES: readonly [string, unknown, FieldShape['base'][]][] = [
  ['number', 42, ['number']],
  ['string', 'testo', ['string']],
  ['boolean', true, ['boolean']],
  ['null', null, []],
  ['array', [], ['array']],
  ['object', {}, ['object', 'record']],
];

const RAW_INFINITY = '"__RAW_1E400__"';

/** Wrong types, missing fields, unknown fields, numbers out of bounds. */
export function shapeCases(proc: ProcedureInfo, spec: ProcedureSpec, fx: Fixture): BadCase[] {
  const cases: BadCase[] = [];
  const headers = () => spec.headers(fx);
  const add = (family: string, name: string, body: string | undefined, expect: Expectation) =>
    cases.push({ procedure: proc.path, group: 'shape', family, name, ...call(proc, body, headers), expect });
  const input = proc.input;
  if (!input) {
    if (proc.refusesInput) {
      for (const [label, value] of WRONG_TYPES) add('top-level type', `input is ${label}`, json(value), badRequest(''));
      add('unknown field', 'input with an unknown field', json({ zzExtra: 1 }), badRequest(''));
      return cases;
    }
    if (spec.sideEffects) return cases;
    const ignored = { mayAccept: 'the procedure takes no input: tRPC ignores one' };
    for (const [label, value] of WRONG_TYPES) add('top-level type', `input is ${label}`, json(value), ignored);
    add('unknown field', 'input with an unknown field', json({ zzExtra: 1 }), ignored);
    return cases;
  }

  const v = (fieldPath: string): Expectation => (spec.generic ? {} : badRequest(fieldPath));
  for (const [label, value] of WRONG_TYPES) {
    if (label === 'object') continue;
    if (label === 'null' && input.nullable) continue;
    add('top-level type', `input is ${label} instead of an object`, json(value), v(''));
  }
  if (input.required) add('missing input', 'no input at all', undefined, v(''));
  const fields = input.fields ?? [];
  const baseline = spec.baseline?.(fx) ?? {};
  const required = fields.filter((f) => f.required && f.path.length === 1);
  if (required.length > 0) add('missing field', 'empty object', json({}), v(required[0]!.path.join('.')));
  for (const f of fields.filter((f) => f.required)) {
    add('missing field', `missing ${f.path.join('.')}`, json(deleteAt(baseline, f.path)), v(f.path.join('.')));
  }
  for (const f of fields) {
    const name = f.path.join('.');
    for (const [label, value, types] of WRONG_TYPES) {
      if (types.includes(f.base) || (value === null && f.nullable)) continue;
      add('wrong field type', `${name} is ${label}`, json(setAt(baseline, f.path, value)), v(name));
    }
    if (f.base === 'number') {
      if (f.isInt) add('number out of bounds', `${name} is 1.5`, json(setAt(baseline, f.path, 1.5)), v(name));
      if (f.minValue !== undefined) add('number out of bounds', `${name} below its minimum`, json(setAt(baseline, f.path, f.minValue - 1)), v(name));
      if (f.maxValue !== undefined) add('number out of bounds', `${name} above its maximum`, json(setAt(baseline, f.path, f.maxValue + 1)), v(name));
      const raw = json(setAt(baseline, f.path, '__RAW_1E400__')).replace(RAW_INFINITY, '1e400');
      add('number out of bounds', `${name} is 1e400 (Infinity once parsed)`, raw, v(name));
    }
  }
  add('unknown field', 'unknown field zzExtra', json({ ...baseline, zzExtra: 'x' }), v('zzExtra'));
  add('unknown field', 'unknown field __proto__', json(baseline).replace(/^\{/, '{"__proto__":{"polluted":true},'), v('__proto__'));
  add('unknown field', 'unknown field constructor', json({ ...baseline, constructor: { prototype: 1 } }), v('constructor'));
  return cases;
}

/** 10 kB strings, control characters and other scripts in every string field. */
export function stringCases(proc: ProcedureInfo, spec: ProcedureSpec, fx: Fixture): BadCase[] {
  const cases: BadCase[] = [];
  const headers = () => spec.headers(fx);
  const baseline = spec.baseline?.(fx) ?? {};
  for (const f of proc.input?.fields ?? []) {
    if (f.base !== 'string') continue;
    const name = f.path.join('.');
    const add = (family: string, label: string, value: string, expect: Expectation) =>
      cases.push({
        procedure: proc.path,
        group: 'strings',
        family,
        name: `${name}: ${label}`,
        ...call(proc, json(setAt(baseline, f.path, value)), headers),
        expect,
      });
    add('long string', '10 kB string', LONG_STRING, spec.generic ? {} : badRequest(name));
    const free = spec.freeText?.includes(name);
    for (const [label, value] of ODD_STRINGS) {
      add('odd string', label, value, free ? { mayAccept: `${name} takes any text (a filter that may match nothing)` } : {});
    }
  }
  return cases;
}

function bigJson(baseline: Record<string, unknown>): string {
  return json({ ...baseline, padding: 'x'.repeat(2 * 1024 * 1024) });
}

/** Malformed JSON, wrong method and content type, oversized bodies and URLs. */
export function transportCases(proc: ProcedureInfo, spec: ProcedureSpec, fx: Fixture): BadCase[] {
  const cases: BadCase[] = [];
  const baseline = spec.baseline?.(fx) ?? {};
  const headers = () => spec.headers(fx);
  const add = (family: string, name: string, c: Pick<BadCase, 'method' | 'url' | 'headers' | 'body'>, expect: Expectation) =>
    cases.push({ procedure: proc.path, group: 'transport', family, name, ...c, expect });
  const takesInput = proc.input !== undefined || proc.refusesInput;
  const malformed: Expectation = { status: [400] };
  const truncated = json(baseline).length > 4 ? json(baseline).slice(0, -3) : '{"a":';
  const bom = json({ ...baseline, zzExtra: 'x' });
  const v = (fieldPath: string): Expectation => (spec.generic ? {} : badRequest(fieldPath));
  const ignored: Expectation = { mayAccept: 'the procedure takes no input: tRPC ignores one' };
  const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

  if (proc.type === 'mutation') {
    const post = (body: string | Uint8Array | (() => ReadableStream<Uint8Array>), contentType: string | undefined) => ({
      method: 'POST' as const,
      url: `/trpc/${proc.path}`,
      headers: () => ({ ...(contentType ? { 'content-type': contentType } : {}), ...headers() }),
      body,
    });
    const ct = 'application/json';
    add('malformed JSON', 'malformed JSON body', post('{not json', ct), malformed);
    add('malformed JSON', 'truncated JSON body', post(truncated, ct), malformed);
    add('malformed JSON', 'raw NUL inside a JSON string', post('{"a":"\u0000"}', ct), malformed);
    // RFC 8259 §8.1 lets a parser skip a byte-order mark: the body carries an unknown field too, so it is refused either way.
    // Where a procedure takes no input, the mark and the nesting below may be ignored: not sent when that would sign out.
    const ignorable = takesInput || !spec.sideEffects;
    if (ignorable) add('malformed JSON', 'byte-order mark before the JSON (with an unknown field)', post(`\ufeff${bom}`, ct), takesInput ? malformed : ignored);
    add('malformed JSON', 'invalid UTF-8 bytes', post(new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]), ct), malformed);
    add('malformed JSON', 'JSON followed by garbage', post(`${json(baseline)} trailing`, ct), malformed);
    if (ignorable) add('deep nesting', 'JSON nested 100 000 levels deep', post(nested(100_000), ct), takesInput ? v('') : ignored);
    if (proc.input?.required) add('empty body', 'empty body', post('', ct), v(''));
    for (const type of ['text/plain', 'application/xml', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      add('content type', `content-type ${type}, JSON body`, post(json(baseline), type), { status: [400, 415] });
    }
    add('content type', 'no content-type, JSON body', post(new TextEncoder().encode(json(baseline)), undefined), { status: [400, 415] });
    add('method', 'GET to a mutation', { method: 'GET', url: inputUrl(proc.path, json(baseline)), headers }, { status: [405] });
    add('method', 'PUT to a mutation', { ...post(json(baseline), ct), method: 'PUT' }, { status: [405] });
    add('body size', '2 MB JSON body', post(bigJson(baseline), ct), { status: [413], code: 'PAYLOAD_TOO_LARGE' });
    const chunked = () => {
      const chunk = new TextEncoder().encode(bigJson(baseline));
      return new ReadableStream<Uint8Array>({ start: (c) => (c.enqueue(chunk), c.close()) });
    };
    add('body size', '2 MB JSON body, chunked (no content-length)', post(chunked, ct), { status: [413], code: 'PAYLOAD_TOO_LARGE' });
  } else {
    const get = (query: string) => ({ method: 'GET' as const, url: `/trpc/${proc.path}?input=${query}`, headers });
    add('malformed JSON', 'malformed JSON input', get(encodeURIComponent('{not json')), malformed);
    add('malformed JSON', 'truncated JSON input', get(encodeURIComponent(truncated)), malformed);
    add('malformed JSON', 'raw NUL inside a JSON string', get(encodeURIComponent('{"a":"\u0000"}')), malformed);
    add('malformed JSON', 'byte-order mark before the JSON (with an unknown field)', get(encodeURIComponent(`\ufeff${bom}`)), takesInput ? malformed : ignored);
    add('malformed JSON', 'broken percent-encoding', get('%E0%A4%A'), malformed);
    add('malformed JSON', 'percent-encoded invalid UTF-8', get('%7B%22a%22%3A%22%FF%FE%22%7D'), malformed);
    add(
      'deep nesting',
      'JSON nested 5 000 levels deep',
      get(nested(5_000)),
      takesInput ? v('') : ignored,
    );
    const post = (body: string) => ({
      method: 'POST' as const,
      url: `/trpc/${proc.path}`,
      headers: () => ({ 'content-type': 'application/json', ...headers() }),
      body,
    });
    add('method', 'POST to a query', post(json(baseline)), { status: [405] });
    add('method', 'PUT to a query', { ...post(json(baseline)), method: 'PUT' }, { status: [405] });
    add('body size', '2 MB JSON body (POST)', post(bigJson(baseline)), { status: [413], code: 'PAYLOAD_TOO_LARGE' });
    add('URL size', 'input of 32 kB in the URL (over the header limit)', get(encodeURIComponent(json({ ...baseline, padding: 'x'.repeat(32 * 1024) }))), { status: [431], bilingual: true });
  }
  return cases;
}

/** Missing, forged, expired and revoked tokens; unknown, revoked and misplaced keys. */
export function credentialCases(proc: ProcedureInfo, spec: ProcedureSpec, fx: Fixture): BadCase[] {
  if (spec.access === 'public') return [];
  const cases: BadCase[] = [];
  const baseline = spec.baseline ? json(spec.baseline(fx)) : undefined;
  const add = (family: string, name: string, headers: HeaderMap, expect: Expectation) =>
    cases.push({ procedure: proc.path, group: 'credentials', family, name, ...call(proc, baseline, () => headers), expect });
  const random = `pt_${randomBytes(32).toString('base64url')}`;
  const t = fx.tokens;
  const tokenCases: [string, HeaderMap][] = [
    ['forged token pt_<random>', bearer(random)],
    ['forged token "pt_"', bearer('pt_')],
    ['forged token of 8 kB', bearer(`pt_${'A'.repeat(8 * 1024)}`)],
    ['forged token with SQL', bearer("pt_'or'1'='1")],
    ['expired token (session row inserted expired)', bearer(t.expired)],
    ['expired token (signed in, then expires_at moved back)', bearer(t.expiredAfterSignIn)],
    ['revoked token (after signOut)', bearer(t.revoked)],
    ['token of a disabled user', bearer(t.disabledUser)],
  ];
  const keyCases: [string, HeaderMap][] = [
    ['unknown publishable key', { 'x-ponte-key': 'pk_unknown_0000', origin: OWN_ORIGIN }],
    ['unknown publishable key of 8 kB', { 'x-ponte-key': `pk_${'z'.repeat(8 * 1024)}` }],
    ['revoked publishable key', { 'x-ponte-key': fx.revokedKey, origin: OWN_ORIGIN }],
    ['publishable key with SQL', { 'x-ponte-key': "pk_' or '1'='1" }],
  ];
  const wrongOrigin: [string, HeaderMap, string][] = [
    ['school A’s key from a foreign origin', { 'x-ponte-key': 'pk_demo_manzoni', origin: FOREIGN_ORIGIN }, FOREIGN_ORIGIN],
    ['school A’s key from tenant B’s origin', { 'x-ponte-key': 'pk_demo_manzoni', origin: OTHER_ORIGIN }, OTHER_ORIGIN],
    ['tenant B’s key from a foreign origin', { 'x-ponte-key': fx.other.key, origin: FOREIGN_ORIGIN }, FOREIGN_ORIGIN],
    ['tenant B’s key from school A’s origin', { 'x-ponte-key': fx.other.key, origin: 'https://manzoni.example' }, 'https://manzoni.example'],
    ['a key from Origin: null (sandboxed frame)', { 'x-ponte-key': 'pk_demo_manzoni', origin: 'null' }, 'null'],
    ['a key from a non-http origin', { 'x-ponte-key': 'pk_demo_manzoni', origin: 'chrome-extension://abcdef' }, 'chrome-extension://abcdef'],
  ];

  if (spec.access === 'staff') {
    add('no credentials', 'no Authorization header', {}, unauthorized);
    add('no credentials', 'Authorization: Bearer (no token)', { authorization: 'Bearer' }, unauthorized);
    add('no credentials', 'Authorization: empty', { authorization: '' }, unauthorized);
    add('no credentials', 'Authorization: Basic', { authorization: 'Basic Y29vcmRpbmF0cmljZTpwb250ZQ==' }, unauthorized);
    add('no credentials', 'token without "Bearer "', { authorization: t.coordinator }, unauthorized);
    add('no credentials', 'a publishable key instead of a token', schoolKey, unauthorized);
    add('no credentials', 'a publishable key as the bearer token', bearer('pk_demo_manzoni'), unauthorized);
    for (const [name, headers] of tokenCases) add('bad token', name, headers, unauthorized);
  } else {
    add('no credentials', 'neither key nor token', {}, unauthorized);
    add('no credentials', 'empty x-ponte-key', { 'x-ponte-key': '' }, unauthorized);
    add('no credentials', 'Authorization: Bearer (no token)', { authorization: 'Bearer' }, unauthorized);
    add('no credentials', 'a publishable key as the bearer token', bearer('pk_demo_manzoni'), unauthorized);
    for (const [name, headers] of keyCases) add('bad key', name, headers, unauthorized);
    for (const [name, headers, origin] of wrongOrigin) {
      add('wrong origin', name, headers, { ...forbidden, messageIncludes: origin });
    }
    // A token wins over a key: a bad token is refused even beside a good key.
    for (const [name, headers] of tokenCases) add('bad token', `${name}, beside a valid key`, { ...schoolKey, ...headers }, unauthorized);
  }
  add('oversized header', 'Authorization of 32 kB (over the header limit)', bearer(`pt_${'A'.repeat(32 * 1024)}`), { status: [431], bilingual: true });
  return cases;
}

export function domainCases(proc: ProcedureInfo, spec: ProcedureSpec, fx: Fixture): BadCase[] {
  return (spec.domainCases?.(fx) ?? []).map((d) => {
    const headers = d.headers ?? spec.headers(fx);
    return {
      procedure: proc.path,
      group: 'domain',
      family: d.expect.code ?? 'domain',
      name: d.name,
      ...call(proc, d.input === undefined ? undefined : json(d.input), () => headers),
      expect: d.expect,
    };
  });
}

// ---------------------------------------------------------------------------
// Form data: garbage in every field of each sample, and inside groups.

export interface Garbage {
  label: string;
  value: unknown;
}

/** Values that are wrong for a field of this kind whatever its settings; never blank (blank counts as missing). */
export function garbageFor(field: FieldDefinition, fx: Fixture): Garbage[] {
  const g = (label: string, value: unknown): Garbage => ({ label, value });
  const nested = g('nested garbage', { a: [{ b: ['\u0000', 1e21] }] });
  switch (field.kind) {
    case 'text':
    case 'textarea':
      return [g('a number', 12345), g('a list', ['testo']), nested, g(`over ${field.maxLength} characters (10 kB or more)`, 'a'.repeat(Math.max(field.maxLength + 1, 10 * 1024)))];
    case 'email':
      return [g('not an e-mail', 'non-una-email'), g('a number', 12345), g('300 characters', `${'a'.repeat(290)}@scuola.it`), nested];
    case 'phone':
      return [g('letters', 'telefono'), g('a number', 3331234567), g('40 digits', `+39 ${'3'.repeat(40)}`), nested];
    case 'integer':
    case 'duration':
    case 'decimal': {
      const out = [g('text', 'dieci'), g('a boolean', true), nested];
      if (field.kind !== 'decimal') out.push(g('a fraction', 1.5));
      if (field.min !== undefined) out.push(g('below its minimum', field.min - 1));
      if (field.max !== undefined) out.push(g('above its maximum', field.max + 1));
      return out;
    }
    case 'date':
      return [g('30 February', '2026-02-30'), g('words', 'ieri'), g('a number', 20260101), nested];
    case 'time':
      return [g('25:00', '25:00'), g('words', 'alle sette'), g('a number', 700)];
    case 'datetime':
      return [g('month 13', '2026-13-01T10:00'), g('words', 'domani'), g('a number', 1767261600000)];
    case 'select':
    case 'radio':
      return [g('not an option', 'opzione-inesistente'), g('a number', 1), g('a list', ['opzione-inesistente'])];
    case 'multiselect': {
      const out = [g('not an option', ['opzione-inesistente']), g('a string, not a list', 'opzione-inesistente'), g('numbers', [1])];
      const first = field.options[0]?.value;
      if (first !== undefined) out.push(g('the same option twice', [first, first]));
      return out;
    }
    case 'checkbox':
    case 'consent':
      return [g('the string "true"', 'true'), g('a number', 1), g('an object', { yes: true })];
    case 'language': {
      const bad = [g('not an ISO 639-3 code', { code: 'non è un codice' }), g('a number as code', { code: 42 }), g('an unknown key', { code: 'ara', dialetto: 'x' })];
      return field.multiple ? [...bad.map((b) => ({ ...b, value: [b.value] })), g('an object, not a list', { code: 'ara' })] : [...bad, g('a bare string', 'ara')];
    }
    case 'country':
      return field.multiple
        ? [g('an unknown country', ['Atlantide']), g('a string, not a list', 'IT'), g('numbers', [380])]
        : [g('an unknown country', 'Atlantide'), g('alpha-3', 'ITA'), g('a number', 380)];
    case 'schoolLevel':
      return field.multiple
        ? [g('an unknown level', ['università']), g('a string, not a list', 'primaria'), g('numbers', [1])]
        : [g('an unknown level', 'università'), g('a number', 1), g('a list', ['primaria'])];
    case 'likert':
      return [g('0', 0), g('99', 99), g('words', 'molto'), g('2.5', 2.5)];
    case 'likertMatrix': {
      const row = field.rows[0]?.key ?? 'riga';
      return [g('a number', 42), g('an unknown row', { rigaInesistente: 1 }), g(`99 in row ${row}`, { [row]: 99 }), g('a list', [1, 2])];
    }
    case 'group':
      return [g('a number', 42), g('a string', 'elenco'), g('an object, not a list', { a: 1 }), g('items that are numbers', [42])];
    case 'timeSlots':
      return [
        g('a number', 42),
        g('30 February', [{ date: '2026-02-30', from: '09:00', to: '10:00' }]),
        g('end before start', [{ date: '2030-03-04', from: '11:00', to: '10:00' }]),
        g('an unknown key in a slot', [{ date: '2030-03-04', from: '09:00', to: '10:00', luogo: 'aula' }]),
      ];
    case 'organisation':
      return [g('a number', 42), g('spaces in the id', 'id con spazi'), g('tenant B’s school', fx.other.schoolId)];
    case 'signature':
      return [g('a bare name', 'Mario Rossi'), g('not confirmed', { name: 'Mario Rossi', confirmed: false }), g('"yes" as confirmation', { name: 'Mario Rossi', confirmed: 'sì' }), g('an unknown key', { name: 'Mario Rossi', confirmed: true, data: 'oggi' })];
  }
}

export interface FormSubmitter {
  headers: HeaderMap;
  organisationId: string;
  /** a report's: filed by its mediator against this past appointment (reports.file), on its local day */
  appointment?: { id: string; date: string };
}

/** Who sends a form: a key of an organisation that may; a report, the mediator of an appointment of theirs. */
export function submitterFor(def: FormDefinition, fx: Fixture): FormSubmitter {
  const kind = def.submitterKinds[0] ?? 'school';
  const organisationId = kind === 'school' ? fx.orgs.manzoni : fx.orgs.servizi;
  if (def.filledBy === 'mediator') {
    const reports = (fx as Fixture & { requests: RequestsFixture }).requests.reports;
    const a = kind === 'school' ? reports.untouched : reports.untouchedService;
    return { headers: bearer(fx.tokens.mediator), organisationId, appointment: { id: a.id, date: romeDate(a.startsAt) } };
  }
  return { headers: kind === 'school' ? schoolKey : serviceKey, organisationId };
}

/** The procedure a form is sent through: a submission, or a report filed against its appointment. */
export const formProcedure = (who: FormSubmitter) => (who.appointment ? 'reports.file' : 'submissions.submit');

export function formInput(def: FormDefinition, who: FormSubmitter, data: unknown): Record<string, unknown> {
  return who.appointment ? { appointmentId: who.appointment.id, version: def.version, data } : { formId: def.id, version: def.version, data };
}

/** The form's sample answers, as `who` sends them: a report's on its appointment's day. */
export function formSample(def: FormDefinition, who: FormSubmitter): Record<string, unknown> {
  const sample = sampleData(def.id, who.organisationId);
  return who.appointment ? { ...sample, sessionDate: who.appointment.date } : sample;
}

function fieldsByKey(def: FormDefinition): Map<string, { field: FieldDefinition; conditional: boolean }> {
  const map = new Map<string, { field: FieldDefinition; conditional: boolean }>();
  for (const section of def.sections) {
    for (const field of section.fields) map.set(field.key, { field, conditional: section.when !== undefined || field.when !== undefined });
  }
  return map;
}

/**
 * Garbage in each field of the sample that is visible (a hidden field's value
 * is dropped by design, whatever it holds), nested garbage in group items,
 * unknown keys, and everything garbage at once.
 */
export function formDataCases(def: FormDefinition, fx: Fixture): BadCase[] {
  const who = submitterFor(def, fx);
  const sample = formSample(def, who);
  const procedure = formProcedure(who);
  const visible = visibleFields(def, sample);
  const fields = fieldsByKey(def);
  const cases: BadCase[] = [];
  const add = (family: string, name: string, data: unknown, expect: Expectation) =>
    cases.push({
      procedure,
      group: `form ${def.id}`,
      family,
      name: `${def.annex} ${name}`,
      method: 'POST',
      url: `/trpc/${procedure}`,
      headers: () => ({ 'content-type': 'application/json', ...who.headers }),
      body: json(formInput(def, who, data)),
      expect,
    });

  const allGarbage: Record<string, unknown> = { ...sample };
  const unconditional: string[] = [];
  // A report's countersignature is refused from its mediator before anything else is read: garbage there alone.
  const countersign = new Set(who.appointment ? countersignSection(def)?.section.fields.map((f) => f.key) : []);
  for (const key of visible.filter((p) => !p.includes('.'))) {
    const entry = fields.get(key);
    if (!entry) continue;
    const garbage = garbageFor(entry.field, fx);
    for (const g of garbage) add(`field ${entry.field.kind}`, `${key} = ${g.label}`, { ...sample, [key]: g.value }, badRequest(key));
    if (countersign.has(key)) continue;
    allGarbage[key] = garbage[0]!.value;
    if (!entry.conditional) unconditional.push(key);

    if (entry.field.kind === 'group') {
      const group = entry.field;
      const items = Array.isArray(sample[key]) ? (sample[key] as Record<string, unknown>[]) : [];
      const first = items[0] ?? {};
      const withItem = (item: unknown, rest: unknown[] = items.slice(1)) => ({ ...sample, [key]: [item, ...rest] });
      for (const child of group.fields) {
        const path = `${key}.0.${child.key}`;
        if (items.length > 0 && !visible.includes(path)) continue;
        for (const g of garbageFor(child, fx).slice(0, 2)) {
          add('nested field', `${path} = ${g.label}`, withItem({ ...first, [child.key]: g.value }), badRequest(path));
        }
      }
      add('nested field', `${key}.0 has an unknown key`, withItem({ ...first, zzExtra: 'x' }), badRequest(`${key}.0.zzExtra`));
      add('nested field', `${key}.0 is a string`, withItem('elemento'), badRequest(`${key}.0`));
      add('nested field', `${key}.0 is a list`, withItem([first]), badRequest(`${key}.0`));
      add('nested field', `${key} has ${group.maxItems + 1} items (max ${group.maxItems})`, { ...sample, [key]: Array.from({ length: group.maxItems + 1 }, () => first) }, badRequest(key));
    }
  }
  add('unknown field', 'unknown field zzExtra', { ...sample, zzExtra: 'x' }, badRequest('zzExtra'));
  add('unknown field', 'unknown field __proto__', JSON.parse(json(sample).replace(/^\{/, '{"__proto__":{"polluted":true},')), badRequest('__proto__'));
  add('data type', 'data is a list', [sample], badRequest('data'));
  add('data type', 'data is a string', 'dati', badRequest('data'));
  add('every field', 'every field garbage at once', allGarbage, { ...badRequest(), fieldPaths: unconditional });
  return cases;
}

/** Text and textarea fields of a form visible in its sample: where free text in any script belongs. */
export function freeTextFields(def: FormDefinition, fx: Fixture): FieldDefinition[] {
  const who = submitterFor(def, fx);
  const visible = new Set(visibleFields(def, sampleData(def.id, who.organisationId)));
  return def.sections.flatMap((s) => s.fields).filter((f) => (f.kind === 'text' || f.kind === 'textarea') && visible.has(f.key));
}
