import { DateTime } from 'luxon';
import { auditSpecialCategoryRead } from '../audit/audit.js';
import type { StaffCall } from '../service-call.js';
import type { AppointmentMode, PlanAction } from '../db/database.js';
import { serverMessage } from '../i18n/messages.js';
import { activeSpeakers, listMediators, type Mediator } from '../mediators/mediator.repository.js';
import { findSubmission } from '../submissions/submission.repository.js';
import { canReadContent, canSeeMetadata, isSpecial } from '../submissions/visibility.js';
import { DomainError } from '../domain-error.js';
import { minutesBooked, servedBefore } from './coordination.repository.js';
import { explain } from './explanation.js';
import { codesServing, languageFit, textKey } from './language-match.js';
import { fitProposedSlots, type ProposedWindow, type SlotFit } from './proposed-slots.js';
import { criteriaOf, isRequestForm, type RequestCriteria } from './request-criteria.js';
import { isCaseCode } from '../scheduling/case-code.js';
import { reasonsFor, scoreOf, type Reason } from './scoring.js';

/** An input for scheduling.book, complete but for what the coordinator may still change. */
export interface BookDraft {
  mediatorId: string;
  organisationId: string;
  submissionId: string;
  action: PlanAction;
  start: string;
  durationMinutes: number;
  mode: AppointmentMode;
  place?: string;
  caseCode?: string;
}

export interface Suggestion {
  rank: number;
  mediatorId: string;
  displayName: string;
  gender: 'F' | 'M' | 'X' | null;
  score: number;
  reasons: Reason[];
  /** the reasons as one line, in the caller's language */
  explanation: string;
  /** scheduling.book's input for the first proposed slot the mediator is free for; null when none */
  book: BookDraft | null;
}

export interface Suggestions {
  requestId: string;
  formId: string;
  timeZone: string;
  /** the month whose load is balanced, 'YYYY-MM' in the tenant's zone */
  month: string;
  /** the request's proposed slots as instants, by their index in the request */
  proposedSlots: ProposedWindow[];
  suggestions: Suggestion[];
  /** why the list is empty, for the console to show; null when it is not */
  emptyReason: { code: 'noLanguage' | 'noSpeaker'; message: string } | null;
}

/**
 * Ranks the tenant's active mediators for a request (A.1, A.3, A.5) by
 * language and variety, requested gender, continuity, free time in the
 * proposed slots and the month's load (weights: scoring.ts). A constant
 * number of queries, whatever the number of mediators and slots.
 *
 * A.5 content is special-category data: only the tenant's clinicians get
 * suggestions for it, each time audited as a read. Reasons and explanations
 * say how a mediator meets a request, never what it asked (no language, no
 * case code), for any form; only A.1 and A.3 fields come back as such: the
 * proposed slots and, in booking drafts, the place and case code.
 */
export async function suggestMediators(call: StaffCall, { requestId }: { requestId: string }): Promise<Suggestions> {
  const { db, who: user } = call;
  const o = { locale: call.locale, now: call.now };
  const s = await findSubmission(db, user.tenantId, requestId);
  // Not found and not visible answer alike, as submissions.get does.
  if (!s || !canSeeMetadata(user, s)) throw new DomainError('NOT_FOUND', 'submissionNotFound');
  if (!isRequestForm(s.formId)) throw new DomainError('BAD_REQUEST', 'notARequest', {}, 'requestId');
  if (!canReadContent(user, s)) throw new DomainError('FORBIDDEN', 'specialCategoryRestricted');
  await auditSpecialCategoryRead(db, call, s, { purpose: 'matching' });
  const criteria = criteriaOf(s.formId, s.organisationId, s.data, s.formVersion);
  const { timeZone: zone, settings } = await call.tenant();
  const asked = criteria.language;
  const mediators = asked ? await listMediators(db, user.tenantId, { ids: await activeSpeakers(db, user.tenantId, codesServing(asked.code)) }) : [];
  const ids = mediators.map((m) => m.id);
  const { windows, fits } = await fitProposedSlots(db, user.tenantId, ids, criteria.proposedSlots, {
    zone,
    durationMinutes: criteria.durationMinutes,
    mode: criteria.mode,
    stepMinutes: settings.slotStepMinutes,
    travelBufferMinutes: settings.travelBufferMinutes,
    now: o.now,
  });
  const month = monthOf(windows, zone, o.now);
  const result: Suggestions = { requestId: s.id, formId: s.formId, timeZone: zone, month: month.label, proposedSlots: windows, suggestions: [], emptyReason: null };
  if (!asked) return { ...result, emptyReason: { code: 'noLanguage', message: serverMessage('matchNoLanguage', o.locale) } };

  const [served, minutes] = await Promise.all([
    servedBefore(db, user.tenantId, ids, { organisationId: s.organisationId, requestId: s.id, caseCode: criteria.caseCode }),
    minutesBooked(db, user.tenantId, ids, month.from, month.to),
  ]);
  const busiest = Math.max(0, ...minutes.values());
  const ranked = mediators
    .flatMap((m) => {
      const language = languageFit(m.languages, asked);
      if (!language) return [];
      const reasons = reasonsFor({
        language,
        gender: criteria.gender ? m.gender === criteria.gender : null,
        served: served.get(m.id) ?? { appointments: 0, sameCase: 0 },
        named: isNamed(m, criteria.previousMediator),
        fits: fits.get(m.id) ?? [],
        proposed: criteria.proposedSlots.length,
        month: month.label,
        minutes: minutes.get(m.id) ?? 0,
        busiest,
      });
      return [{ m, reasons, score: scoreOf(reasons), minutes: minutes.get(m.id) ?? 0 }];
    })
    .sort((a, b) => b.score - a.score || a.minutes - b.minutes || a.m.displayName.localeCompare(b.m.displayName) || (a.m.id < b.m.id ? -1 : 1));
  if (ranked.length === 0) return { ...result, emptyReason: { code: 'noSpeaker', message: serverMessage('matchNoSpeaker', o.locale) } };

  result.suggestions = ranked.map(({ m, reasons, score }, i) => ({
    rank: i + 1,
    mediatorId: m.id,
    displayName: m.displayName,
    gender: m.gender,
    score,
    reasons,
    explanation: explain(reasons, o.locale),
    // The caller books what they may read: coordinators A.1 and A.3, clinicians A.5 (scheduling/consultations.ts).
    // An A.5's case code is special-category and an appointment's goes into calendar feeds
    // (docs/architecture.md#ical-feeds-and-files):
    // its draft leaves it for the clinician to write. NOTE: A.5 v1 proposes no slots, so its drafts are null until a version does.
    book: draftFor(m.id, s.id, isSpecial(s) ? { ...criteria, caseCode: null, place: null } : criteria, fits.get(m.id)?.[0]),
  }));
  return result;
}

/** The month of the first proposed slot still open, else of the first one, else the current month. */
function monthOf(windows: readonly ProposedWindow[], zone: string, now: Date): { label: string; from: string; to: string } {
  const anchor = windows.find((w) => w.open)?.start ?? windows[0]?.start ?? now.toISOString();
  const first = DateTime.fromISO(anchor, { zone }).startOf('month');
  return { label: first.toFormat('yyyy-MM'), from: first.toUTC().toISO()!, to: first.plus({ months: 1 }).toUTC().toISO()! };
}

/** Whether the requester's "same mediator as before" names this one: every word of it in the display name. */
function isNamed(m: Mediator, named: string | null): boolean {
  if (!named) return false;
  const words = (text: string) => textKey(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const asked = words(named);
  const name = new Set(words(m.displayName));
  return asked.length > 0 && asked.every((w) => name.has(w));
}

function draftFor(mediatorId: string, submissionId: string, c: RequestCriteria, fit: SlotFit | undefined): BookDraft | null {
  if (!fit) return null;
  return {
    mediatorId,
    organisationId: c.organisationId,
    submissionId,
    action: c.action,
    start: fit.start,
    durationMinutes: Math.round((Date.parse(fit.end) - Date.parse(fit.start)) / 60_000),
    mode: c.mode,
    ...(c.place && c.mode === 'in_person' ? { place: c.place } : {}),
    // Continuity reads the form's code as it is; a booking carries only what calendars may show.
    ...(c.caseCode && isCaseCode(c.caseCode) ? { caseCode: c.caseCode } : {}),
  };
}
