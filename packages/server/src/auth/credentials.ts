import type { Db } from '../db/database.js';
import { toIso } from '../db/values.js';
import { DomainError } from '../domain-error.js';
import { sha256 } from '../ids.js';
import type { TenantScope } from '../service-call.js';
import type { KeyHolder, StaffUser } from './actor.js';
import { normaliseOrigin } from './origin.js';
import { findKeyForCall } from './publishable-key.repository.js';
import * as sessions from './session.repository.js';

/*
 * Who a request comes from, read from its credentials by the procedure
 * builders (trpc/trpc.ts) before any service runs.
 */

/** What auth/publishable-key.repository.ts `findKeyForCall` reads of a live key; undefined for none. */
export type KeyForCall = Awaited<ReturnType<typeof findKeyForCall>>;

/**
 * Reads a key for a call: the key, whether it lists the call's Origin, its
 * organisation and tenant, in one statement (findKeyForCall).
 */
export function readKeyForCall(db: Db, key: string, origin: string | undefined): Promise<KeyForCall> {
  return findKeyForCall(db, key, origin === undefined ? null : normaliseOrigin(origin));
}

/**
 * Resolves a publishable key for a request, from what `readKeyForCall` read.
 * A browser always sends Origin on the cross-site requests widgets make, and
 * it must be one the key lists (or Ponte's own, where the examples and
 * console live). A request without Origin comes from a server-side
 * integration, where origins mean nothing: the key alone identifies the
 * organisation, as a publishable key is public anyway.
 *
 * Read with the key's tenant (trpc/context.ts `readKey`), afresh whenever
 * any of it has changed (auth/key-reads.ts): a key revoked in the database is
 * refused from the next call on.
 */
export function resolveKeyHolder(
  row: KeyForCall,
  origin: string | undefined,
  ownOrigins: readonly string[],
): { holder: KeyHolder; tenant: TenantScope } {
  if (!row) throw new DomainError('UNAUTHORIZED', 'keyUnknown');
  if (origin !== undefined) {
    const normalised = normaliseOrigin(origin);
    const allowed = normalised !== null && (row.originListed || ownOrigins.includes(normalised));
    if (!allowed) throw new DomainError('FORBIDDEN', 'keyWrongOrigin', { origin: origin.slice(0, 200) });
  }
  return {
    holder: { kind: 'key', keyId: row.id, tenantId: row.tenantId, organisationId: row.organisationId, organisationKind: row.organisationKind },
    tenant: { ...row.tenant, settings: row.settings },
  };
}

/** The staff user behind a bearer token, or null when it is unknown, expired or revoked. */
export async function resolveStaff(db: Db, token: string, now: Date): Promise<(StaffUser & { expiresAt: string }) | null> {
  const row = await sessions.findLiveSession(db, sha256(token), now.toISOString());
  if (!row) return null;
  return {
    kind: 'staff',
    sessionId: row.sessionId,
    userId: row.userId,
    tenantId: row.tenantId,
    organisationId: row.organisationId,
    role: row.role,
    email: row.email,
    displayName: row.displayName,
    expiresAt: toIso(row.expiresAt),
  };
}
