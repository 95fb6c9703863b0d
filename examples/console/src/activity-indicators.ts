import { html, type PropertyValues } from 'lit';
import type { PonteOutputs } from '@ponte/sdk';
import { ConsoleElement, define } from './console-element.js';
import { CATEGORY_COLORS, type FigureData } from './chart-figure.js';
import { downloadFile } from './download.js';
import { actionLabel } from './format.js';
import { activityInput, type IndicatorsQuery } from './period.js';
import './chart-figure.js';

type Activity = PonteOutputs['indicators']['activity'];
type Organisation = PonteOutputs['organisations']['list'][number];
type Figures = Activity['totals'];

const [BLUE, ORANGE, GREEN, , , VERMILION, , GREY] = CATEGORY_COLORS;

/** The interventions as the fund's monitoring counts them (activity.service.ts), in the order an appointment lives them. */
const INTERVENTIONS = [
  { key: 'held', label: 'Svolti', color: GREEN },
  { key: 'notHeld', label: 'Non svolti', color: VERMILION },
  { key: 'cancelledLate', label: 'Annullati tardi', color: ORANGE },
  { key: 'cancelledInTime', label: 'Annullati in tempo', color: GREY },
  { key: 'scheduled', label: 'Programmati', color: BLUE },
] as const;

const HOURS = [
  { key: 'minutesBooked', label: 'Ore prenotate', color: BLUE },
  { key: 'minutesDelivered', label: 'Ore erogate', color: GREEN },
  { key: 'minutesAwaitingCountersignature', label: 'Ore da controfirmare', color: ORANGE },
] as const;

const interventions = (f: Figures) => INTERVENTIONS.map((s) => f.interventions[s.key]);
const hours = (f: Figures) => HOURS.map((s) => f[s.key] / 60);

/**
 * Interventions and hours of the chosen period (indicators.activity), by
 * organisation and AZIONE with their totals, as two figures (chart and
 * table), and the same as a CSV file for a spreadsheet
 * (indicators.activityCsv).
 */
export class PonteConsoleActivity extends ConsoleElement {
  static override properties = {
    ...ConsoleElement.properties,
    query: { attribute: false },
    organisations: { attribute: false },
    activity: { state: true },
    loading: { state: true },
    error: { state: true },
    exported: { state: true },
  };

  query!: IndicatorsQuery;
  organisations: Organisation[] = [];
  private activity: Activity | undefined;
  /** drawn from the activity and the organisations' names, anew only when either changes: a new figure is a new chart */
  private figures: FigureData[] = [];
  private loading = true;
  private error = '';
  private exported = '';
  /** A new period may be chosen before the last one's answer: only the answer to the last may be drawn. */
  #loads = 0;

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('query')) void this.load();
    if (changed.has('activity') || changed.has('organisations')) {
      const a = this.activity;
      this.figures = a ? [this.figure(a, 'interventions'), this.figure(a, 'hours')] : [];
    }
  }

  private async load(): Promise<void> {
    const load = ++this.#loads;
    this.loading = true;
    this.error = '';
    this.exported = '';
    try {
      const activity = await this.session.client.indicators.activity.query(activityInput(this.query));
      if (load !== this.#loads) return;
      this.activity = activity;
    } catch (error) {
      if (load !== this.#loads) return;
      this.activity = undefined;
      this.error = this.errorText(error);
    }
    this.loading = false;
  }

  private async exportCsv(): Promise<void> {
    this.error = '';
    try {
      const { filename, content } = await this.session.client.indicators.activityCsv.query(activityInput(this.query));
      downloadFile(filename, content, 'text/csv;charset=utf-8');
      this.exported = `Scaricato il file ${filename}.`;
    } catch (error) {
      this.error = this.errorText(error);
    }
  }

  private name(id: string): string {
    return this.organisations.find((o) => o.id === id)?.name ?? id;
  }

  private figure(activity: Activity, which: 'interventions' | 'hours'): FigureData {
    const isHours = which === 'hours';
    return {
      id: `activity-${which}`,
      title: isHours ? 'Ore per organizzazione e azione' : 'Interventi per organizzazione e azione',
      unit: isHours ? 'hours' : 'count',
      stacked: !isHours,
      rowHeaders: ['Organizzazione', 'Azione'],
      series: (isHours ? HOURS : INTERVENTIONS).map(({ key, label, color }) => ({ key, label, color: color! })),
      rows: activity.rows.map((r) => ({
        key: `${r.organisationId}:${r.action}`,
        headers: [this.name(r.organisationId), actionLabel(r.action)],
        values: isHours ? hours(r) : interventions(r),
      })),
      totals: isHours ? hours(activity.totals) : interventions(activity.totals),
      empty: 'Nessun intervento nel periodo e con i filtri scelti.',
    };
  }

  protected override render() {
    return html`
      <section class="indicators-section" aria-labelledby="activity-title" data-state=${this.loading ? 'loading' : 'ready'} data-from=${this.query.from} data-to=${this.query.to}>
        <div class="section-head">
          <h3 id="activity-title">Interventi e ore</h3>
          <button class="btn btn-outline" type="button" ?disabled=${this.loading || !this.activity} @click=${this.exportCsv}>Scarica CSV</button>
        </div>
        <p class="count" role="status">${this.loading ? 'Caricamento…' : this.exported}</p>
        ${this.error ? html`<p class="alert" role="alert">${this.error}</p>` : null}
        ${this.figures.map((f) => html`<ponte-console-chart-figure .figure=${f}></ponte-console-chart-figure>`)}
      </section>
    `;
  }
}

define('ponte-console-activity', PonteConsoleActivity);
