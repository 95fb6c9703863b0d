import type { RequestStatus } from './vocabulary.js';

/*
 * The lifecycle of a request (A.1 school, A.3 service, A.5 ethnoclinical),
 * as data: every move between two statuses (vocabulary.ts) with who may make
 * it. The server decides with it whether a change of status is allowed
 * (packages/server/src/requests/lifecycle.ts); the console reads it to offer
 * only the moves a reviewer may make. Here, in @ponte/forms, because both
 * need the same table and the console may not import the server.
 *
 *   received ─review─▶ in_review ─approve─▶ approved ─(booking)─▶ scheduled ─(outcomes)─▶ held | not_held ─(reports)─▶ reported ─close─▶ closed
 *                           └─reject─▶ rejected
 *   received, in_review, approved, scheduled ─withdraw─▶ withdrawn   (its requester)
 *   received, in_review, approved, scheduled ─cancel──▶ cancelled   (the reviewer, with a reason)
 */

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

/** Where appointments may be booked for a request: approved, or scheduled already. */
export const BOOKABLE_REQUEST_STATUSES: readonly RequestStatus[] = ['approved', 'scheduled'];

/** A scheduled request only while none of its sessions has started (the server checks that). */
const WITHDRAWABLE: readonly RequestStatus[] = ['received', 'in_review', 'approved', 'scheduled'];

export const REQUEST_TRANSITIONS: readonly Transition[] = [
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

/** Where an action leads: one target per action, whatever the status it starts from. */
export const REQUEST_ACTION_TARGETS: Readonly<Record<RequestAction, RequestStatus>> = {
  review: 'in_review',
  approve: 'approved',
  reject: 'rejected',
  cancel: 'cancelled',
  withdraw: 'withdrawn',
  close: 'closed',
};

/** The actions `party` may take on a request in status `from`, in the table's order. */
export function requestActionsFrom(from: RequestStatus, party: Exclude<Party, 'system'>): RequestAction[] {
  return REQUEST_TRANSITIONS.flatMap((t) => (t.from === from && t.action && t.by.includes(party) ? [t.action] : []));
}
