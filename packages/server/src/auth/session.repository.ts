import type { DbOrTx } from '../db/database.js';

export async function insertSession(
  db: DbOrTx,
  row: { id: string; tenantId: string; userId: string; tokenHash: string; createdAt: string; expiresAt: string },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id: row.id,
      tenant_id: row.tenantId,
      user_id: row.userId,
      token_hash: row.tokenHash,
      created_at: row.createdAt,
      expires_at: row.expiresAt,
      revoked_at: null,
    })
    .execute();
}

/** The live session for a token hash and its user, if neither is revoked, expired or disabled. */
export async function findLiveSession(db: DbOrTx, tokenHash: string, nowIso: string) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id as sessionId',
      'users.id as userId',
      'users.tenant_id as tenantId',
      'users.organisation_id as organisationId',
      'users.role as role',
      'users.email as email',
      'users.display_name as displayName',
      'sessions.expires_at as expiresAt',
    ])
    .where('sessions.token_hash', '=', tokenHash)
    .where('sessions.revoked_at', 'is', null)
    .where('sessions.expires_at', '>', nowIso)
    .where('users.disabled_at', 'is', null)
    .executeTakeFirst();
}

export async function revokeSession(db: DbOrTx, sessionId: string, nowIso: string): Promise<void> {
  await db.updateTable('sessions').set({ revoked_at: nowIso }).where('id', '=', sessionId).execute();
}
