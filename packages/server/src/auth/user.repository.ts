import type { DbOrTx } from '../db/database.js';

export async function findUserByEmail(db: DbOrTx, email: string) {
  return db
    .selectFrom('users')
    .select(['id', 'tenant_id', 'organisation_id', 'role', 'email', 'display_name', 'password_hash', 'disabled_at'])
    .where('email', '=', email.trim().toLowerCase())
    .executeTakeFirst();
}
