import type { DbOrTx } from '../db/database.js';
import { toIso, toIsoOrNull } from '../db/values.js';

export type FeedOwnerKind = 'mediator' | 'organisation';

export interface Feed {
  id: string;
  tenantId: string;
  ownerKind: FeedOwnerKind;
  ownerId: string;
  createdAt: string;
  revokedAt: string | null;
}

function toFeed(r: { id: string; tenant_id: string; owner_kind: FeedOwnerKind; owner_id: string; created_at: Date | string; revoked_at: Date | string | null }): Feed {
  return { id: r.id, tenantId: r.tenant_id, ownerKind: r.owner_kind, ownerId: r.owner_id, createdAt: toIso(r.created_at), revokedAt: toIsoOrNull(r.revoked_at) };
}

export async function insertFeed(db: DbOrTx, f: Feed & { tokenHash: string }): Promise<void> {
  await db
    .insertInto('ical_feeds')
    .values({ id: f.id, tenant_id: f.tenantId, owner_kind: f.ownerKind, owner_id: f.ownerId, token_hash: f.tokenHash, created_at: f.createdAt, revoked_at: null })
    .execute();
}

/** Revokes every live feed of an owner (rotation revokes the old URL). */
export async function revokeFeedsOf(db: DbOrTx, tenantId: string, ownerKind: FeedOwnerKind, ownerId: string, at: string): Promise<void> {
  await db
    .updateTable('ical_feeds')
    .set({ revoked_at: at })
    .where('tenant_id', '=', tenantId)
    .where('owner_kind', '=', ownerKind)
    .where('owner_id', '=', ownerId)
    .where('revoked_at', 'is', null)
    .execute();
}

export async function revokeFeed(db: DbOrTx, tenantId: string, id: string, at: string): Promise<void> {
  await db.updateTable('ical_feeds').set({ revoked_at: at }).where('tenant_id', '=', tenantId).where('id', '=', id).where('revoked_at', 'is', null).execute();
}

export async function findFeed(db: DbOrTx, tenantId: string, id: string): Promise<Feed | undefined> {
  const row = await db.selectFrom('ical_feeds').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  return row && toFeed(row);
}

export async function listFeeds(db: DbOrTx, tenantId: string, owners?: { kind: FeedOwnerKind; id: string }[]): Promise<Feed[]> {
  let q = db.selectFrom('ical_feeds').selectAll().where('tenant_id', '=', tenantId);
  if (owners) {
    if (owners.length === 0) return [];
    q = q.where((eb) => eb.or(owners.map((o) => eb.and([eb('owner_kind', '=', o.kind), eb('owner_id', '=', o.id)]))));
  }
  const rows = await q.orderBy('created_at', 'desc').execute();
  return rows.map(toFeed);
}

/** The live feed behind a token's hash. */
export async function findLiveFeedByHash(db: DbOrTx, tokenHash: string): Promise<Feed | undefined> {
  const row = await db.selectFrom('ical_feeds').selectAll().where('token_hash', '=', tokenHash).where('revoked_at', 'is', null).executeTakeFirst();
  return row && toFeed(row);
}
