import { newId, newSessionToken, sha256 } from '../ids.js';
import { DomainError } from '../domain-error.js';
import { audit } from '../audit/audit.js';
import type { ServiceCall, StaffCall } from '../service-call.js';
import type { StaffUser } from './actor.js';
import { DUMMY_PASSWORD_HASH, verifyPassword } from './password.js';
import * as sessions from './session.repository.js';
import { findUserByEmail } from './user.repository.js';

export interface SignInResult {
  token: string;
  expiresAt: string;
  user: { id: string; email: string; displayName: string; role: StaffUser['role']; tenantId: string; organisationId: string | null };
}

export async function signIn(call: ServiceCall<null>, input: { email: string; password: string }): Promise<SignInResult> {
  const { db, now } = call;
  const user = await findUserByEmail(db, input.email);
  const ok = await verifyPassword(input.password, user?.password_hash ?? DUMMY_PASSWORD_HASH);
  if (!user || !ok || user.disabled_at !== null) throw new DomainError('UNAUTHORIZED', 'badCredentials');

  // Only the hash is stored: a copy of the database gives no usable token.
  const token = newSessionToken();
  const createdAt = now.toISOString();
  const expiresAt = new Date(now.getTime() + call.config.sessionTtlMinutes * 60_000).toISOString();
  await db.transaction().execute(async (trx) => {
    await sessions.insertSession(trx, {
      id: newId(),
      tenantId: user.tenant_id,
      userId: user.id,
      tokenHash: sha256(token),
      createdAt,
      expiresAt,
    });
    await audit(trx, call, 'auth.signed_in', undefined, undefined, { actor: { kind: 'user', id: user.id }, tenantId: user.tenant_id });
  });
  return {
    token,
    expiresAt,
    user: {
      id: user.id,
      email: user.email,
      displayName: user.display_name,
      role: user.role,
      tenantId: user.tenant_id,
      organisationId: user.organisation_id,
    },
  };
}

/** Revokes the token of this call. */
export async function signOut(call: StaffCall): Promise<{ signedOut: true }> {
  await call.db.transaction().execute(async (trx) => {
    await sessions.revokeSession(trx, call.who.sessionId, call.now.toISOString());
    await audit(trx, call, 'auth.signed_out');
  });
  return { signedOut: true };
}

/** Who the token belongs to, and the zone of their Ambito: staff widgets show every time in it, whatever the browser's. */
export async function me(call: StaffCall) {
  const { who } = call;
  return {
    id: who.userId,
    email: who.email,
    displayName: who.displayName,
    role: who.role,
    tenantId: who.tenantId,
    organisationId: who.organisationId,
    timeZone: (await call.tenant()).timeZone,
  };
}
