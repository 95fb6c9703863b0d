import { isCoordinator, type StaffUser } from '../auth/actor.js';
import type { DbOrTx } from '../db/database.js';
import { DomainError } from '../domain-error.js';
import { findMediator, findMediatorByUser, type Mediator } from './mediator.repository.js';

/**
 * The mediator a call is about. A mediator acts on their own profile only
 * (an id naming someone else is refused, not silently replaced); a
 * coordinator names one of the tenant's mediators.
 */
export async function mediatorInScope(db: DbOrTx, user: StaffUser, requested: string | undefined): Promise<Mediator> {
  if (user.role === 'mediator') {
    const own = await findMediatorByUser(db, user.tenantId, user.userId);
    if (!own) throw new DomainError('FORBIDDEN', 'noMediatorProfile');
    if (requested && requested !== own.id) throw new DomainError('FORBIDDEN', 'ownAvailabilityOnly');
    return own;
  }
  if (!isCoordinator(user)) throw new DomainError('FORBIDDEN', 'forbiddenRole');
  if (!requested) throw new DomainError('BAD_REQUEST', 'mediatorRequired', {}, 'mediatorId');
  const mediator = await findMediator(db, user.tenantId, requested);
  if (!mediator) throw new DomainError('NOT_FOUND', 'mediatorNotFound');
  return mediator;
}
