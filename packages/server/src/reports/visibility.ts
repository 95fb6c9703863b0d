import { isCoordinator, type StaffUser } from '../auth/actor.js';
import type { DbOrTx } from '../db/database.js';
import { mediatorOfUser } from '../mediators/mediator.repository.js';
import { findSubmission } from '../submissions/submission.repository.js';
import { canReadContent, canSeeMetadata, isSpecial, listScope } from '../submissions/visibility.js';
import type { Report, ReportFilter } from './report.repository.js';

/*
 * Who sees a report, and of it what. A report serving a special-category
 * request (an A.4 of an A.5 consultation) carries special-category content,
 * so the request's rule (submissions/visibility.ts,
 * docs/architecture.md#special-category-content-a5) decides:
 * besides the mediator who filed it, only those who may read the request's
 * content read the report's, audited; those who may only know the request
 * exists see the report's metadata; nobody else sees it at all.
 */

export interface ReportAccess {
  /** whether `data` may be answered */
  content: boolean;
  /** the special-category request whose content a read of `data` is a read of, to audit (audit/audit.ts) */
  audit?: { id: string; formId: string; formVersion: number } | undefined;
}

/** The caller's mediator profile, if they are a mediator. */
async function ownMediator(db: DbOrTx, user: StaffUser): Promise<string | undefined> {
  return user.role === 'mediator' ? mediatorOfUser(db, user.tenantId, user.userId) : undefined;
}

/** What the caller may see of a report; undefined when they may not know it exists. */
export async function reportAccess(db: DbOrTx, user: StaffUser, r: Report): Promise<ReportAccess | undefined> {
  const own = user.role === 'mediator' && r.mediatorId === (await ownMediator(db, user));
  const s = r.submissionId ? await findSubmission(db, r.tenantId, r.submissionId) : undefined;
  if (!s || !isSpecial(s)) {
    const sees = own || isCoordinator(user) || (user.role === 'requester' && user.organisationId !== null && r.organisationId === user.organisationId);
    return sees ? { content: true } : undefined;
  }
  // Their own words: the filing mediator reads them unaudited, as a sender reads their request.
  if (own) return { content: true };
  if (user.role === 'mediator' || !canSeeMetadata(user, s)) return undefined;
  const content = canReadContent(user, s);
  return { content, audit: content ? { id: s.id, formId: s.formId, formVersion: s.formVersion } : undefined };
}

/**
 * Whether the caller countersigns this report, with what they may see of it:
 * a referent of the organisation that received the session, who may read it
 * (of a consultation's, the one who sent the A.5). A consultation whose
 * sender cannot confirm it (sent through a publishable key, or by a
 * coordinator, or by a referent no longer active there) is countersigned by
 * its clinicians, who alone read it besides. Undefined when the caller may
 * not know the report exists; false when they see it but another countersigns.
 */
export async function countersignAccess(db: DbOrTx, user: StaffUser, r: Report): Promise<ReportAccess | false | undefined> {
  const access = await reportAccess(db, user, r);
  if (!access?.content) return access && false;
  if (user.role === 'requester') return r.organisationId === user.organisationId && access;
  if (user.role !== 'clinician' || !r.submissionId) return false;
  const s = await findSubmission(db, r.tenantId, r.submissionId);
  if (!s || !isSpecial(s)) return false;
  return !(await senderCountersigns(db, r, s.submittedByUserId)) && access;
}

/** Whether an A.5's sender can countersign its report: an active referent of the organisation that received it. */
async function senderCountersigns(db: DbOrTx, r: Report, senderId: string | null): Promise<boolean> {
  if (!senderId) return false;
  const sender = await db.selectFrom('users').select(['role', 'organisation_id', 'disabled_at']).where('tenant_id', '=', r.tenantId).where('id', '=', senderId).executeTakeFirst();
  return sender?.role === 'requester' && sender.organisation_id === r.organisationId && sender.disabled_at === null;
}

/**
 * The reports a caller may see listed, as a filter combined with their
 * tenant; undefined when none. Built from the submissions' list scope, so a
 * referent is not told of a special-category request they did not send.
 */
export async function reportListScope(db: DbOrTx, user: StaffUser): Promise<Partial<ReportFilter> | undefined> {
  if (isCoordinator(user)) return {};
  if (user.role === 'mediator') {
    const own = await ownMediator(db, user);
    return own ? { mediatorId: own } : undefined;
  }
  const scope = listScope(user);
  if (user.role === 'clinician') return { requestFormIds: scope.formIds ?? [] };
  if (user.role === 'requester' && scope.requesterView) {
    const { organisationId, userId, specialFormIds } = scope.requesterView;
    return { organisationId, hideRequestsOf: { formIds: specialFormIds, unlessSentBy: userId } };
  }
  return undefined;
}
