import { sql } from 'kysely';
import type { PlanAction } from '../db/database.js';
import type { StaffCall } from '../service-call.js';
import { appointmentsOfPeriod, requestFormsOf, requestsOfPeriod, type PeriodFilter } from './period.js';

export interface Interventions {
  held: number;
  notHeld: number;
  /** called off inside the cancellation notice: counted against the hours, as the budgets count them */
  cancelledLate: number;
  cancelledInTime: number;
  /** booked, with no outcome yet */
  scheduled: number;
}

export interface Activity {
  interventions: Interventions;
  /** what the approvals of the requests received in the period authorised (a mode does not narrow them) */
  minutesAuthorised: number;
  /** what the appointments count against the hours (scheduling's billed minutes, late cancellations included) */
  minutesBooked: number;
  /** what countersigned reports count: the hours delivered */
  minutesDelivered: number;
  /** what reports filed but not yet countersigned would count */
  minutesAwaitingCountersignature: number;
}

/** a row's organisation and AZIONE, as one key */
const rowKey = (organisationId: string, action: PlanAction) => `${organisationId}|${action}`;

const count = (condition: ReturnType<typeof sql>) => sql<number | string>`sum(case when ${condition} then 1 else 0 end)`;

/**
 * The interventions and hours of a period (local dates of the tenant's zone,
 * both included), by organisation and AZIONE, with their totals: what the
 * fund's monitoring asks of activity. An intervention is an appointment
 * starting in the period, of any request (a consultation's counted, its
 * content never read); the hours are the appointments' own and their
 * reports', as `budgets.list` counts them, beside those the approvals of
 * the requests received in the period authorised. Coordinators and admins (the
 * router checks); the caller's tenant only.
 */
export async function activity(
  call: StaffCall,
  f: PeriodFilter,
): Promise<{ from: string; to: string; rows: (Activity & { organisationId: string; action: PlanAction })[]; totals: Activity }> {
  const inPeriod = await appointmentsOfPeriod(call, f);
  const grouped = await call.db
    .selectFrom('appointments as a')
    .leftJoin('reports as r', (join) => join.onRef('r.appointment_id', '=', 'a.id').onRef('r.tenant_id', '=', 'a.tenant_id'))
    .select([
      'a.organisation_id',
      'a.action',
      count(sql`a.status = 'held'`).as('held'),
      count(sql`a.status = 'not_held'`).as('not_held'),
      count(sql`a.status = 'cancelled' and a.cancellation = 'late'`).as('cancelled_late'),
      count(sql`a.status = 'cancelled' and (a.cancellation is null or a.cancellation <> 'late')`).as('cancelled_in_time'),
      count(sql`a.status = 'scheduled'`).as('scheduled'),
      sql<number | string>`sum(a.billed_minutes)`.as('booked'),
      sql<number | string>`sum(case when r.status = 'countersigned' then r.counted_minutes else 0 end)`.as('delivered'),
      sql<number | string>`sum(case when r.status = 'filed' then r.counted_minutes else 0 end)`.as('awaiting'),
    ])
    .where(inPeriod)
    .groupBy(['a.organisation_id', 'a.action'])
    .execute();

  const authorised = await authorisedOf(call, f);
  const rows: (Activity & { organisationId: string; action: PlanAction })[] = grouped.map((g) => ({
    organisationId: g.organisation_id,
    action: g.action,
    interventions: {
      held: Number(g.held),
      notHeld: Number(g.not_held),
      cancelledLate: Number(g.cancelled_late),
      cancelledInTime: Number(g.cancelled_in_time),
      scheduled: Number(g.scheduled),
    },
    minutesAuthorised: authorised.get(rowKey(g.organisation_id, g.action))?.minutes ?? 0,
    minutesBooked: Number(g.booked),
    minutesDelivered: Number(g.delivered),
    minutesAwaitingCountersignature: Number(g.awaiting),
  }));
  // Hours authorised to an organisation with nothing booked in the period still count.
  const seen = new Set(rows.map((r) => rowKey(r.organisationId, r.action)));
  for (const a of authorised.values()) {
    if (seen.has(rowKey(a.organisationId, a.action))) continue;
    rows.push({ organisationId: a.organisationId, action: a.action, interventions: { held: 0, notHeld: 0, cancelledLate: 0, cancelledInTime: 0, scheduled: 0 }, minutesAuthorised: a.minutes, minutesBooked: 0, minutesDelivered: 0, minutesAwaitingCountersignature: 0 });
  }
  // Ordered here, byte by byte: the databases' collations order ids differently.
  rows.sort((a, b) => (a.organisationId === b.organisationId ? (a.action < b.action ? -1 : 1) : a.organisationId < b.organisationId ? -1 : 1));
  const totals: Activity = {
    interventions: { held: 0, notHeld: 0, cancelledLate: 0, cancelledInTime: 0, scheduled: 0 },
    minutesAuthorised: 0,
    minutesBooked: 0,
    minutesDelivered: 0,
    minutesAwaitingCountersignature: 0,
  };
  for (const row of rows) {
    for (const key of Object.keys(totals.interventions) as (keyof Interventions)[]) totals.interventions[key] += row.interventions[key];
    totals.minutesAuthorised += row.minutesAuthorised;
    totals.minutesBooked += row.minutesBooked;
    totals.minutesDelivered += row.minutesDelivered;
    totals.minutesAwaitingCountersignature += row.minutesAwaitingCountersignature;
  }
  return { from: f.from, to: f.to, rows, totals };
}

/** The minutes the approvals of the period's requests authorised, by organisation and the AZIONE each request books under. */
async function authorisedOf(call: StaffCall, f: PeriodFilter): Promise<Map<string, { organisationId: string; action: PlanAction; minutes: number }>> {
  const byKey = new Map<string, { organisationId: string; action: PlanAction; minutes: number }>();
  const received = await requestsOfPeriod(call, f);
  if (!received) return byKey;
  const { rows } = await sql<{ organisation_id: string; form_id: string; minutes: number | string | null }>`
    select s.organisation_id, s.form_id, sum(s.authorised_minutes) as minutes
    from submissions s
    where ${received} and s.authorised_minutes is not null
    group by s.organisation_id, s.form_id
  `.execute(call.db);
  const actions = requestFormsOf(f.action);
  for (const r of rows) {
    const action = actions.get(r.form_id)!;
    const k = rowKey(r.organisation_id, action);
    const known = byKey.get(k) ?? { organisationId: r.organisation_id, action, minutes: 0 };
    known.minutes += Number(r.minutes ?? 0);
    byKey.set(k, known);
  }
  return byKey;
}
