import { randomBytes } from 'node:crypto';
import { isCoordinator, type StaffUser } from '../auth/actor.js';
import { audit } from '../audit/audit.js';
import type { Db } from '../db/database.js';
import { emit } from '../events/emit.js';
import type { StaffCall } from '../service-call.js';
import { newId, sha256 } from '../ids.js';
import { findMediator, findMediatorByUser } from '../mediators/mediator.repository.js';
import { findOrganisation } from '../organisations/organisation.repository.js';
import { DomainError } from '../domain-error.js';
import * as repo from './feed.repository.js';
import { feedUrl } from './feed-token.js';

/** Which feeds a user may hold: coordinators any of the tenant, a mediator theirs, a referent their organisation's. */
async function checkOwner(db: Db, user: StaffUser, kind: repo.FeedOwnerKind, id: string): Promise<void> {
  const coordinator = isCoordinator(user);
  if (kind === 'mediator') {
    const mediator = await findMediator(db, user.tenantId, id);
    const own = user.role === 'mediator' ? await findMediatorByUser(db, user.tenantId, user.userId) : undefined;
    if (!mediator || !(coordinator || own?.id === id)) throw new DomainError('NOT_FOUND', 'mediatorNotFound');
    return;
  }
  const org = await findOrganisation(db, user.tenantId, id);
  if (!org || !(coordinator || (user.role === 'requester' && user.organisationId === id))) throw new DomainError('NOT_FOUND', 'organisationUnknown');
}

/** The owner named, or for a mediator who names none, their own profile. */
async function ownerOf(db: Db, user: StaffUser, owner: { kind: repo.FeedOwnerKind; id?: string | undefined }): Promise<{ kind: repo.FeedOwnerKind; id: string }> {
  if (owner.id !== undefined) return { kind: owner.kind, id: owner.id };
  const own = owner.kind === 'mediator' && user.role === 'mediator' ? await findMediatorByUser(db, user.tenantId, user.userId) : undefined;
  if (!own) throw new DomainError('BAD_REQUEST', 'feedOwnerRequired', {}, 'ownerId');
  return { kind: 'mediator', id: own.id };
}

/** Issues a new secret URL for an owner and revokes the previous one. The token is shown once. */
export async function rotate(call: StaffCall, input: { ownerKind: repo.FeedOwnerKind; ownerId?: string | undefined }) {
  const { db, who: user } = call;
  const owner = await ownerOf(db, user, { kind: input.ownerKind, id: input.ownerId });
  await checkOwner(db, user, owner.kind, owner.id);
  const token = `ical_${randomBytes(32).toString('base64url')}`;
  const id = newId();
  const at = call.now.toISOString();
  await db.transaction().execute(async (trx) => {
    await repo.revokeFeedsOf(trx, user.tenantId, owner.kind, owner.id, at);
    await repo.insertFeed(trx, { id, tenantId: user.tenantId, ownerKind: owner.kind, ownerId: owner.id, tokenHash: sha256(token), createdAt: at, revokedAt: null });
    await audit(trx, call, 'ical_feed.rotated', { type: 'ical_feed', id }, { ownerKind: owner.kind, ownerId: owner.id });
    await emit(trx, call, { type: 'calendar_feed.rotated', feedId: id, ownerKind: owner.kind, ownerId: owner.id });
  });
  return { id, url: feedUrl(call.config.publicUrl, token) };
}

export async function revoke(call: StaffCall, { id }: { id: string }) {
  const { db, who: user } = call;
  const feed = await repo.findFeed(db, user.tenantId, id);
  if (!feed) throw new DomainError('NOT_FOUND', 'feedNotFound');
  await checkOwner(db, user, feed.ownerKind, feed.ownerId).catch(() => {
    throw new DomainError('NOT_FOUND', 'feedNotFound');
  });
  if (feed.revokedAt) return { id, revokedAt: feed.revokedAt };
  const at = call.now.toISOString();
  await db.transaction().execute(async (trx) => {
    await repo.revokeFeed(trx, user.tenantId, id, at);
    await audit(trx, call, 'ical_feed.revoked', { type: 'ical_feed', id }, {});
    await emit(trx, call, { type: 'calendar_feed.revoked', feedId: id, ownerKind: feed.ownerKind, ownerId: feed.ownerId });
  });
  return { id, revokedAt: at };
}

/** Feeds the user may manage, without their tokens (only hashes are stored). */
export async function list(call: StaffCall) {
  const { db, who: user } = call;
  if (isCoordinator(user)) return repo.listFeeds(db, user.tenantId);
  const owners: { kind: repo.FeedOwnerKind; id: string }[] = [];
  if (user.role === 'mediator') {
    const own = await findMediatorByUser(db, user.tenantId, user.userId);
    if (own) owners.push({ kind: 'mediator', id: own.id });
  }
  if (user.role === 'requester' && user.organisationId) owners.push({ kind: 'organisation', id: user.organisationId });
  return repo.listFeeds(db, user.tenantId, owners);
}
