import { html } from 'lit';
import { languageName } from '@ponte/forms';
import type { PonteOutputs } from '@ponte/sdk';
import { ConsoleElement, define } from './console-element.js';
import { actionLabel, modeLabel } from './format.js';
import { currentSchoolYear, MAX_PERIOD_DAYS, periodDates, periodLabel, today, type IndicatorsQuery } from './period.js';
import './period-picker.js';
import './activity-indicators.js';
import './beneficiaries-indicators.js';
import './reach-indicators.js';
import './questionnaire-indicators.js';
import './narrative-indicators.js';

type Organisation = PonteOutputs['organisations']['list'][number];

/** The sections in the page's order, for the links at its top: each heading is `${id}-title`. */
const SECTIONS = [
  ['activity', 'Interventi e ore'],
  ['beneficiaries', 'Destinatari FAMI'],
  ['reach', 'Raggiunti e domanda'],
  ['questionnaire', 'Questionario delle scuole'],
  ['narrative', 'Scheda trimestrale'],
] as const;

/** The day `days` before a local date ('YYYY-MM-DD'). */
const daysBefore = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

/**
 * Indicatori: what the Ambito accounts to the fund with. A period and
 * filters (period-picker.ts), then one section per kind of figure, each its
 * own element handed the query and the organisations' names; a new kind is
 * a new section file and one line in `sections()` (and its link in
 * SECTIONS). Chart.js is loaded only when a figure is first drawn
 * (chart-figure.ts), not with the console.
 */
export class PonteConsoleIndicators extends ConsoleElement {
  static override properties = {
    ...ConsoleElement.properties,
    query: { state: true },
    organisations: { state: true },
    languages: { state: true },
    error: { state: true },
  };

  private query: IndicatorsQuery = { period: currentSchoolYear(), ...periodDates(currentSchoolYear()) };
  private organisations: Organisation[] = [];
  /** the languages the Ambito's requests asked for, most asked first, for the filter */
  private languages: string[] = [];
  private error = '';

  override connectedCallback(): void {
    super.connectedCallback();
    this.session.client.organisations.list
      .query()
      .then((list) => (this.organisations = list))
      .catch((error) => (this.error = this.errorText(error)));
    // The requests of the longest period the server adds up, to today: the languages a coordinator may filter by.
    const to = today();
    this.session.client.indicators.reach
      .query({ from: daysBefore(to, MAX_PERIOD_DAYS - 1), to })
      .then((reach) => (this.languages = reach.languages.map((l) => l.language)))
      .catch((error) => (this.error = this.errorText(error)));
  }

  /** A link to a section moves the focus to its heading (and so the page), without touching the address. */
  private jump(event: Event, id: string): void {
    event.preventDefault();
    this.querySelector<HTMLElement>(`#${id}-title`)?.focus();
  }

  /** The filters in words, after the period: what the figures below are of. */
  private described(): string {
    const q = this.query;
    const parts = [periodLabel(q.period)];
    if (q.action) parts.push(actionLabel(q.action));
    if (q.organisationId) parts.push(this.organisations.find((o) => o.id === q.organisationId)?.name ?? '');
    if (q.language) parts.push(`lingua ${languageName(q.language, 'it')}`);
    if (q.mode) parts.push(modeLabel(q.mode).toLocaleLowerCase('it'));
    return parts.join(' · ');
  }

  private sections() {
    return html`
      <ponte-console-activity .session=${this.session} .query=${this.query} .organisations=${this.organisations}></ponte-console-activity>
      <ponte-console-beneficiaries .session=${this.session} .query=${this.query}></ponte-console-beneficiaries>
      <ponte-console-reach .session=${this.session} .query=${this.query}></ponte-console-reach>
      <ponte-console-questionnaire .session=${this.session} .organisations=${this.organisations}></ponte-console-questionnaire>
      <ponte-console-narrative .session=${this.session}></ponte-console-narrative>
    `;
  }

  protected override render() {
    return html`
      <section aria-labelledby="indicators-title">
        <h2 id="indicators-title" tabindex="-1">Indicatori</h2>
        ${this.error ? html`<p class="alert" role="alert">${this.error}</p>` : null}
        <nav class="section-links" aria-label="Sezioni degli indicatori">
          <ul>
            ${SECTIONS.map(([id, label]) => html`<li><a href="#${id}-title" @click=${(e: Event) => this.jump(e, id)}>${label}</a></li>`)}
          </ul>
        </nav>
        <ponte-console-period-picker
          .organisations=${this.organisations}
          .languages=${this.languages}
          @ponte-period-change=${(e: CustomEvent<IndicatorsQuery>) => (this.query = e.detail)}
        ></ponte-console-period-picker>
        <p class="period-shown">Indicatori per: <strong>${this.described()}</strong></p>
        ${this.sections()}
      </section>
    `;
  }
}

define('ponte-console-indicators', PonteConsoleIndicators);
