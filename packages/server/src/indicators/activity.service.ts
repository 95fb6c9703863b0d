import { sql } from 'kysely';
import type { PlanAction } from '../db/database.js';
import type { StaffCall } from '../service-call.js';
import { appointmentsOfPeriod, type PeriodFilter } from './period.js';

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
  /** what the appointments count against the hours (scheduling's billed minutes, late cancellations included) */
  minutesBooked: number;
  /** what countersigned reports count: the hours delivered */
  minutesDelivered: number;
  /** what reports filed but not yet countersigned would count */
  minutesAwaitingCountersignature: number;
}

const count = (condition: ReturnType<typeof sql>) => sql<number | string>`sum(case when ${condition} then 1 else 0 end)`;

/**
 * The interventions and hours of a period (local dates of the tenant's zone,
 * both included), by organisation and AZIONE, with their totals: what the
 * fund's monitoring asks of activity. An intervention is an appointment
 * starting in the period, of any request (a consultation's counted, its
 * content never read); the hours are the appointments' own and their
 * reports', as `budgets.list` counts them. Coordinators and admins (the
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
    .orderBy('a.organisation_id')
    .orderBy('a.action')
    .execute();

  const rows = grouped.map((g) => ({
    organisationId: g.organisation_id,
    action: g.action,
    interventions: {
      held: Number(g.held),
      notHeld: Number(g.not_held),
      cancelledLate: Number(g.cancelled_late),
      cancelledInTime: Number(g.cancelled_in_time),
      scheduled: Number(g.scheduled),
    },
    minutesBooked: Number(g.booked),
    minutesDelivered: Number(g.delivered),
    minutesAwaitingCountersignature: Number(g.awaiting),
  }));
  const totals: Activity = {
    interventions: { held: 0, notHeld: 0, cancelledLate: 0, cancelledInTime: 0, scheduled: 0 },
    minutesBooked: 0,
    minutesDelivered: 0,
    minutesAwaitingCountersignature: 0,
  };
  for (const row of rows) {
    for (const key of Object.keys(totals.interventions) as (keyof Interventions)[]) totals.interventions[key] += row.interventions[key];
    totals.minutesBooked += row.minutesBooked;
    totals.minutesDelivered += row.minutesDelivered;
    totals.minutesAwaitingCountersignature += row.minutesAwaitingCountersignature;
  }
  return { from: f.from, to: f.to, rows, totals };
}
