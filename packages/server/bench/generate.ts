import { sql } from 'kysely';
import { DateTime } from 'luxon';
import { hashPassword } from '../src/auth/password.js';
import type { Db } from '../src/db/database.js';
import { newId } from '../src/ids.js';
import { bufferUntilOf, placeKeyOf } from '../src/scheduling/placement.js';
import { schoolYearOf } from '../src/budgets/school-year.js';
import { DEFAULT_SETTINGS, saveSettings } from '../src/scheduling/settings.repository.js';

export const ZONE = 'Europe/Rome';
export const BENCH_PASSWORD = 'bench-pass-2026';

export interface BenchData {
  tenantId: string;
  organisationId: string;
  coordinatorId: string;
  coordinatorEmail: string;
  mediatorIds: string[];
  /** the Monday (local date) the 4-week window starts on */
  windowFrom: string;
  windowTo: string;
  /** a local date far from every stored appointment, for conflict-free bookings */
  emptyMonday: string;
  appointments: number;
}

/**
 * One tenant, one organisation, `mediators` mediators who all speak Arabic,
 * each available Monday to Friday 08:00–18:00, and `appointments` stored
 * appointments spread over the weekdays of the coming year: 09:00 in person
 * and 14:00 by video, so that none overlaps.
 */
export async function generate(db: Db, mediators = 60, appointments = 30_000): Promise<BenchData> {
  const at = new Date().toISOString();
  const tenantId = newId();
  const organisationId = newId();
  const coordinatorId = newId();
  const coordinatorEmail = `bench.${tenantId.slice(0, 8)}@bench.test`;
  const start = DateTime.now().setZone(ZONE).startOf('week').plus({ weeks: 1 });
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('tenants').values({ id: tenantId, slug: `bench-${tenantId.slice(0, 8)}`, name: 'Ambito bench', time_zone: ZONE, created_at: at }).execute();
    await trx.insertInto('organisations').values({ id: organisationId, tenant_id: tenantId, kind: 'school', name: 'IC Bench', mechanographic_code: null, service_type: null, created_at: at }).execute();
    await trx
      .insertInto('users')
      .values({ id: coordinatorId, tenant_id: tenantId, organisation_id: null, email: coordinatorEmail, display_name: 'Bench', role: 'coordinator', password_hash: await hashPassword(BENCH_PASSWORD), disabled_at: null, created_at: at })
      .execute();
    await saveSettings(trx, tenantId, DEFAULT_SETTINGS, at);
  });

  const mediatorIds = Array.from({ length: mediators }, () => newId());
  await db.insertInto('mediators').values(mediatorIds.map((id, i) => ({ id, tenant_id: tenantId, user_id: null, display_name: `Mediatore ${i}`, gender: null, areas: '[]', disabled_at: null, created_at: at }))).execute();
  await db.insertInto('mediator_languages').values(mediatorIds.map((id) => ({ mediator_id: id, tenant_id: tenantId, language_code: 'ara', variety: '', level: 'native' }))).execute();
  await db
    .insertInto('availability_rules')
    .values(mediatorIds.flatMap((id) => [1, 2, 3, 4, 5].map((weekday) => ({ id: newId(), tenant_id: tenantId, mediator_id: id, weekday, start_time: '08:00', end_time: '18:00', valid_from: null, valid_to: null, created_at: at }))))
    .execute();

  const perMediator = Math.ceil(appointments / mediators);
  const days = Math.ceil(perMediator / 2);
  const weekdays: DateTime[] = [];
  for (let d = start; weekdays.length < days; d = d.plus({ days: 1 })) if (d.weekday <= 5) weekdays.push(d);
  const rows = [];
  let made = 0;
  for (const mediatorId of mediatorIds) {
    for (let i = 0; i < perMediator && made < appointments; i++, made++) {
      const day = weekdays[Math.floor(i / 2)]!;
      const inPerson = i % 2 === 0;
      const startsAt = day.set({ hour: inPerson ? 9 : 14, minute: 0 }).toJSDate();
      const endsAt = new Date(startsAt.getTime() + 3_600_000);
      rows.push({
        id: newId(),
        tenant_id: tenantId,
        mediator_id: mediatorId,
        organisation_id: organisationId,
        submission_id: null,
        series_id: null,
        action: '1' as const,
        school_year: schoolYearOf(startsAt, ZONE),
        starts_at: startsAt.toISOString(),
        ends_at: endsAt.toISOString(),
        buffer_until: bufferUntilOf(endsAt, inPerson ? 'in_person' : 'video', DEFAULT_SETTINGS.travelBufferMinutes).toISOString(),
        mode: inPerson ? ('in_person' as const) : ('video' as const),
        place: inPerson ? 'Scuola' : '',
        place_key: placeKeyOf(inPerson ? 'Scuola' : ''),
        case_code: '',
        status: 'scheduled' as const,
        sequence: 0,
        billed_minutes: 60,
        cancelled_at: null,
        cancellation: null,
        created_at: at,
        updated_at: at,
      });
    }
  }
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('appointments').values(rows.slice(i, i + 500)).execute();

  // Budgets large enough that throughput runs measure booking, not refusals.
  const years = new Set(rows.map((r) => r.school_year)).add(schoolYearOf(start.plus({ years: 3 }).toJSDate(), ZONE));
  for (const schoolYear of years) {
    await db.insertInto('hour_budgets').values({ id: newId(), tenant_id: tenantId, organisation_id: organisationId, action: '1', school_year: schoolYear, minutes_granted: 100_000_000, updated_at: at }).execute();
  }

  // A database in use has planner statistics; a freshly filled one has none yet.
  await sql`analyze`.execute(db);

  const windowStart = weekdays[Math.floor(weekdays.length / 2)]!.startOf('week');
  return {
    tenantId,
    organisationId,
    coordinatorId,
    coordinatorEmail,
    mediatorIds,
    windowFrom: windowStart.toISODate()!,
    windowTo: windowStart.plus({ days: 27 }).toISODate()!,
    emptyMonday: start.plus({ years: 3 }).startOf('week').toISODate()!,
    appointments: rows.length,
  };
}
