import type { Submitter } from '../auth/actor.js';
import { DomainError } from '../domain-error.js';
import type { ServiceCall, StaffCall } from '../service-call.js';
import { findOrganisation, listOrganisations } from './organisation.repository.js';

/**
 * The organisation behind the caller's publishable key (or staff member):
 * what a widget prefills, such as the school and its plessi, and nothing of
 * the tenant behind it.
 */
export async function current(call: ServiceCall<Submitter>) {
  const id = call.who.organisationId;
  const org = id ? await findOrganisation(call.db, call.who.tenantId, id) : undefined;
  if (!org) return null;
  return { id: org.id, kind: org.kind, name: org.name, mechanographicCode: org.mechanographicCode, sites: org.sites };
}

/** The organisations of the caller's tenant. */
export function list(call: StaffCall) {
  return listOrganisations(call.db, call.who.tenantId);
}

export async function get(call: StaffCall, { id }: { id: string }) {
  const org = await findOrganisation(call.db, call.who.tenantId, id);
  if (!org) throw new DomainError('NOT_FOUND', 'organisationUnknown');
  return org;
}
