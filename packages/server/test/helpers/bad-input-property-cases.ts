import fc from 'fast-check';
import { FORM_IDS, getForm, SAMPLE_SUBMISSIONS, type FieldDefinition, type FormDefinition } from '@ponte/forms';
import {
  formInput,
  formProcedure,
  formSample,
  specFor,
  submitterFor,
  type Fixture,
  type HeaderMap,
  type ProcedureInfo,
} from './bad-input-cases.js';
import { describeEdge, edgeFor, everyFarValue, kindOf, type Edge, type FieldAt } from './edge-values.js';

/*
 * The cases of the property-based bad-input suite: the valid inputs it starts
 * from, the fields it may change in each, and the edge values each field
 * gets. Every procedure of the router starts from the baseline of its spec;
 * some also from variants that fill optional parts the baseline leaves out
 * (a series, a place, validity dates), and the form procedures from the
 * sample of every form.
 */

export type Path = readonly (string | number)[];

export interface Start {
  procedure: ProcedureInfo;
  /** 'baseline', a variant's name, or the form it sends */
  label: string;
  /** undefined: the procedure takes no input, or no valid one is known */
  input: unknown;
  /** resolved at each send: a sign-out needs a fresh token each time */
  headers: () => HeaderMap;
  form?: FormDefinition;
}

export interface Target {
  path: Path;
  at: FieldAt;
}

type SchedulingFx = Fixture & { scheduling: { mediators: { amina: string }; appointments: { reschedule: string } } };
const amina = (fx: Fixture) => (fx as SchedulingFx).scheduling.mediators.amina;

interface Variant {
  label: string;
  input: (fx: Fixture) => Record<string, unknown>;
}

/** Each on a slot or a date of its own, so that none of them refuses another. */
const VARIANTS: Readonly<Record<string, readonly Variant[]>> = {
  'scheduling.book': [
    {
      label: 'a series on given dates',
      input: (fx) => ({ ...booking(fx), start: '2027-05-17T07:00:00Z', series: { starts: ['2027-05-24T07:00:00Z', '2027-05-31T07:00:00Z'] } }),
    },
    { label: 'a weekly series', input: (fx) => ({ ...booking(fx), start: '2027-06-07T07:00:00Z', series: { weeklyCount: 3 } }) },
    {
      label: 'in person, with a case code and an override',
      input: (fx) => ({ ...booking(fx), start: '2027-05-18T07:00:00Z', mode: 'in_person', place: 'Aula 3', caseCode: 'AB12', override: true, overrideReason: 'urgente' }),
    },
  ],
  'scheduling.reschedule': [
    {
      label: 'with a duration and an override',
      input: (fx) => ({ id: (fx as SchedulingFx).scheduling.appointments.reschedule, start: '2027-05-04T08:00:00Z', durationMinutes: 90, override: true, overrideReason: 'spostato' }),
    },
  ],
  'scheduling.list': [
    { label: 'by mediator and organisation', input: (fx) => ({ from: '2027-01-01T00:00:00Z', to: '2027-12-31T00:00:00Z', mediatorId: amina(fx), organisationId: fx.orgs.manzoni }) },
  ],
  'availability.setRules': [
    { label: 'a rule with its validity dates', input: () => ({ rules: [{ weekday: 1, startTime: '09:00', endTime: '12:00', validFrom: '2027-01-01', validTo: '2027-06-30' }] }) },
  ],
  'availability.addException': [
    { label: 'a few hours, with a note', input: () => ({ date: '2027-02-03', kind: 'unavailable', startTime: '09:00', endTime: '11:00', note: 'visita' }) },
  ],
};

function booking(fx: Fixture) {
  return { mediatorId: amina(fx), organisationId: fx.orgs.manzoni, action: '1', start: '2027-05-03T07:00:00Z', durationMinutes: 60, mode: 'video' };
}

/** Every starting input, procedure by procedure in the router's order; every form once. */
export function startsOf(procedures: readonly ProcedureInfo[], fx: Fixture): Start[] {
  const starts: Start[] = [];
  for (const procedure of procedures) {
    const spec = specFor(procedure.path);
    const headers = () => spec.headers(fx);
    const own: Start[] = [{ procedure, label: 'baseline', input: spec.baseline?.(fx), headers }];
    for (const v of VARIANTS[procedure.path] ?? []) own.push({ procedure, label: v.label, input: v.input(fx), headers });
    for (const start of own) {
      const form = formAnswered(start.input);
      if (form) start.form = form;
    }
    for (const formId of FORM_IDS) {
      const form = getForm(formId);
      if (!form || own.some((s) => s.form === form)) continue;
      const who = submitterFor(form, fx);
      if (formProcedure(who) !== procedure.path) continue;
      own.push({ procedure, label: `form ${formId}`, input: formInput(form, who, formSample(form, who)), headers: () => who.headers, form });
    }
    starts.push(...own);
  }
  return starts;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The form whose answers an input sends in its data (the same keys as the form's sample), if any. */
function formAnswered(input: unknown): FormDefinition | undefined {
  const data = isRecord(input) ? input.data : undefined;
  if (!isRecord(data)) return undefined;
  const keys = Object.keys(data).sort().join();
  return FORM_IDS.map((id) => getForm(id)).find((form) => form && Object.keys(SAMPLE_SUBMISSIONS[form.id]).sort().join() === keys);
}

export function getAt(input: unknown, path: Path): unknown {
  let node = input;
  for (const key of path) node = isRecord(node) || Array.isArray(node) ? (node as Record<string | number, unknown>)[key] : undefined;
  return node;
}

/** A copy of the input with one field replaced; undefined leaves the key (or the list item) out. */
export function setAt(input: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(input);
  const parent = getAt(copy, path.slice(0, -1)) as Record<string | number, unknown> | unknown[];
  const key = path.at(-1)!;
  if (Array.isArray(parent) && typeof key === 'number') {
    if (value === undefined) parent.splice(key, 1);
    else parent[key] = value;
  } else if (value === undefined) delete (parent as Record<string | number, unknown>)[key];
  else (parent as Record<string | number, unknown>)[key] = value;
  return copy;
}

function formField(form: FormDefinition, key: string | number): FieldDefinition | undefined {
  return form.sections.flatMap((s) => s.fields).find((f) => f.key === key);
}

/** The longest text the schema or the form allows at a path, where either says. */
function maxLengthAt(start: Start, path: Path): number | undefined {
  const named = path.filter((k): k is string => typeof k === 'string');
  const schema = start.procedure.input?.fields?.find((f) => f.path.join('.') === named.join('.'));
  if (schema?.maxLength !== undefined) return schema.maxLength;
  if (!start.form || path[0] !== 'data' || path.length < 2) return undefined;
  let field = formField(start.form, path[1]!);
  // A group's item field: data.<group>.<index>.<child>
  if (field?.kind === 'group' && path.length === 4) field = field.fields.find((f) => f.key === path[3]);
  else if (path.length !== 2) return undefined;
  return field && 'maxLength' in field ? field.maxLength : undefined;
}

/**
 * Every field of a starting input that a case may change: the input as a
 * whole, every value inside it (of a list, the first and last item), and the
 * fields the schema or the form knows that it leaves out.
 */
export function targetsOf(start: Start): Target[] {
  const paths: Path[] = [];
  const walk = (value: unknown, path: Path) => {
    paths.push(path);
    if (Array.isArray(value)) {
      for (const i of new Set([0, value.length - 1])) if (i >= 0) walk(value[i], [...path, i]);
    } else if (isRecord(value)) {
      for (const [key, child] of Object.entries(value)) walk(child, [...path, key]);
    }
  };
  walk(start.input, []);
  const has = (path: Path) => paths.some((p) => p.length === path.length && p.every((k, i) => k === path[i]));
  const absent = (path: Path) => !has(path) && isRecord(getAt(start.input, path.slice(0, -1)));
  for (const f of start.procedure.input?.fields ?? []) if (absent(f.path)) paths.push(f.path);
  for (const field of start.form?.sections.flatMap((s) => s.fields) ?? []) if (absent(['data', field.key])) paths.push(['data', field.key]);
  return paths.map((path) => {
    const maxLength = maxLengthAt(start, path);
    return { path, at: { value: getAt(start.input, path), ...(maxLength !== undefined ? { maxLength } : {}) } };
  });
}

export function pathName(path: Path): string {
  return path.length === 0 ? '(the whole input)' : path.join('.');
}

export interface Case {
  start: Start;
  path: Path;
  edge: Edge;
}

/** How many edge values each field gets, drawn at random besides the far values every instant and date meets. */
export interface Runs {
  /** a form's answer (a form has dozens) */
  perAnswer: number;
  /** any other field */
  perField: number;
  /** an instant, a date or a list, of a procedure's own input */
  perTemporalOrList: number;
  /** at least this many per starting input, however few its fields */
  perStart: number;
}

/** A seed per field, from its name: adding a procedure or a field leaves the cases of the others as they were. */
function seedOf(seed: number, name: string): number {
  let h = seed;
  for (const ch of name) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
  return h;
}

function unchanged(edge: Edge, original: unknown): boolean {
  if (Object.is(edge.value, original)) return true;
  const kind = kindOf(original);
  return (kind === 'array' || kind === 'object') && kindOf(edge.value) === kind && JSON.stringify(edge.value) === JSON.stringify(original);
}

/** One of a form's answers (data.<key>, and below), where a form has dozens. */
const isAnswer = (start: Start, path: Path) => start.form !== undefined && path[0] === 'data' && path.length > 1;

/**
 * The cases of one starting input: every field it may change gets its own,
 * drawn by fast-check with a fixed seed, so every run sends the same ones.
 */
export function casesOf(start: Start, runs: Runs, seed: number): Case[] {
  const targets = targetsOf(start);
  const cases: Case[] = [];
  for (const target of targets) {
    const kind = kindOf(target.at.value);
    const wide = kind === 'instant' || kind === 'date' || kind === 'array';
    const numRuns = Math.max(isAnswer(start, target.path) ? runs.perAnswer : wide ? runs.perTemporalOrList : runs.perField, Math.ceil(runs.perStart / targets.length));
    const drawn = fc.sample(edgeFor(target.at), { seed: seedOf(seed, `${start.procedure.path} ${start.label} ${pathName(target.path)}`), numRuns });
    // A form has dozens of answers: its dates draw far values at random, as any other value does, rather than every one of them.
    const far = isAnswer(start, target.path) ? [] : everyFarValue(target.at);
    const seen = new Set<string>();
    for (const edge of [...far, ...drawn]) {
      const key = describeEdge(edge);
      if (seen.has(key) || unchanged(edge, target.at.value)) continue;
      seen.add(key);
      cases.push({ start, path: target.path, edge });
    }
  }
  return cases;
}
