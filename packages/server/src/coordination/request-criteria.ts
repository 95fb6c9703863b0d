import { formMeaning, isIsoDate, isIsoTime, roleValue, type Gender } from '@ponte/forms';
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

/**
 * The criteria of a request, read with the meaning of the form version it was
 * sent with (@ponte/forms meaning.ts: which field holds the language, the
 * gender asked for, the mode…; the newest version when `version` is omitted).
 * Read defensively: data stored under any version is read forever, so a value
 * of an unexpected shape counts as absent.
 */
export function criteriaOf(formId: string, organisationId: string, data: Record<string, unknown>, version?: number): RequestCriteria {
  const meaning = formMeaning(formId, version);
  if (meaning?.kind !== 'request') throw new Error(`not a request form: ${formId}${version === undefined ? '' : ` v${version}`}`);
  const at = (key: string | undefined): unknown => (key ? data[key] : undefined);
  const code = text(at(meaning.caseCode))?.toUpperCase() ?? null;
  return {
    formId,
    organisationId,
    action: meaning.action,
    language: languageOf(at(meaning.language)),
    gender: toMatchedGender(roleValue(meaning.mediatorGender, data)),
    proposedSlots: slotsOf(at(meaning.proposedSlots)),
    durationMinutes: durationOf(at(meaning.duration)),
    mode: roleValue(meaning.mode, data) ?? 'in_person',
    place: text(at(meaning.place))?.slice(0, 200) ?? null,
    caseCode: code,
    previousMediator: text(at(meaning.previousMediator)) ?? null,
  };
}

/** A requested gender matching can look for: a woman or a man; anything else asks for none. */
function toMatchedGender(gender: Gender | undefined): 'F' | 'M' | null {
  return gender === 'F' || gender === 'M' ? gender : null;
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
