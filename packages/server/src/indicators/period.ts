import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { FORM_IDS, formMeaning, formsOfKind, type AppointmentMode, type PlanAction } from '@ponte/forms';
import { DomainError } from '../domain-error.js';
import { localDay } from '../scheduling/zone-calendar.js';
import type { StaffCall } from '../service-call.js';

/** The longest period one call adds up: three years, the length of a plan. */
export const MAX_PERIOD_DAYS = 1100;

/** A period of local dates (both included) and what narrows it: every indicator takes these. */
export interface PeriodFilter {
  from: string;
  to: string;
  action?: PlanAction | undefined;
  organisationId?: string | undefined;
  /** the language the request asked for (ISO 639-3) */
  language?: string | undefined;
  mode?: AppointmentMode | undefined;
}

/** The period's first and last instants (the end excluded), from its local days in the tenant's zone; its order and length checked. */
export async function periodInstants(call: StaffCall, f: Pick<PeriodFilter, 'from' | 'to'>): Promise<{ start: string; end: string }> {
  if (f.to < f.from) throw new DomainError('BAD_REQUEST', 'windowOrder', {}, 'to');
  const { timeZone: zone } = await call.tenant();
  const first = localDay(zone, f.from);
  const last = localDay(zone, f.to);
  if ((last.start - first.start) / 86_400_000 >= MAX_PERIOD_DAYS) throw new DomainError('BAD_REQUEST', 'windowTooLong', { days: MAX_PERIOD_DAYS }, 'to');
  return { start: new Date(first.start).toISOString(), end: new Date(last.end).toISOString() };
}

/**
 * The appointments an indicator adds up, as a condition on the appointments
 * aliased `a`: the caller's tenant, starting within the period's local days
 * in the tenant's zone, and the filters given. A language is the request's
 * (an appointment has none of its own).
 */
export async function appointmentsOfPeriod(call: StaffCall, f: PeriodFilter): Promise<RawBuilder<SqlBool>> {
  const { start, end } = await periodInstants(call, f);
  const conditions = [sql`a.tenant_id = ${call.who.tenantId}`, sql`a.starts_at >= ${start}`, sql`a.starts_at < ${end}`];
  if (f.action) conditions.push(sql`a.action = ${f.action}`);
  if (f.organisationId) conditions.push(sql`a.organisation_id = ${f.organisationId}`);
  if (f.mode) conditions.push(sql`a.mode = ${f.mode}`);
  if (f.language) {
    conditions.push(sql`exists (select 1 from submissions s where s.id = a.submission_id and s.tenant_id = a.tenant_id and s.queue_language = ${f.language})`);
  }
  return sql<SqlBool>`(${sql.join(conditions, sql` and `)})`;
}

/** the request forms an AZIONE filter keeps, and the AZIONE each books under */
export function requestFormsOf(action: PlanAction | undefined): Map<string, PlanAction> {
  const forms = new Map<string, PlanAction>();
  for (const id of formsOfKind(FORM_IDS, 'request')) {
    const m = formMeaning(id);
    if (m?.kind === 'request' && (!action || m.action === action)) forms.set(id, m.action);
  }
  return forms;
}

/**
 * The requests an indicator adds up, as a condition on the submissions
 * aliased `s`: the caller's tenant, requests of the AZIONE if one is given,
 * received within the period, of the organisation and asking for the
 * language given. A mode does not narrow them (a request's mode is not a
 * column). Undefined when no request can match: AZIONE 4 has no request form.
 */
export async function requestsOfPeriod(call: StaffCall, f: PeriodFilter): Promise<RawBuilder<SqlBool> | undefined> {
  const { start, end } = await periodInstants(call, f);
  const forms = [...requestFormsOf(f.action).keys()];
  if (forms.length === 0) return undefined;
  const conditions = [
    sql`s.tenant_id = ${call.who.tenantId}`,
    sql`s.form_id in (${sql.join(forms)})`,
    sql`s.created_at >= ${start}`,
    sql`s.created_at < ${end}`,
  ];
  if (f.organisationId) conditions.push(sql`s.organisation_id = ${f.organisationId}`);
  if (f.language) conditions.push(sql`s.queue_language = ${f.language}`);
  return sql<SqlBool>`(${sql.join(conditions, sql` and `)})`;
}
