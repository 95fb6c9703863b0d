import {
  FORM_IDS,
  REQUEST_STATUSES,
  REQUEST_STATUS_LABELS,
  REQUEST_TRANSITIONS,
  formMeaning,
  formsOfKind,
  type LocalizedText,
  type PlanAction,
  type RequestStatus,
  type Transition,
} from '@ponte/forms';

/*
 * The lifecycle of a request (A.1 school, A.3 service, A.5 ethnoclinical):
 * its statuses and every move between two of them with who may make it are
 * data in @ponte/forms (vocabulary.ts, request-lifecycle.ts), which the
 * console reads too; nothing but this table decides whether a change of
 * status is allowed. Here: what the server derives from it.
 *
 * 'received' is the "submitted" status: the name receipts and tracking have
 * always answered, kept so that no integration breaks.
 */

export { REQUEST_STATUSES };
export type { Party, RequestAction, RequestStatus, Transition } from '@ponte/forms';

/** Where a request starts: what submissions.submit stores. */
export const INITIAL_REQUEST_STATUS: RequestStatus = 'received';

/** The forms that are requests, and so follow this lifecycle: those their meaning says are (@ponte/forms meaning.ts). */
export const REQUEST_FORM_IDS: readonly string[] = formsOfKind(FORM_IDS, 'request');

export function isRequestForm(formId: string): boolean {
  return REQUEST_FORM_IDS.includes(formId);
}

/**
 * The AZIONE a request's appointments are booked under, as the meaning of its
 * form version declares it (of the newest version when `version` is
 * omitted); undefined for a form that is not a request.
 */
export function planActionOf(formId: string, version?: number): PlanAction | undefined {
  const meaning = formMeaning(formId, version);
  return meaning?.kind === 'request' ? meaning.action : undefined;
}

export function isRequestStatus(value: string): value is RequestStatus {
  return (REQUEST_STATUSES as readonly string[]).includes(value);
}

/** Status names inside a sentence of a message («approvata»): the shared labels, first letter lower-cased. */
export const STATUS_NAMES: Record<RequestStatus, LocalizedText> = Object.fromEntries(
  REQUEST_STATUSES.map((s) => {
    const { it, en } = REQUEST_STATUS_LABELS[s];
    return [s, { it: lowerFirst(it, 'it'), en: lowerFirst(en, 'en') }];
  }),
) as Record<RequestStatus, LocalizedText>;

function lowerFirst(text: string, locale: string): string {
  return text.charAt(0).toLocaleLowerCase(locale) + text.slice(1);
}

export function findTransition(from: RequestStatus, to: RequestStatus): Transition | undefined {
  return REQUEST_TRANSITIONS.find((t) => t.from === from && t.to === to);
}

/** The statuses a person may move a request to from `from` (not the system's moves): what an error lists. */
export function nextByPeople(from: RequestStatus): RequestStatus[] {
  return REQUEST_TRANSITIONS.filter((t) => t.from === from && t.by.some((p) => p !== 'system')).map((t) => t.to);
}

/**
 * The chain of system moves from one status to another, through `through`
 * when it lies on a way there (a request whose session was not held passes
 * through not_held, not held, on its way to reported); undefined when the
 * system may not get there.
 */
export function systemPath(from: RequestStatus, to: RequestStatus, through?: RequestStatus): Transition[] | undefined {
  if (through && through !== from && through !== to) {
    const first = shortestSystemPath(from, through);
    const second = first && shortestSystemPath(through, to);
    if (first && second) return [...first, ...second];
  }
  return shortestSystemPath(from, to);
}

function shortestSystemPath(from: RequestStatus, to: RequestStatus): Transition[] | undefined {
  if (from === to) return [];
  const seen = new Set<RequestStatus>([from]);
  let frontier: { at: RequestStatus; path: Transition[] }[] = [{ at: from, path: [] }];
  while (frontier.length > 0) {
    const next: typeof frontier = [];
    for (const { at, path } of frontier) {
      for (const t of REQUEST_TRANSITIONS) {
        if (t.from !== at || !t.by.includes('system') || seen.has(t.to)) continue;
        if (t.to === to) return [...path, t];
        seen.add(t.to);
        next.push({ at: t.to, path: [...path, t] });
      }
    }
    frontier = next;
  }
  return undefined;
}
