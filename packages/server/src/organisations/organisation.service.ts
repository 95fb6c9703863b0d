import { sql } from 'kysely';
import type { Submitter } from '../auth/actor.js';
import { schoolYearOf } from '../budgets/school-year.js';
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

/**
 * The hours of mediation the caller's organisation had in a school year (the
 * current one in the Ambito's zone when none is given): the minutes its held
 * sessions' reports count, filed or countersigned, every AZIONE. What the
 * school questionnaire prefills (docs/architecture.md#one-answer-per-school-year);
 * a school's own figure, which its publishable key may read like its name:
 * no person's data. Null for a caller of no organisation.
 */
export async function hoursUsed(call: ServiceCall<Submitter>, input: { schoolYear?: string | undefined }): Promise<{ schoolYear: string; minutesDelivered: number } | null> {
  const id = call.who.organisationId;
  if (!id) return null;
  const schoolYear = input.schoolYear ?? schoolYearOf(new Date(), (await call.tenant()).timeZone);
  const row = await call.db
    .selectFrom('appointments as a')
    .innerJoin('reports as r', (join) => join.onRef('r.appointment_id', '=', 'a.id').onRef('r.tenant_id', '=', 'a.tenant_id'))
    .select(sql<number | string | null>`sum(r.counted_minutes)`.as('minutes'))
    .where('a.tenant_id', '=', call.who.tenantId)
    .where('a.organisation_id', '=', id)
    .where('a.school_year', '=', schoolYear)
    .where('r.outcome', '=', 'held')
    .executeTakeFirst();
  return { schoolYear, minutesDelivered: Number(row?.minutes ?? 0) };
}
