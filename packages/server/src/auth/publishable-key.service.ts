import type { Db } from '../db/database.js';
import { DomainError } from '../domain-error.js';
import type { KeyHolder } from './actor.js';
import { normaliseOrigin } from './origin.js';
import { findActiveKey } from './publishable-key.repository.js';

/**
 * Resolves a publishable key for a request. A browser always sends Origin on
 * the cross-site requests widgets make, and it must be one the key lists (or
 * Ponte's own, where the examples and console live). A request without Origin
 * comes from a server-side integration, where origins mean nothing: the key
 * alone identifies the organisation, as a publishable key is public anyway.
 */
export async function resolveKeyHolder(
  db: Db,
  key: string,
  origin: string | undefined,
  ownOrigins: readonly string[],
): Promise<KeyHolder> {
  const row = await findActiveKey(db, key);
  if (!row) throw new DomainError('UNAUTHORIZED', 'keyUnknown');
  if (origin !== undefined) {
    const normalised = normaliseOrigin(origin);
    const allowed = normalised !== null && (row.origins.includes(normalised) || ownOrigins.includes(normalised));
    if (!allowed) throw new DomainError('FORBIDDEN', 'keyWrongOrigin', { origin: origin.slice(0, 200) });
  }
  return { kind: 'key', keyId: row.id, tenantId: row.tenant_id, organisationId: row.organisation_id };
}
