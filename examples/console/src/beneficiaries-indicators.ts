import { html } from 'lit';
import { countryName, FAMI_STATUS_LABELS } from '@ponte/forms';
import type { PonteOutputs } from '@ponte/sdk';
import { CATEGORY_COLORS, type FigureData } from './chart-figure.js';
import { define } from './console-element.js';
import { formatNumber, keyFigures } from './key-figures.js';
import { PeriodSection, type CsvFile, type PeriodInput } from './period-section.js';

type Beneficiaries = PonteOutputs['indicators']['beneficiaries'];
type Group = Beneficiaries['groups'][number];

const [BLUE, ORANGE, , PURPLE, , , , GREY] = CATEGORY_COLORS;

/** Sex as the report forms record it ('X' is their "other or not stated"); null where a report recorded none. */
const SEXES = [
  { key: 'F', label: 'Femmine', color: ORANGE },
  { key: 'M', label: 'Maschi', color: BLUE },
  { key: 'X', label: 'Altro o non indicato', color: PURPLE },
  { key: 'none', label: 'Non registrato', color: GREY },
] as const;
const sexKey = (g: Group) => g.sex ?? 'none';

/** The report forms' age bands, youngest first (@ponte/forms shared-options.ts AGE_BANDS); any other after them. */
const AGE_BANDS = ['0-5', '6-10', '11-13', '14-17', '18+'];
const ageLabel = (band: string | null) => (band === null ? 'Età non registrata' : band === '18+' ? '18 anni e più' : `${band.replace('-', '–')} anni`);
const ageOrder = (band: string) => (AGE_BANDS.includes(band) ? AGE_BANDS.indexOf(band) : band === 'none' ? 1000 : 100);

/** A group's country in Italian; a stateless person has none. */
function citizenshipOf(g: Group): { key: string; label: string } {
  if (g.status === 'stateless') return { key: 'stateless', label: FAMI_STATUS_LABELS.stateless.it };
  if (g.citizenship === null) return { key: 'none', label: 'Cittadinanza non registrata' };
  return { key: g.citizenship, label: countryName(g.citizenship, 'it') };
}

/** Adds `people` under `key` of `map`, each key's values one per series. */
function add(map: Map<string, { label: string; values: number[] }>, key: string, label: string, series: number, width: number, people: number): void {
  const row = map.get(key) ?? { label, values: Array.from({ length: width }, () => 0) };
  row.values[series]! += people;
  map.set(key, row);
}

/**
 * The fund's beneficiaries of the chosen period (indicators.beneficiaries):
 * the unique third-country nationals and stateless people the held sessions
 * reached, those not counted (Italian or EU citizens, citizenship unknown)
 * apart; by sex and age band, and by citizenship, each a chart over its
 * table. The people a line each as a CSV file (indicators.beneficiariesCsv).
 */
export class PonteConsoleBeneficiaries extends PeriodSection<Beneficiaries> {
  protected readonly sectionId = 'beneficiaries';
  protected readonly heading = 'Destinatari FAMI';
  protected readonly csvLabel = 'Scarica CSV delle persone';

  protected read(input: PeriodInput): Promise<Beneficiaries> {
    return this.session.client.indicators.beneficiaries.query(input);
  }

  protected readCsv(input: PeriodInput): Promise<CsvFile> {
    return this.session.client.indicators.beneficiariesCsv.query(input);
  }

  protected body(b: Beneficiaries) {
    const people = (n: number) => (n === 1 ? '1 persona' : `${formatNumber(n)} persone`);
    return html`${keyFigures([
        { key: 'counted', label: 'Destinatari contati', value: formatNumber(b.counted), note: 'cittadini di Paesi terzi e apolidi, ciascuno una volta' },
        { key: 'eu', label: 'Non contati: cittadini italiani o UE', value: formatNumber(b.notCounted.eu) },
        { key: 'unknown', label: 'Non contati: cittadinanza non nota', value: formatNumber(b.notCounted.unknown) },
        { key: 'countedWithoutCode', label: 'Contati da report senza codice', value: formatNumber(b.countedWithoutCode), note: 'report della prima versione' },
      ])}
      <p class="hint explain">
        Ogni persona è contata una volta, con il codice che le dà la sua organizzazione, come la descrive l’ultimo incontro del periodo.
        ${b.countedWithoutCode > 0
          ? html`I report della prima versione non avevano il codice: ogni loro riga è una persona, quindi chi vi compare in più incontri è contato più volte
              (${people(b.countedWithoutCode)} fra i contati).`
          : 'Nessun destinatario contato viene da report della prima versione, che non avevano il codice.'}
      </p>
      ${this.figures.map((f) => this.chart(f))}`;
  }

  protected figuresOf(b: Beneficiaries): FigureData[] {
    const bySexAge = new Map<string, { label: string; values: number[] }>();
    const byCountry = new Map<string, { label: string; values: number[] }>();
    for (const g of b.groups) {
      add(bySexAge, g.ageBand ?? 'none', ageLabel(g.ageBand), SEXES.findIndex((s) => s.key === sexKey(g)), SEXES.length, g.people);
      const country = citizenshipOf(g);
      add(byCountry, country.key, country.label, 0, 1, g.people);
    }
    // "Not recorded" is a column only when some report left the sex out.
    const sexes = SEXES.filter((s, i) => s.key !== 'none' || [...bySexAge.values()].some((r) => r.values[i]! > 0));
    const sexRows = [...bySexAge]
      .sort(([a], [b]) => ageOrder(a) - ageOrder(b) || a.localeCompare(b))
      .map(([key, r]) => ({ key, headers: [r.label], values: sexes.map((s) => r.values[SEXES.indexOf(s)]!) }));
    const countryRows = [...byCountry]
      .sort(([, a], [, b]) => b.values[0]! - a.values[0]! || a.label.localeCompare(b.label, 'it'))
      .map(([key, r]) => ({ key, headers: [r.label], values: r.values }));
    const sum = (rows: { values: number[] }[], width: number) => Array.from({ length: width }, (_, i) => rows.reduce((t, r) => t + r.values[i]!, 0));
    const empty = 'Nessun destinatario contato nel periodo e con i filtri scelti.';
    return [
      {
        id: 'beneficiaries-sex-age',
        title: 'Destinatari per fascia d’età e sesso',
        unit: 'count',
        stacked: true,
        rowHeaders: ['Fascia d’età'],
        series: sexes.map(({ key, label, color }) => ({ key, label, color })),
        rows: sexRows,
        totals: sum(sexRows, sexes.length),
        empty,
      },
      {
        id: 'beneficiaries-citizenship',
        title: 'Destinatari per cittadinanza (la prima registrata)',
        unit: 'count',
        stacked: false,
        rowHeaders: ['Cittadinanza'],
        series: [{ key: 'people', label: 'Persone', color: BLUE }],
        rows: countryRows,
        totals: sum(countryRows, 1),
        empty,
      },
    ];
  }
}

define('ponte-console-beneficiaries', PonteConsoleBeneficiaries);
