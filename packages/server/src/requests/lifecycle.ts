import type { LocalizedText } from '@ponte/forms';
import type { PlanAction } from '../db/database.js';

/*
 * The lifecycle of a request (A.1 school, A.3 service, A.5 ethnoclinical),
 * as data: every status, and every move between two of them with who may
 * make it. Nothing else decides whether a change of status is allowed.
 *
 *   received ─review─▶ in_review ─approve─▶ approved ─(booking)─▶ scheduled ─(outcomes)─▶ held | not_held ─(reports)─▶ reported ─close─▶ closed
 *                           └─reject─▶ rejected
 *   received, in_review, approved, scheduled ─withdraw─▶ withdrawn   (its requester)
 *   received, in_review, approved, scheduled ─cancel──▶ cancelled   (the reviewer, with a reason)
 *
 * 'received' is the "submitted" status: the name receipts and tracking have
 * always answered, kept so that no integration breaks.
 */

export const REQUEST_STATUSES = [
  'received',
  'in_review',
  'approved',
  'rejected',
  'scheduled',
  'held',
  'not_held',
  'reported',
  'closed',
  'withdrawn',
  'cancelled',
] as const;

export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** Where a request starts: what submissions.submit stores. */
export const INITIAL_REQUEST_STATUS: RequestStatus = 'received';

/** The forms that are requests, and so follow this lifecycle. */
export const REQUEST_FORM_IDS: readonly string[] = ['school-request', 'service-request', 'ethnoclinical-request'];

export function isRequestForm(formId: string): boolean {
  return REQUEST_FORM_IDS.includes(formId);
}

/**
 * The AZIONE of the plan whose hours a request's appointments count against:
 * AZIONE 1 the schools' (A.1); AZIONE 2 access to services, which names the
 * ethnoclinical consultation besides mediation for the services (A.3, A.5).
 * AZIONE 4 (participation, research) has no request form.
 * NOTE: seed/ (the plan's text), "AZIONE 2 – … consulenza etnoclinica".
 */
export const REQUEST_PLAN_ACTIONS: Readonly<Record<string, PlanAction>> = {
  'school-request': '1',
  'service-request': '2',
  'ethnoclinical-request': '2',
};

/** The AZIONE a request's appointments are booked under; undefined for a form that is not a request. */
export function planActionOf(formId: string): PlanAction | undefined {
  return Object.hasOwn(REQUEST_PLAN_ACTIONS, formId) ? REQUEST_PLAN_ACTIONS[formId] : undefined;
}

export function isRequestStatus(value: string): value is RequestStatus {
  return (REQUEST_STATUSES as readonly string[]).includes(value);
}

/** Status names as people read them, for messages. */
export const STATUS_NAMES: Record<RequestStatus, LocalizedText> = {
  received: { it: 'ricevuta', en: 'received' },
  in_review: { it: 'in valutazione', en: 'in review' },
  approved: { it: 'approvata', en: 'approved' },
  rejected: { it: 'non accolta', en: 'rejected' },
  scheduled: { it: 'programmata', en: 'scheduled' },
  held: { it: 'svolta', en: 'held' },
  not_held: { it: 'non svolta', en: 'not held' },
  reported: { it: 'rendicontata', en: 'reported' },
  closed: { it: 'chiusa', en: 'closed' },
  withdrawn: { it: 'ritirata', en: 'withdrawn' },
  cancelled: { it: 'annullata', en: 'cancelled' },
};

/**
 * Who makes a move:
 * - reviewer: the tenant's coordinators and admins for A.1 and A.3; its
 *   clinicians, and only they, for A.5 (special-category content);
 * - requester: the staff member who sent it, or a requester of its
 *   organisation (who may see it: an A.5 only its sender); for a request
 *   sent through a publishable key, also whoever holds its tracking code
 *   together with a key of that organisation;
 * - system: nobody calls it; it follows from appointments and reports
 *   (booking, outcomes, cancellations, filing, countersigning, reopening),
 *   in the same transaction, recorded with the person whose act caused it.
 */
export type Party = 'reviewer' | 'requester' | 'system';

/** The procedures of the requests router that change a status. */
export type RequestAction = 'review' | 'approve' | 'reject' | 'cancel' | 'withdraw' | 'close';

export interface Transition {
  from: RequestStatus;
  to: RequestStatus;
  by: readonly Party[];
  /** the procedure that makes it, for moves a person asks for */
  action?: RequestAction;
  /** why the system makes it */
  when?: string;
}

/** A scheduled request only while none of its sessions has started (request.service.ts, cancelAppointmentsOf). */
const WITHDRAWABLE: readonly RequestStatus[] = ['received', 'in_review', 'approved', 'scheduled'];

export const TRANSITIONS: readonly Transition[] = [
  { from: 'received', to: 'in_review', by: ['reviewer'], action: 'review' },
  { from: 'in_review', to: 'approved', by: ['reviewer'], action: 'approve' },
  { from: 'in_review', to: 'rejected', by: ['reviewer'], action: 'reject' },
  { from: 'approved', to: 'scheduled', by: ['system'], when: 'an appointment is booked for it' },
  { from: 'scheduled', to: 'approved', by: ['system'], when: 'every appointment of it is cancelled' },
  { from: 'scheduled', to: 'held', by: ['system'], when: 'no appointment is left to hold and one was held' },
  { from: 'scheduled', to: 'not_held', by: ['system'], when: 'no appointment is left to hold and none was held' },
  { from: 'held', to: 'not_held', by: ['system'], when: 'an outcome is corrected' },
  { from: 'not_held', to: 'held', by: ['system'], when: 'an outcome is corrected' },
  { from: 'held', to: 'reported', by: ['system'], when: 'every appointment held or not has its report' },
  { from: 'not_held', to: 'reported', by: ['system'], when: 'every appointment held or not has its report' },
  { from: 'reported', to: 'closed', by: ['reviewer', 'system'], action: 'close', when: 'every report is countersigned' },
  { from: 'closed', to: 'reported', by: ['system'], when: 'a coordinator reopens a countersigned report' },
  ...WITHDRAWABLE.map((from): Transition => ({ from, to: 'withdrawn', by: ['requester'], action: 'withdraw' })),
  ...WITHDRAWABLE.map((from): Transition => ({ from, to: 'cancelled', by: ['reviewer'], action: 'cancel' })),
];

export function findTransition(from: RequestStatus, to: RequestStatus): Transition | undefined {
  return TRANSITIONS.find((t) => t.from === from && t.to === to);
}

/** Where an action leads: one target per action, whatever the status it starts from. */
export const ACTION_TARGETS: Record<RequestAction, RequestStatus> = {
  review: 'in_review',
  approve: 'approved',
  reject: 'rejected',
  cancel: 'cancelled',
  withdraw: 'withdrawn',
  close: 'closed',
};

/** The statuses a person may move a request to from `from` (not the system's moves): what an error lists. */
export function nextByPeople(from: RequestStatus): RequestStatus[] {
  return TRANSITIONS.filter((t) => t.from === from && t.by.some((p) => p !== 'system')).map((t) => t.to);
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
      for (const t of TRANSITIONS) {
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
