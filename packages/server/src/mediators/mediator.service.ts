import { isCoordinator } from '../auth/actor.js';
import { audit } from '../audit/audit.js';
import type { DbOrTx } from '../db/database.js';
import { emit } from '../events/emit.js';
import type { StaffCall } from '../service-call.js';
import { newId } from '../ids.js';
import { DomainError } from '../domain-error.js';
import { findMediator, findMediatorByUser, insertMediator, listMediators, mediatorOfUser, updateMediator, type Mediator, type MediatorValues } from './mediator.repository.js';

export interface MediatorInput {
  displayName: string;
  gender?: 'F' | 'M' | 'X' | null | undefined;
  areas?: string[] | undefined;
  userId?: string | null | undefined;
  languages: { code: string; variety?: string | undefined; level: string }[];
}

function values(input: MediatorInput): MediatorValues {
  // One row per (language, variety): a repeated pair keeps its last level.
  const languages = new Map(input.languages.map((l) => [`${l.code}|${(l.variety ?? '').trim()}`, { code: l.code, variety: (l.variety ?? '').trim(), level: l.level }]));
  return {
    displayName: input.displayName.trim(),
    gender: input.gender ?? null,
    areas: [...new Set((input.areas ?? []).map((a) => a.trim()).filter(Boolean))],
    userId: input.userId ?? null,
    languages: [...languages.values()],
  };
}

async function checkUser(db: DbOrTx, tenantId: string, userId: string | null, mediatorId: string | null): Promise<void> {
  if (!userId) return;
  const user = await db.selectFrom('users').select('role').where('tenant_id', '=', tenantId).where('id', '=', userId).executeTakeFirst();
  if (!user || user.role !== 'mediator') throw new DomainError('BAD_REQUEST', 'mediatorUserInvalid', {}, 'userId');
  const linked = await mediatorOfUser(db, tenantId, userId);
  if (linked && linked !== mediatorId) throw new DomainError('CONFLICT', 'mediatorUserTaken', {}, 'userId');
}

export function list(call: StaffCall, filter: { language?: string | undefined; includeInactive?: boolean | undefined }): Promise<Mediator[]> {
  return listMediators(call.db, call.who.tenantId, { includeInactive: filter.includeInactive ?? false }).then((all) =>
    filter.language ? all.filter((m) => m.languages.some((l) => l.code === filter.language)) : all,
  );
}

/** Coordinators see any mediator of the tenant; a mediator sees their own profile. */
export async function get(call: StaffCall, { id }: { id: string }): Promise<Mediator> {
  const { db, who: user } = call;
  const mediator = await findMediator(db, user.tenantId, id);
  const own = user.role === 'mediator' ? await findMediatorByUser(db, user.tenantId, user.userId) : undefined;
  const allowed = isCoordinator(user) || own?.id === id;
  if (!mediator || !allowed) throw new DomainError('NOT_FOUND', 'mediatorNotFound');
  return mediator;
}

export async function create(call: StaffCall, input: MediatorInput): Promise<Mediator> {
  const { db, who: user } = call;
  const v = values(input);
  const id = newId();
  const at = call.now.toISOString();
  await db.transaction().execute(async (trx) => {
    await checkUser(trx, user.tenantId, v.userId, null);
    await insertMediator(trx, user.tenantId, id, v, at);
    await audit(trx, call, 'mediator.created', { type: 'mediator', id }, { ...v });
    await emit(trx, call, { type: 'mediator.created', mediatorId: id });
  });
  return (await findMediator(db, user.tenantId, id))!;
}

/** Changes the fields given; `languages` replaces the whole list. */
export async function update(call: StaffCall, { id, ...input }: Partial<MediatorInput> & { id: string; active?: boolean | undefined }): Promise<Mediator> {
  const { db, who: user } = call;
  const at = call.now.toISOString();
  await db.transaction().execute(async (trx) => {
    const current = await findMediator(trx, user.tenantId, id);
    if (!current) throw new DomainError('NOT_FOUND', 'mediatorNotFound');
    // A deactivated profile is kept as history: it changes again only by being reactivated.
    if (!current.active && input.active !== true) throw new DomainError('CONFLICT', 'mediatorInactive');
    const v = values({
      displayName: input.displayName ?? current.displayName,
      gender: input.gender !== undefined ? input.gender : current.gender,
      areas: input.areas ?? current.areas,
      userId: input.userId !== undefined ? input.userId : current.userId,
      languages: input.languages ?? current.languages,
    });
    await checkUser(trx, user.tenantId, v.userId, id);
    const active = input.active ?? current.active;
    await updateMediator(trx, user.tenantId, id, { ...v, active }, at);
    const action = active === current.active ? 'mediator.updated' : active ? 'mediator.reactivated' : ('mediator.deactivated' as const);
    await audit(trx, call, action, { type: 'mediator', id }, { before: current, after: { ...v, active } });
    await emit(trx, call, { type: action, mediatorId: id });
  });
  return (await findMediator(db, user.tenantId, id))!;
}

/** Deactivated mediators keep their appointments and history but leave free-slot searches. */
export function deactivate(call: StaffCall, { id }: { id: string }): Promise<Mediator> {
  return update(call, { id, active: false });
}
