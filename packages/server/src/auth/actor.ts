import type { UserTable } from '../db/database.js';

export type Role = UserTable['role'];
export const ROLES: readonly Role[] = ['admin', 'coordinator', 'mediator', 'requester', 'clinician'];

/** A signed-in member of staff, resolved from a bearer token. */
export interface StaffUser {
  kind: 'staff';
  sessionId: string;
  userId: string;
  tenantId: string;
  organisationId: string | null;
  role: Role;
  email: string;
  displayName: string;
}

/** A public widget or integration, identified by an organisation's publishable key. */
export interface KeyHolder {
  kind: 'key';
  keyId: string;
  tenantId: string;
  organisationId: string;
  /**
   * Read with the key (auth/credentials.ts), so that sending a form need not
   * read the organisation again; absent where a holder is made by hand.
   */
  organisationKind?: 'school' | 'service';
}

/** Whoever may send a form: staff, or a publishable key. */
export type Submitter = StaffUser | KeyHolder;

/** Coordinators and admins run the whole of their tenant. */
export function isCoordinator(who: Submitter): boolean {
  return who.kind === 'staff' && (who.role === 'coordinator' || who.role === 'admin');
}
