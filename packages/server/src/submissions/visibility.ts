import { FORM_IDS, getForm, listFormVersions } from '@ponte/forms';
import type { StaffUser } from '../auth/actor.js';
import type { SubmissionFilter } from './submission.repository.js';

interface SubmissionRef {
  formId: string;
  formVersion: number;
}

/**
 * Whether a submission's content is special-category data (GDPR art. 9):
 * decided by the version it was sent with, the one rule for reads, lists
 * and the audit alike.
 */
export function isSpecial(s: SubmissionRef): boolean {
  return getForm(s.formId, s.formVersion)?.specialCategory === true;
}

/** Forms of which any version is special-category: what list filters keep apart. */
export const SPECIAL_FORM_IDS: readonly string[] = FORM_IDS.filter((id) =>
  listFormVersions(id).some((version) => isSpecial({ formId: id, formVersion: version })),
);

/**
 * Which submissions a staff member may see listed (metadata only), as a
 * filter always combined with their tenant:
 * - coordinators and admins: all of the tenant;
 * - clinicians: the special-category requests (A.5) of the tenant;
 * - requesters: their organisation's, but special-category ones only if they sent them;
 * - mediators: what they sent themselves (their reports).
 */
export function listScope(user: StaffUser): Partial<SubmissionFilter> {
  switch (user.role) {
    case 'coordinator':
    case 'admin':
      return {};
    case 'clinician':
      return { formIds: SPECIAL_FORM_IDS };
    case 'mediator':
      return { submittedByUserId: user.userId };
    case 'requester':
      return user.organisationId
        ? { requesterView: { organisationId: user.organisationId, userId: user.userId, specialFormIds: SPECIAL_FORM_IDS } }
        : { submittedByUserId: user.userId };
  }
}

/** May this staff member see that a submission exists (its metadata)? */
export function canSeeMetadata(
  user: StaffUser,
  s: SubmissionRef & { organisationId: string; submittedByUserId: string | null },
): boolean {
  const own = s.submittedByUserId === user.userId;
  switch (user.role) {
    case 'coordinator':
    case 'admin':
      return true;
    case 'clinician':
      return isSpecial(s);
    case 'mediator':
      return own;
    case 'requester':
      return own || (!isSpecial(s) && s.organisationId === user.organisationId && user.organisationId !== null);
  }
}

/**
 * May this staff member read the content? For special-category forms only
 * the tenant's clinicians and the requester who sent it
 * (docs/architecture.md#special-category-content-a5).
 */
export function canReadContent(user: StaffUser, s: SubmissionRef & { submittedByUserId: string | null }): boolean {
  if (!isSpecial(s)) return true;
  return user.role === 'clinician' || s.submittedByUserId === user.userId;
}
