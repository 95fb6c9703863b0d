import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { FORM_IDS, getForm, validateSubmission } from '@ponte/forms';
import { fromJson } from '../../src/db/values.js';
import {
  bearer,
  credentialCases,
  domainCases,
  formDataCases,
  formInput,
  freeTextFields,
  listProcedures,
  ODD_STRINGS,
  PROCEDURE_SPECS,
  sampleData,
  schoolKey,
  shapeCases,
  specFor,
  stringCases,
  submitterFor,
  transportCases,
  type BadCase,
  type Expectation,
  type Fixture,
  type HeaderMap,
  type ProcedureInfo,
  type ProcedureSpec,
} from '../helpers/bad-input-cases.js';
import { buildFixture } from '../helpers/bad-input-fixture.js';
import { databaseKinds } from '../helpers/databases.js';
import { countRows, OTHER_ORIGIN } from '../helpers/fixtures.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

/*
 * Bad input, over real HTTP with raw fetch, for every procedure of appRouter
 * (read from the router, so a new procedure is fuzzed as soon as it exists):
 * every answer is a 4xx tRPC error envelope with a message in the caller's
 * language, no stack, no cookie, and nothing is written. Cases are batched
 * per procedure and group; a failing `it` lists every failing case by name.
 */

const PROCEDURES = listProcedures();

// zod's, tRPC's, Fastify's and JSON.parse's English, which must never reach an Italian reader.
const ENGLISH =
  /(?<![\w-])(invalid|expected|received|required|unrecognized|unrecognised|too (big|small|large|long|short)|unsupported|unexpected|not (valid|found|allowed)|must be|is not|please|sign in|exceeded|header|procedure|request|method|payload|position|string|number)(?![\w-])/i;
// Raw control characters and bidi overrides echoed into a message could garble or spoof what a reader sees.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;
const STACK = /\n\s+at\s|\bat\s+\S+\s+\([^)]*:\d+:\d+\)|node_modules|file:\/\/|\/work\/|\.ts:\d+/;

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  body: unknown;
}

interface Envelope {
  message: string;
  code: string;
  httpStatus: number;
  fieldErrors: Record<string, unknown> | null;
}

async function send(base: string, c: BadCase, locale?: 'en'): Promise<Answer> {
  const headers: HeaderMap = { ...c.headers(), ...(locale ? { 'x-ponte-locale': locale } : {}) };
  const body = typeof c.body === 'function' ? c.body() : c.body;
  // NOTE: a streamed body needs duplex: 'half' (fetch spec, undici); Node's DOM typings lack it.
  const init = { method: c.method, headers, ...(body !== undefined ? { body, duplex: 'half' } : {}) } as RequestInit;
  const res = await fetch(`${base}${c.url}`, init);
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: res.status, headers: res.headers, text, body: parsed };
}

function snippet(text: string): string {
  const short = text.length > 260 ? `${text.slice(0, 260)}…` : text;
  return JSON.stringify(short).slice(1, -1);
}

function envelopeOf(body: unknown): Envelope | undefined {
  const error = (body as { error?: unknown } | undefined)?.error as Record<string, unknown> | undefined;
  const data = error?.data as Record<string, unknown> | undefined;
  if (!error || !data || typeof error.message !== 'string' || typeof data.code !== 'string' || typeof data.httpStatus !== 'number') {
    return undefined;
  }
  const fieldErrors = data.fieldErrors && typeof data.fieldErrors === 'object' ? (data.fieldErrors as Record<string, unknown>) : null;
  return { message: error.message, code: data.code, httpStatus: data.httpStatus, fieldErrors };
}

function stackIn(value: unknown, depth = 0): boolean {
  if (depth > 20 || value === null || typeof value !== 'object') return false;
  return Object.entries(value).some(([key, v]) => key === 'stack' || stackIn(v, depth + 1));
}

function namesPath(fieldErrors: Record<string, unknown> | null, path: string): boolean {
  if (!fieldErrors) return false;
  return Object.keys(fieldErrors).some((key) => key === path || (path !== '' && key.startsWith(`${path}.`)));
}

/** Everything wrong with one answer, each line naming the procedure and the case. */
function check(c: BadCase, a: Answer, locale: 'it' | 'en'): string[] {
  const where = `${c.procedure} › ${c.name}${locale === 'en' ? ' [en]' : ''}`;
  const problems: string[] = [];
  const say = (what: string) => problems.push(`${where}: ${what} — HTTP ${a.status} ${snippet(a.text)}`);
  const cookie = a.headers.get('set-cookie');
  if (cookie !== null) say(`sets a cookie (${cookie})`);
  if (stackIn(a.body) || STACK.test(a.text)) say('leaks a stack trace or a source path');
  if (a.status >= 500) {
    say('server error (5xx)');
    return problems;
  }
  if (a.status < 400) {
    if (!c.expect.mayAccept) say('accepted bad input (2xx/3xx)');
    return problems;
  }
  const expect: Expectation = c.expect;
  if (expect.status && !expect.status.includes(a.status)) say(`expected HTTP ${expect.status.join(' or ')}`);
  const env = envelopeOf(a.body);
  if (!env) {
    say('not a tRPC error envelope { error: { message, data: { code, httpStatus } } }');
    return problems;
  }
  if (env.message.trim() === '') say('empty message');
  if (env.httpStatus !== a.status) say(`data.httpStatus is ${env.httpStatus}`);
  if (expect.code && env.code !== expect.code) say(`code ${env.code}, expected ${expect.code}`);
  if (expect.messageIncludes && !env.message.includes(expect.messageIncludes)) say(`message does not name ${expect.messageIncludes}`);
  for (const path of [...(expect.fieldPath !== undefined ? [expect.fieldPath] : []), ...(expect.fieldPaths ?? [])]) {
    if (!namesPath(env.fieldErrors, path)) say(`data.fieldErrors does not name "${path}"`);
  }
  for (const [key, value] of Object.entries(env.fieldErrors ?? {})) {
    if (typeof value !== 'string' || value.trim() === '') say(`data.fieldErrors["${key}"] is not a message (${JSON.stringify(value)})`);
  }
  const texts = [env.message, ...Object.values(env.fieldErrors ?? {}).filter((v): v is string => typeof v === 'string')];
  if (texts.some((t) => CONTROL.test(t))) say('message echoes control characters or a bidi override');
  if (env.message.length > 1000) say(`message of ${env.message.length} characters`);
  if (locale === 'it' && !expect.bilingual) {
    const english = texts.find((t) => ENGLISH.test(t));
    if (english !== undefined) say(`English in the Italian answer: "${snippet(english)}"`);
  }
  return problems;
}

/** The same case in Italian and in English: the same status, and messages that differ. */
function compareLocales(c: BadCase, it: Answer, en: Answer): string[] {
  const where = `${c.procedure} › ${c.name} [it/en]`;
  if (c.expect.bilingual) return [];
  if (it.status !== en.status) return [`${where}: HTTP ${it.status} in Italian but ${en.status} in English`];
  const a = envelopeOf(it.body);
  const b = envelopeOf(en.body);
  if (!a || !b) return [];
  const problems: string[] = [];
  if (a.message === b.message) problems.push(`${where}: the same message in both languages: "${snippet(a.message)}"`);
  const itErrors = Object.entries(a.fieldErrors ?? {});
  if (itErrors.length > 0) {
    const enErrors = b.fieldErrors ?? {};
    if (itErrors.every(([key, value]) => enErrors[key] === value)) {
      problems.push(`${where}: the same fieldErrors in both languages: ${snippet(JSON.stringify(a.fieldErrors))}`);
    }
  }
  return problems;
}

function rowChanges(before: Record<string, number>, after: Record<string, number>): string[] {
  return Object.keys(before)
    .filter((table) => before[table] !== after[table])
    .map((table) => `${table} ${before[table]} → ${after[table]}`);
}

/**
 * Sends the cases one by one in Italian; the first 4xx of each family is sent
 * again in English. Answers every problem, rows written included.
 */
async function runCases(ts: TestServer, cases: readonly BadCase[], label: string): Promise<string[]> {
  const db = ts.server.database.db;
  const before = await countRows(db);
  const problems: string[] = [];
  const sampled = new Set<string>();
  // Free text a procedure takes by design (mayAccept) is stored when accepted: rows may then change.
  let acceptedByDesign = 0;
  for (const c of cases) {
    const it = await send(ts.url, c);
    if (c.expect.mayAccept && it.status < 300) acceptedByDesign++;
    problems.push(...check(c, it, 'it'));
    const family = `${c.group}/${c.family}`;
    if (!sampled.has(family) && it.status >= 400 && it.status < 500) {
      sampled.add(family);
      const en = await send(ts.url, c, 'en');
      problems.push(...check(c, en, 'en'), ...compareLocales(c, it, en));
    }
  }
  const changes = rowChanges(before, await countRows(db));
  if (changes.length > 0 && acceptedByDesign === 0) problems.push(`${label}: rows written by calls that were to be refused: ${changes.join(', ')}`);
  return problems;
}

function assertNoProblems(problems: readonly string[], count: number): void {
  assert.ok(count > 0, 'no cases were generated');
  assert.equal(problems.length, 0, `${problems.length} problem(s) in ${count} case(s):\n  ${problems.join('\n  ')}`);
}

/** One call of a procedure as a case, for the cross-tenant and router checks. */
function caseOf(
  procedure: string,
  group: string,
  name: string,
  input: unknown,
  headers: HeaderMap,
  expect: Expectation,
): BadCase {
  const proc = PROCEDURES.find((p) => p.path === procedure);
  assert.ok(proc, `no procedure ${procedure}`);
  const body = input === undefined ? undefined : JSON.stringify(input);
  const base = { procedure, group, family: name, name, expect };
  return proc.type === 'mutation'
    ? { ...base, method: 'POST', url: `/trpc/${procedure}`, headers: () => ({ 'content-type': 'application/json', ...headers }), ...(body ? { body } : {}) }
    : { ...base, method: 'GET', url: body ? `/trpc/${procedure}?input=${encodeURIComponent(body)}` : `/trpc/${procedure}`, headers: () => headers };
}

// ---------------------------------------------------------------------------

type Builder = (proc: ProcedureInfo, spec: ProcedureSpec, fx: Fixture) => BadCase[];

function groupsOf(proc: ProcedureInfo, spec: ProcedureSpec): [string, Builder][] {
  const groups: [string, Builder][] = [];
  if (proc.input || !spec.sideEffects) groups.push(['input shape: wrong types, missing and unknown fields', shapeCases]);
  if (proc.input?.fields?.some((f) => f.base === 'string')) {
    groups.push(['strings: 10 kB, control characters, other scripts', stringCases]);
  }
  groups.push(['transport: malformed JSON, method, content type, 2 MB body, long URL', transportCases]);
  if (spec.access !== 'public') groups.push(['credentials: missing, forged, expired, revoked tokens and keys, foreign origins', credentialCases]);
  if (spec.domainCases) groups.push(['well-formed input the domain refuses', domainCases]);
  return groups;
}

describe('bad input: case lists', () => {
  it('covers every procedure of appRouter, and only those', () => {
    const paths = PROCEDURES.map((p) => p.path);
    assert.ok(paths.length > 0);
    assert.deepEqual(
      { withoutSpec: paths.filter((p) => !Object.hasOwn(PROCEDURE_SPECS, p)), specOfNoProcedure: Object.keys(PROCEDURE_SPECS).filter((p) => !paths.includes(p)) },
      { withoutSpec: [], specOfNoProcedure: [] },
      'add a spec to PROCEDURE_SPECS in test/helpers/bad-input-cases.ts for every new procedure (it is fuzzed with a generic set meanwhile)',
    );
  });

  it('has a baseline for every procedure that takes input', () => {
    const without = PROCEDURES.filter((p) => p.input && !PROCEDURE_SPECS[p.path]?.baseline).map((p) => p.path);
    assert.deepEqual(without, []);
  });
});

for (const kind of await databaseKinds()) {
  describe(`bad input on ${kind}`, () => {
    let ts: TestServer;
    let fx: Fixture;

    before(async () => {
      ts = await startTestServer(kind);
      fx = await buildFixture(ts);
    });
    after(() => ts?.close());

    it('accepts the baseline call of every procedure, so that each case fails for its own reason', async () => {
      const problems: string[] = [];
      for (const proc of PROCEDURES) {
        const spec = specFor(proc.path);
        if (spec.generic) continue;
        const c = caseOf(proc.path, 'baseline', 'baseline', spec.baseline?.(fx), spec.headers(fx), {});
        const answer = await send(ts.url, c);
        if (answer.status !== 200) problems.push(`${proc.path} › baseline: HTTP ${answer.status} ${snippet(answer.text)}`);
      }
      assert.equal(problems.length, 0, problems.join('\n'));
    });

    for (const proc of PROCEDURES) {
      describe(proc.path, () => {
        const spec = specFor(proc.path);
        for (const [title, build] of groupsOf(proc, spec)) {
          it(title, async () => {
            const cases = build(proc, spec, fx);
            assertNoProblems(await runCases(ts, cases, `${proc.path} (${title})`), cases.length);
          });
        }
      });
    }

    describe('tenancy', () => {
      it('answers NOT_FOUND for another tenant’s organisations and submissions, both ways', async () => {
        const t = fx.tokens;
        const { other, orgs, submissions: s } = fx;
        const nf: Expectation = { status: [404], code: 'NOT_FOUND' };
        const g = 'tenancy';
        const submitFor = (organisationId: string, extra: Record<string, unknown> = {}) => ({
          formId: 'school-request',
          version: getForm('school-request')?.version ?? 1,
          data: sampleData('school-request', organisationId),
          organisationId,
          ...extra,
        });
        const cases: BadCase[] = [
          caseOf('organisations.get', g, 'A’s coordinator gets B’s school', { id: other.schoolId }, bearer(t.coordinator), nf),
          caseOf('organisations.get', g, 'A’s coordinator gets B’s service', { id: other.serviceId }, bearer(t.coordinator), nf),
          caseOf('organisations.get', g, 'A’s admin gets B’s school', { id: other.schoolId }, bearer(t.admin), nf),
          caseOf('organisations.get', g, 'A’s referent gets B’s school', { id: other.schoolId }, bearer(t.requester), nf),
          caseOf('submissions.get', g, 'A’s coordinator gets B’s A.1', { id: s.b.id }, bearer(t.coordinator), nf),
          caseOf('submissions.get', g, 'A’s admin gets B’s A.1', { id: s.b.id }, bearer(t.admin), nf),
          caseOf('submissions.get', g, 'A’s referent gets B’s A.1', { id: s.b.id }, bearer(t.requester), nf),
          caseOf('submissions.get', g, 'A’s clinician gets B’s A.5', { id: s.bSpecial.id }, bearer(t.clinician), nf),
          caseOf('submissions.submit', g, 'A’s coordinator submits for B’s school', submitFor(other.schoolId), bearer(t.coordinator), nf),
          caseOf('submissions.submit', g, 'A’s admin submits for B’s school', submitFor(other.schoolId), bearer(t.admin), nf),
          caseOf('organisations.get', g, 'B’s coordinator gets A’s school', { id: orgs.manzoni }, bearer(t.otherCoordinator), nf),
          caseOf('submissions.get', g, 'B’s coordinator gets A’s A.1', { id: s.a.id }, bearer(t.otherCoordinator), nf),
          caseOf('submissions.get', g, 'B’s referent gets A’s A.1', { id: s.a.id }, bearer(t.otherRequester), nf),
          caseOf('submissions.get', g, 'B’s clinician gets A’s A.5', { id: s.aSpecial.id }, bearer(t.otherClinician), nf),
          caseOf('submissions.submit', g, 'B’s coordinator submits for A’s school', submitFor(orgs.manzoni), bearer(t.otherCoordinator), nf),
          caseOf('submissions.submit', g, 'B’s referent submits for A’s school', submitFor(orgs.manzoni), bearer(t.otherRequester), { status: [403, 404] }),
          // A key names its organisation: one that names another (of another tenant, even) must be refused, not ignored.
          caseOf('submissions.submit', g, 'A’s key submits naming B’s school as organisationId', { ...submitFor(orgs.manzoni), organisationId: other.schoolId }, schoolKey, { status: [400, 403, 404] }),
          caseOf('submissions.submit', g, 'B’s key submits naming A’s school as organisationId', { ...submitFor(other.schoolId), organisationId: orgs.manzoni }, { 'x-ponte-key': other.key, origin: OTHER_ORIGIN }, { status: [400, 403, 404] }),
        ];
        const problems = await runCases(ts, cases, 'tenancy');

        for (const [who, token, organisationId] of [
          ['A’s coordinator', t.coordinator, other.schoolId],
          ['B’s coordinator', t.otherCoordinator, orgs.manzoni],
        ] as const) {
          const c = caseOf('submissions.list', g, `${who} lists by the other tenant’s school`, { organisationId }, bearer(token), {});
          const answer = await send(ts.url, c);
          const items = (answer.body as { result?: { data?: { items?: unknown[] } } } | undefined)?.result?.data?.items;
          if (answer.status !== 200 || !Array.isArray(items) || items.length > 0) {
            problems.push(`submissions.list › ${c.name}: expected 200 and no items — HTTP ${answer.status} ${snippet(answer.text)}`);
          }
        }
        assertNoProblems(problems, cases.length);
      });
    });

    describe('form data', () => {
      it('has a valid sample for every form (the garbage cases start from it)', () => {
        const problems: string[] = [];
        for (const formId of FORM_IDS) {
          const def = getForm(formId);
          if (!def) {
            problems.push(`${formId}: no definition in @ponte/forms`);
            continue;
          }
          const who = submitterFor(def, fx);
          const result = validateSubmission(def, sampleData(formId, who.organisationId), 'it');
          if (!result.ok) problems.push(`${formId}: SAMPLE_SUBMISSIONS is not valid: ${JSON.stringify(result.fieldErrors).slice(0, 300)}`);
        }
        assert.equal(problems.length, 0, problems.join('\n'));
      });

      for (const formId of FORM_IDS) {
        it(`${formId}: garbage in every field, nested garbage in groups, unknown keys`, async () => {
          const def = getForm(formId);
          assert.ok(def, `${formId}: no definition in @ponte/forms yet`);
          const cases = formDataCases(def, fx);
          assertNoProblems(await runCases(ts, cases, `form ${formId}`), cases.length);
        });
      }

      it('A.1 text fields: control characters and other scripts are refused or stored intact, never a 5xx', async () => {
        const def = getForm('school-request');
        assert.ok(def, 'school-request: no definition in @ponte/forms yet');
        const db = ts.server.database.db;
        const who = submitterFor(def, fx);
        const sample = sampleData('school-request', who.organisationId);
        const fields = freeTextFields(def, fx);
        assert.ok(fields.length > 0, 'A.1 has no text field visible in its sample');
        const before = await countRows(db);
        const problems: string[] = [];
        let accepted = 0;
        for (const field of fields) {
          for (const [label, value] of ODD_STRINGS) {
            const c = caseOf('submissions.submit', 'form text', `A.1 ${field.key} = ${label}`, formInput(def, who, { ...sample, [field.key]: value }), who.headers, {
              mayAccept: 'free text in any script is a legal answer',
            });
            const answer = await send(ts.url, c);
            problems.push(...check(c, answer, 'it'));
            if (answer.status !== 200) continue;
            accepted++;
            const trackingCode = (answer.body as { result: { data: { trackingCode: string } } }).result.data.trackingCode;
            const row = await db.selectFrom('submissions').select('data').where('tracking_code', '=', trackingCode).executeTakeFirst();
            const stored = row && fromJson<Record<string, unknown>>(row.data)[field.key];
            if (stored !== value.trim()) problems.push(`${c.procedure} › ${c.name}: stored ${JSON.stringify(stored)}, sent ${JSON.stringify(value)}`);
          }
        }
        const after = await countRows(db);
        for (const table of Object.keys(before)) {
          const grew = after[table]! - before[table]!;
          const allowed = table === 'submissions' || table === 'audit_events' || table === 'domain_events' ? accepted : table === 'protocol_counters' ? Math.min(accepted, 1) : 0;
          const ok = table === 'protocol_counters' ? grew <= allowed : grew === allowed;
          if (!ok) problems.push(`A.1 text fields: ${table} grew by ${grew} for ${accepted} accepted submission(s)`);
        }
        assertNoProblems(problems, fields.length * ODD_STRINGS.length);
      });
    });

    describe('locale', () => {
      it('answers Italian by default and English when x-ponte-locale or Accept-Language asks for it', async () => {
        const problems: string[] = [];
        const ask = async (headers: HeaderMap, locale: 'it' | 'en' = 'it') => {
          const c = caseOf('forms.get', 'locale', `forms.get with ${JSON.stringify(headers)}`, { id: 42 }, headers, { status: [400], code: 'BAD_REQUEST', fieldPath: 'id' });
          const answer = await send(ts.url, c);
          problems.push(...check(c, answer, locale));
          return envelopeOf(answer.body);
        };
        const italian = await ask({});
        const english = await ask({ 'x-ponte-locale': 'en' }, 'en');
        const variants: [HeaderMap, 'it' | 'en'][] = [
          [{ 'x-ponte-locale': 'it' }, 'it'],
          [{ 'x-ponte-locale': 'EN' }, 'en'],
          [{ 'accept-language': 'en-GB,en;q=0.9' }, 'en'],
          [{ 'accept-language': 'de-DE,de;q=0.9' }, 'it'],
          [{ 'x-ponte-locale': 'it', 'accept-language': 'en' }, 'it'],
        ];
        for (const [headers, want] of variants) {
          const env = await ask(headers, want);
          const reference = want === 'it' ? italian : english;
          if (env?.message !== reference?.message) problems.push(`locale ${JSON.stringify(headers)}: "${env?.message}" is not the ${want} message "${reference?.message}"`);
        }
        if (italian?.message === english?.message) problems.push('forms.get: the same message in both languages');
        assertNoProblems(problems, variants.length + 2);
      });
    });

    it('router: unknown procedures and broken paths answer a localized 4xx envelope', async () => {
      const c = (name: string, method: BadCase['method'], url: string, expect: Expectation): BadCase => ({
        procedure: 'router',
        group: 'router',
        family: name,
        name,
        method,
        url,
        headers: (): HeaderMap => (method === 'GET' ? {} : { 'content-type': 'application/json' }),
        ...(method === 'GET' ? {} : { body: '{}' }),
        expect,
      });
      const cases = [
        c('unknown procedure (GET)', 'GET', '/trpc/nope.nope', { status: [404], code: 'NOT_FOUND' }),
        c('unknown procedure (POST)', 'POST', '/trpc/nope.nope', { status: [404], code: 'NOT_FOUND' }),
        c('a path below a procedure', 'GET', '/trpc/forms.list.extra', { status: [404], code: 'NOT_FOUND' }),
        c('prototype key as a path', 'GET', '/trpc/__proto__', { status: [404], code: 'NOT_FOUND' }),
        c('constructor as a path', 'GET', '/trpc/constructor', { status: [404], code: 'NOT_FOUND' }),
        c('broken percent-encoding in the path', 'GET', '/trpc/forms.g%E0t', { status: [400, 404] }),
      ];
      assertNoProblems(await runCases(ts, cases, 'router'), cases.length);
    });
  });
}
