import type { Locale } from '@ponte/forms';
import type { StaffCall } from '../service-call.js';
import { figures, FIGURE_NAMES } from './activity-csv.js';
import { activity } from './activity.service.js';
import { beneficiaries } from './beneficiaries.service.js';
import { hoursOf, toCsv, type Cell } from './csv.js';
import { NARRATIVE_PARTS, type NarrativePart, type Quarter } from './narrative.repository.js';
import { narrative } from './narrative.service.js';
import { quarterDates } from './quarters.js';
import { reach } from './reach.service.js';

/*
 * A quarter of the fund's monitoring sheet as one file for a spreadsheet
 * (csv.ts): the quarter and its dates, the coordinators' narrative (the
 * "scheda procedurale", empty where not written), the quarter's
 * interventions and hours in total (indicators.activity over its local
 * dates, in hours), its unique third-country beneficiaries
 * (indicators.beneficiaries) and whom it reached (indicators.reach). Three columns, a line per item, so the long texts read
 * down the sheet rather than across it.
 */

const WORDS = {
  it: {
    header: ['Sezione', 'Voce', 'Valore'],
    quarter: 'Trimestre',
    year: 'Anno',
    from: 'Dal',
    to: 'Al',
    narrative: 'Scheda procedurale',
    figures: 'Interventi e ore',
    people: 'Destinatari FAMI',
    counted: 'Cittadini di Paesi terzi (ciascuno una volta)',
    stateless: 'di cui apolidi',
    eu: 'Non conteggiati: cittadini italiani o UE',
    unknown: 'Non conteggiati: cittadinanza non nota',
    reach: 'Raggiunti',
    families: 'Famiglie raggiunte',
    schools: 'Scuole coinvolte',
    sites: 'Plessi coinvolti',
    services: 'Servizi coinvolti',
    requests: 'Richieste ricevute',
    authorised: 'Ore autorizzate alle richieste',
    ratings: 'Valutazioni dei referenti',
    mean: 'Valutazione media (1–5)',
    file: (q: Quarter) => `ponte-trimestre_${q.year}-T${q.quarter}.csv`,
  },
  en: {
    header: ['Section', 'Item', 'Value'],
    quarter: 'Quarter',
    year: 'Year',
    from: 'From',
    to: 'To',
    narrative: 'Narrative',
    figures: 'Interventions and hours',
    people: 'FAMI beneficiaries',
    counted: 'Third-country nationals (each once)',
    stateless: 'of whom stateless',
    eu: 'Not counted: Italian or EU citizens',
    unknown: 'Not counted: citizenship unknown',
    reach: 'Reached',
    families: 'Families reached',
    schools: 'Schools involved',
    sites: 'School sites involved',
    services: 'Services involved',
    requests: 'Requests received',
    authorised: 'Hours authorised to the requests',
    ratings: 'Referents’ ratings',
    mean: 'Mean rating (1–5)',
    file: (q: Quarter) => `ponte-quarter_${q.year}-Q${q.quarter}.csv`,
  },
} as const;

const PART_NAMES: Readonly<Record<Locale, Record<NarrativePart, string>>> = {
  it: {
    activities: 'Attività svolte e principali output',
    strengths: 'Punti di forza e fattori di successo',
    deviations: 'Scostamenti dal cronoprogramma',
    problems: 'Criticità e soluzioni adottate',
    networks: 'Reti territoriali attivate o consolidate',
  },
  en: {
    activities: 'Activities and main outputs',
    strengths: 'Strengths and success factors',
    deviations: 'Deviations from the plan',
    problems: 'Problems and solutions',
    networks: 'Networks activated or consolidated',
  },
};

/** `indicators.quarterCsv`. Coordinators and admins (the router checks); the caller's tenant only. */
export async function quarterCsv(call: StaffCall, q: Quarter): Promise<{ filename: string; content: string }> {
  const words = WORDS[call.locale];
  const dates = quarterDates(q);
  const [text, { totals }, people, reached] = await Promise.all([narrative(call, q), activity(call, dates), beneficiaries(call, dates), reach(call, dates)]);
  const counted = figures(totals);
  const stateless = people.groups.filter((g) => g.status === 'stateless').reduce((sum, g) => sum + g.people, 0);
  const rows: Cell[][] = [
    [words.quarter, words.year, q.year],
    [words.quarter, words.quarter, q.quarter],
    [words.quarter, words.from, dates.from],
    [words.quarter, words.to, dates.to],
    ...NARRATIVE_PARTS.map((part): Cell[] => [words.narrative, PART_NAMES[call.locale][part], text?.[part] || null]),
    ...FIGURE_NAMES[call.locale].map((name, i): Cell[] => [words.figures, name, counted[i] ?? null]),
    [words.people, words.counted, people.counted],
    [words.people, words.stateless, stateless],
    [words.people, words.eu, people.notCounted.eu],
    [words.people, words.unknown, people.notCounted.unknown],
    [words.reach, words.families, reached.families],
    [words.reach, words.schools, reached.involved.schools],
    [words.reach, words.sites, reached.involved.sites],
    [words.reach, words.services, reached.involved.services],
    [words.reach, words.requests, reached.requests.received],
    [words.reach, words.authorised, hoursOf(reached.requests.minutesAuthorised)],
    [words.reach, words.ratings, reached.satisfaction.ratings],
    [words.reach, words.mean, reached.satisfaction.mean],
  ];
  return { filename: words.file(q), content: toCsv(words.header, rows, call.locale) };
}
