import { html } from 'lit';
import type { PonteOutputs } from '@ponte/sdk';
import { CATEGORY_COLORS, type FigureData } from './chart-figure.js';
import { define } from './console-element.js';
import { actionLabel } from './format.js';
import { PeriodSection, type CsvFile, type PeriodInput } from './period-section.js';

type Activity = PonteOutputs['indicators']['activity'];
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
export class PonteConsoleActivity extends PeriodSection<Activity> {
  protected readonly sectionId = 'activity';
  protected readonly heading = 'Interventi e ore';
  protected readonly csvLabel = 'Scarica CSV';

  protected read(input: PeriodInput): Promise<Activity> {
    return this.session.client.indicators.activity.query(input);
  }

  protected readCsv(input: PeriodInput): Promise<CsvFile> {
    return this.session.client.indicators.activityCsv.query(input);
  }

  protected figuresOf(activity: Activity): FigureData[] {
    return [this.figure(activity, 'interventions'), this.figure(activity, 'hours')];
  }

  protected body() {
    return html`${this.figures.map((f) => this.chart(f))}`;
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
}

define('ponte-console-activity', PonteConsoleActivity);
