import { sql } from 'kysely';
import { APPOINTMENT_MODE_LABELS, languageName, type AppointmentMode, type Locale, type PlanAction } from '@ponte/forms';
import type { StaffCall } from '../service-call.js';
import { hoursOf, localStamps, toCsv, type Cell } from './csv.js';
import { appointmentsOfPeriod, type PeriodFilter } from './period.js';

const HEADER: Readonly<Record<Locale, readonly string[]>> = {
  it: ['Data', 'Ora', 'Organizzazione', 'Codice meccanografico', 'AZIONE', 'Protocollo richiesta', 'Lingua', 'Modalità', 'Esito', 'Ore prenotate', 'Scheda', 'Ore erogate'],
  en: ['Date', 'Time', 'Organisation', 'School code', 'AZIONE', 'Request protocol', 'Language', 'Mode', 'Outcome', 'Hours booked', 'Report', 'Hours delivered'],
};
type Outcome = 'held' | 'not_held' | 'cancelled_late' | 'cancelled_in_time' | 'scheduled';
const OUTCOME: Readonly<Record<Outcome, Readonly<Record<Locale, string>>>> = {
  held: { it: 'Svolto', en: 'Held' },
  not_held: { it: 'Non svolto', en: 'Not held' },
  cancelled_late: { it: 'Annullato tardi', en: 'Cancelled late' },
  cancelled_in_time: { it: 'Annullato in tempo', en: 'Cancelled in time' },
  scheduled: { it: 'Programmato', en: 'Scheduled' },
};
const REPORT: Readonly<Record<'filed' | 'countersigned' | 'none', Readonly<Record<Locale, string>>>> = {
  filed: { it: 'Inviata, da vistare', en: 'Filed, awaiting countersignature' },
  countersigned: { it: 'Vistata', en: 'Countersigned' },
  none: { it: 'Nessuna', en: 'None' },
};
const FILE: Readonly<Record<Locale, string>> = { it: 'ponte-interventi', en: 'ponte-interventions' };

interface InterventionRow {
  starts_at: Date | string;
  organisation_name: string;
  mechanographic_code: string | null;
  action: PlanAction;
  protocol: string | null;
  language: string | null;
  mode: AppointmentMode;
  status: 'scheduled' | 'cancelled' | 'held' | 'not_held';
  cancellation: 'in_time' | 'late' | null;
  billed_minutes: number | string;
  report_status: 'filed' | 'countersigned' | null;
  counted_minutes: number | string | null;
}

const outcomeOf = (r: InterventionRow): Outcome => (r.status === 'cancelled' ? (r.cancellation === 'late' ? 'cancelled_late' : 'cancelled_in_time') : r.status);

/**
 * The period's interventions, a line each (docs/architecture.md#exports): when
 * and for whom, the AZIONE and the request it served, the language asked
 * for, the mode, what became of it, and its hours booked and, once
 * countersigned, delivered, as indicators.activity adds them up. Nothing of
 * any request's or report's content: a consultation's line (A.5) says no
 * more than its appointment in a calendar.
 */
export async function interventionsCsv(call: StaffCall, f: PeriodFilter): Promise<{ filename: string; content: string }> {
  const inPeriod = await appointmentsOfPeriod(call, f);
  const { timeZone } = await call.tenant();
  const { rows } = await sql<InterventionRow>`
    select a.starts_at, o.name as organisation_name, o.mechanographic_code, a.action, s.protocol, s.queue_language as language, a.mode, a.status,
      a.cancellation, a.billed_minutes, r.status as report_status, r.counted_minutes
    from appointments a
    join organisations o on o.id = a.organisation_id and o.tenant_id = a.tenant_id
    left join submissions s on s.id = a.submission_id and s.tenant_id = a.tenant_id
    left join reports r on r.appointment_id = a.id and r.tenant_id = a.tenant_id
    where ${inPeriod}
    order by a.starts_at, a.id
  `.execute(call.db);

  const locale = call.locale;
  const local = localStamps(timeZone);
  const lines: Cell[][] = rows.map((r) => [
    local.date(r.starts_at),
    local.time(r.starts_at),
    r.organisation_name,
    r.mechanographic_code,
    r.action,
    r.protocol,
    r.language ? languageName(r.language, locale) : null,
    APPOINTMENT_MODE_LABELS[r.mode][locale],
    OUTCOME[outcomeOf(r)][locale],
    hoursOf(Number(r.billed_minutes)),
    REPORT[r.report_status ?? 'none'][locale],
    r.report_status === 'countersigned' ? hoursOf(Number(r.counted_minutes)) : null,
  ]);
  return { filename: `${FILE[locale]}_${f.from}_${f.to}.csv`, content: toCsv(HEADER[locale], lines, locale) };
}
