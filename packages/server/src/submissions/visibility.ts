import { listForms } from '@ponte/forms';
import type { StaffUser } from '../auth/actor.js';
import type { SubmissionFilter } from './submission.repository.js';

/** Forms whose content is special-category data (GDPR art. 9): A.5. */
export const SPECIAL_FORM_IDS: readonly string[] = listForms()
  .filter((f) => f.specialCategory)
  .map((f) => f.id);

export function isSpecialForm(formId: string): boolean {
  return SPECIAL_FORM_IDS.includes(formId);
}

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
  s: { organisationId: string; formId: string; submittedByUserId: string | null },
): boolean {
  const own = s.submittedByUserId === user.userId;
  switch (user.role) {
    case 'coordinator':
    case 'admin':
      return true;
    case 'clinician':
      return isSpecialForm(s.formId);
    case 'mediator':
      return own;
    case 'requester':
      return own || (!isSpecialForm(s.formId) && s.organisationId === user.organisationId && user.organisationId !== null);
  }
}

/**
 * May this staff member read the content? For special-category forms only
 * the tenant's clinicians and the requester who sent it (DESIGN §6).
 */
export function canReadContent(user: StaffUser, s: { formId: string; submittedByUserId: string | null }): boolean {
  if (!isSpecialForm(s.formId)) return true;
  return user.role === 'clinician' || s.submittedByUserId === user.userId;
}
