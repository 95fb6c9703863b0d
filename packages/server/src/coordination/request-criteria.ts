import { isIsoDate, isIsoTime } from '@ponte/forms';
import type { AppointmentMode, PlanAction } from '../db/database.js';

export { isRequestForm } from '../requests/lifecycle.js';

/** A time the requester proposed: a local date and a window of wall-clock times in the tenant's zone. */
export interface ProposedSlot {
  /** its place in the request's list, counted from 0 */
  index: number;
  date: string;
  from: string;
  to: string;
}

/** What matching reads of a request (A.1, A.3, A.5): never shown to the caller as such. */
export interface RequestCriteria {
  formId: string;
  organisationId: string;
  /** AZIONE of the plan the hours count against */
  action: PlanAction;
  language: { code: string; variety: string | null } | null;
  gender: 'F' | 'M' | null;
  proposedSlots: ProposedSlot[];
  durationMinutes: number | null;
  mode: AppointmentMode;
  place: string | null;
  /** upper case, as appointments store it; null when the form has none or it is not a code */
  caseCode: string | null;
  /** the requester's "same mediator as before": a name, compared with display names */
  previousMediator: string | null;
}

interface FormKeys {
  action: PlanAction;
  language: string;
  gender: string;
  slots?: string;
  duration?: string;
  mode?: string;
  place?: string;
  caseCode?: string;
  previousMediator?: string;
}

/**
 * Where each criterion sits in a request's data, per form (packages/forms
 * src/forms/*-request.v1.ts); every version so far uses these keys, and a
 * version that renames one adds it here. AZIONE 1 is the schools', AZIONE 2
 * the services' and the ethnoclinical consultations' (seed/, the plan).
 */
const REQUEST_FORMS: Readonly<Record<string, FormKeys>> = {
  'school-request': {
    action: '1',
    language: 'language',
    gender: 'mediatorGender',
    slots: 'proposedSlots',
    duration: 'expectedDuration',
    mode: 'mode',
    place: 'place',
    previousMediator: 'previousMediator',
  },
  'service-request': {
    action: '2',
    language: 'language',
    gender: 'mediatorGender',
    slots: 'proposedSlots',
    duration: 'expectedDuration',
    mode: 'mode',
    place: 'place',
    caseCode: 'caseCode',
  },
  // The family's language, asked only when the family takes part: advice to a worker needs no mediator.
  'ethnoclinical-request': { action: '2', language: 'consultationLanguage', gender: 'mediatorGender', caseCode: 'caseCode' },
};

const GENDERS: ReadonlyMap<unknown, 'F' | 'M'> = new Map([
  ['donna', 'F'],
  ['uomo', 'M'],
]);
const MODES: ReadonlyMap<unknown, AppointmentMode> = new Map([
  ['presenza', 'in_person'],
  ['telefono', 'phone'],
  ['video', 'video'],
]);

/**
 * The criteria of a request, read defensively: data stored under any version
 * is read forever, so a value of an unexpected shape counts as absent.
 */
export function criteriaOf(formId: string, organisationId: string, data: Record<string, unknown>): RequestCriteria {
  const keys = REQUEST_FORMS[formId];
  if (!keys) throw new Error(`not a request form: ${formId}`);
  const at = (key: string | undefined): unknown => (key ? data[key] : undefined);
  const code = text(at(keys.caseCode))?.toUpperCase() ?? null;
  return {
    formId,
    organisationId,
    action: keys.action,
    language: languageOf(at(keys.language)),
    gender: GENDERS.get(at(keys.gender)) ?? null,
    proposedSlots: slotsOf(at(keys.slots)),
    durationMinutes: durationOf(at(keys.duration)),
    mode: MODES.get(at(keys.mode)) ?? 'in_person',
    place: text(at(keys.place))?.slice(0, 200) ?? null,
    caseCode: code,
    previousMediator: text(at(keys.previousMediator)) ?? null,
  };
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

function languageOf(value: unknown): RequestCriteria['language'] {
  if (!value || typeof value !== 'object') return null;
  const { code, variety } = value as { code?: unknown; variety?: unknown };
  if (typeof code !== 'string' || !/^[a-z]{3}$/.test(code)) return null;
  return { code, variety: text(variety) ?? null };
}

function slotsOf(value: unknown): ProposedSlot[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((v: unknown, index) => {
    const { date, from, to } = (v ?? {}) as Record<string, unknown>;
    const ok = typeof date === 'string' && typeof from === 'string' && typeof to === 'string' && isIsoDate(date) && isIsoTime(from) && isIsoTime(to) && from < to;
    return ok ? [{ index, date, from, to }] : [];
  });
}

function durationOf(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= 15 && value <= 480 ? value : null;
}
