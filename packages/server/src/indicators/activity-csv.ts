import type { Locale } from '@ponte/forms';
import type { StaffCall } from '../service-call.js';
import { activity, type Activity } from './activity.service.js';
import { listOrganisations } from '../organisations/organisation.repository.js';
import { hoursOf, toCsv, type Cell } from './csv.js';

/** The names of `figures`, in its order: the quarter's file (quarter-csv.ts) writes them too. */
export const FIGURE_NAMES: Readonly<Record<Locale, readonly string[]>> = {
  it: ['Svolti', 'Non svolti', 'Annullati tardi', 'Annullati in tempo', 'Programmati', 'Ore autorizzate', 'Ore prenotate', 'Ore erogate', 'Ore in attesa di controfirma'],
  en: ['Held', 'Not held', 'Cancelled late', 'Cancelled in time', 'Scheduled', 'Hours authorised', 'Hours booked', 'Hours delivered', 'Hours awaiting countersignature'],
};
const HEADER: Readonly<Record<Locale, readonly string[]>> = {
  it: ['Organizzazione', 'Codice meccanografico', 'AZIONE', ...FIGURE_NAMES.it],
  en: ['Organisation', 'School code', 'AZIONE', ...FIGURE_NAMES.en],
};
const TOTAL: Readonly<Record<Locale, string>> = { it: 'Totale', en: 'Total' };
const FILE: Readonly<Record<Locale, string>> = { it: 'ponte-attivita', en: 'ponte-activity' };

/** An activity's figures as cells: counts, then hours. */
export const figures = (a: Activity): Cell[] => [
  a.interventions.held,
  a.interventions.notHeld,
  a.interventions.cancelledLate,
  a.interventions.cancelledInTime,
  a.interventions.scheduled,
  hoursOf(a.minutesAuthorised),
  hoursOf(a.minutesBooked),
  hoursOf(a.minutesDelivered),
  hoursOf(a.minutesAwaitingCountersignature),
];

/**
 * `indicators.activity` as a CSV file for a spreadsheet (csv.ts), headed
 * and named in the caller's language: a line per organisation and AZIONE,
 * named as the Ambito names it, then the totals; hours, not minutes.
 */
export async function activityCsv(call: StaffCall, f: Parameters<typeof activity>[1]): Promise<{ filename: string; content: string }> {
  const [result, organisations] = await Promise.all([activity(call, f), listOrganisations(call.db, call.who.tenantId)]);
  const byId = new Map(organisations.map((o) => [o.id, o]));
  const rows: Cell[][] = result.rows.map((r) => {
    const o = byId.get(r.organisationId);
    return [o?.name ?? r.organisationId, o?.mechanographicCode ?? null, r.action, ...figures(r)];
  });
  rows.push([TOTAL[call.locale], null, null, ...figures(result.totals)]);
  return { filename: `${FILE[call.locale]}_${result.from}_${result.to}.csv`, content: toCsv(HEADER[call.locale], rows, call.locale) };
}
