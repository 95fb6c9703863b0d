import { html } from 'lit';
import { languageName } from '@ponte/forms';
import type { PonteOutputs } from '@ponte/sdk';
import { CATEGORY_COLORS, scaleColors, type FigureData } from './chart-figure.js';
import { define } from './console-element.js';
import { capitalised, formatHours } from './format.js';
import { formatNumber, keyFigures } from './key-figures.js';
import { PeriodSection, type CsvFile, type PeriodInput } from './period-section.js';

type Reach = PonteOutputs['indicators']['reach'];

const [BLUE, ORANGE, GREEN] = CATEGORY_COLORS;
const mean = new Intl.NumberFormat('it-IT', { minimumFractionDigits: 1, maximumFractionDigits: 2 });

/** Requests of a language with no appointment at all: the demand not met. */
const unmet = (l: Reach['languages'][number]) => l.requests - l.booked;

/**
 * Whom the chosen period's sessions reached and how the demand was met
 * (indicators.reach): the schools, plessi and services involved, the
 * families and the people present, the requests received and their hours;
 * the languages asked for against those booked and held, with the
 * mediators who speak them; the referents' ratings. The period's
 * interventions a line each as a CSV file (indicators.interventionsCsv).
 */
export class PonteConsoleReach extends PeriodSection<Reach> {
  protected readonly sectionId = 'reach';
  protected readonly heading = 'Raggiunti e domanda';
  protected readonly csvLabel = 'Scarica CSV degli interventi';

  protected read(input: PeriodInput): Promise<Reach> {
    return this.session.client.indicators.reach.query(input);
  }

  protected readCsv(input: PeriodInput): Promise<CsvFile> {
    return this.session.client.indicators.interventionsCsv.query(input);
  }

  protected figuresOf(r: Reach): FigureData[] {
    const ratings = r.satisfaction.distribution;
    return [
      {
        id: 'reach-languages',
        title: 'Lingue richieste: richieste, prenotate, svolte',
        unit: 'count',
        stacked: false,
        rowHeaders: ['Lingua'],
        series: [
          { key: 'requests', label: 'Richieste', color: BLUE! },
          { key: 'booked', label: 'Prenotate', color: ORANGE! },
          { key: 'held', label: 'Svolte', color: GREEN! },
        ],
        rows: r.languages.map((l) => ({
          key: l.language,
          headers: [capitalised(languageName(l.language, 'it'))],
          values: [l.requests, l.booked, l.held],
          extra: [formatNumber(unmet(l)), formatNumber(l.mediators)],
        })),
        extraColumns: [
          { key: 'unmet', label: 'Senza appuntamento' },
          { key: 'mediators', label: 'Mediatori' },
        ],
        totals: (['requests', 'booked', 'held'] as const).map((k) => r.languages.reduce((t, l) => t + l[k], 0)),
        extraTotals: [formatNumber(r.languages.reduce((t, l) => t + unmet(l), 0)), ''],
        empty: 'Nessuna richiesta ricevuta nel periodo e con i filtri scelti.',
      },
      {
        id: 'reach-ratings',
        title: 'Valutazioni dei referenti',
        unit: 'count',
        stacked: false,
        rowHeaders: ['Valutazione'],
        series: [{ key: 'ratings', label: 'Valutazioni', color: scaleColors(5)[3]! }],
        rows: r.satisfaction.ratings === 0 ? [] : ratings.map((n, i) => ({ key: String(i + 1), headers: [`${i + 1} su 5`], values: [n] })),
        totals: [r.satisfaction.ratings],
        empty: 'Nessuna valutazione.',
      },
    ];
  }

  protected body(r: Reach) {
    const [languages, ratings] = this.figures;
    const unmetTotal = r.languages.reduce((t, l) => t + unmet(l), 0);
    const unserved = r.languages.filter((l) => l.mediators === 0).map((l) => languageName(l.language, 'it'));
    const withoutLanguage = r.requests.received - r.languages.reduce((t, l) => t + l.requests, 0);
    const s = r.satisfaction;
    return html`
      <h4 class="figures-title">Incontri svolti</h4>
      ${keyFigures([
        { key: 'schools', label: 'Scuole coinvolte', value: formatNumber(r.involved.schools) },
        { key: 'sites', label: 'Plessi', value: formatNumber(r.involved.sites) },
        { key: 'services', label: 'Servizi coinvolti', value: formatNumber(r.involved.services) },
        { key: 'families', label: 'Famiglie raggiunte', value: formatNumber(r.families), note: 'con un familiare presente a un incontro' },
        { key: 'presencesFamily', label: 'Presenze di familiari', value: formatNumber(r.presences.family) },
        { key: 'presencesTeachers', label: 'Presenze di insegnanti', value: formatNumber(r.presences.teachers) },
        { key: 'presencesOperators', label: 'Presenze di operatori', value: formatNumber(r.presences.operators) },
      ])}
      <p class="hint explain">Le presenze si sommano sugli incontri: la stessa insegnante a due incontri è contata due volte.</p>
      <h4 class="figures-title">Richieste ricevute nel periodo</h4>
      ${keyFigures([
        { key: 'received', label: 'Richieste ricevute', value: formatNumber(r.requests.received) },
        { key: 'hoursAuthorised', label: 'Ore autorizzate', value: formatHours(r.requests.minutesAuthorised) },
        { key: 'unmet', label: 'Domanda non soddisfatta', value: formatNumber(unmetTotal), note: 'richieste senza alcun appuntamento' },
      ])}
      <p class="hint explain">
        Domanda non soddisfatta: le richieste ricevute meno quelle prenotate, cioè con almeno un appuntamento.
        ${withoutLanguage > 0 ? (withoutLanguage === 1 ? '1 richiesta non indica una lingua.' : `${formatNumber(withoutLanguage)} richieste non indicano una lingua.`) : null}
        ${unserved.length ? html`Nessun mediatore attivo parla: <strong>${unserved.join(', ')}</strong>.` : null}
        ${this.query.mode ? 'La modalità scelta restringe gli incontri, non le richieste: una richiesta non ha una modalità sua.' : null}
      </p>
      ${this.chart(languages)}
      <h4 class="figures-title">Soddisfazione</h4>
      ${keyFigures([
        { key: 'ratings', label: 'Valutazioni', value: formatNumber(s.ratings), note: 'date dai referenti alla controfirma' },
        { key: 'mean', label: 'Media', value: s.mean === null ? '—' : `${mean.format(s.mean)} su 5` },
      ])}
      ${this.chart(ratings)}
    `;
  }
}

define('ponte-console-reach', PonteConsoleReach);
