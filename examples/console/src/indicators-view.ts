import { html } from 'lit';
import type { PonteOutputs } from '@ponte/sdk';
import { ConsoleElement, define } from './console-element.js';
import { actionLabel } from './format.js';
import { currentSchoolYear, periodDates, periodLabel, type IndicatorsQuery } from './period.js';
import './period-picker.js';
import './activity-indicators.js';
import './questionnaire-indicators.js';

type Organisation = PonteOutputs['organisations']['list'][number];

/**
 * Indicatori: what the Ambito accounts to the fund with. A period and
 * filters (period-picker.ts), then one section per kind of figure, each its
 * own element handed the query and the organisations' names; a new kind is
 * a new section file and one line in `sections()`. Chart.js is loaded only
 * when a figure is first drawn (chart-figure.ts), not with the console.
 */
export class PonteConsoleIndicators extends ConsoleElement {
  static override properties = { ...ConsoleElement.properties, query: { state: true }, organisations: { state: true }, error: { state: true } };

  private query: IndicatorsQuery = { period: currentSchoolYear(), ...periodDates(currentSchoolYear()) };
  private organisations: Organisation[] = [];
  private error = '';

  override connectedCallback(): void {
    super.connectedCallback();
    this.session.client.organisations.list
      .query()
      .then((list) => (this.organisations = list))
      .catch((error) => (this.error = this.errorText(error)));
  }

  /** The filters in words, after the period: what the figures below are of. */
  private described(): string {
    const q = this.query;
    const parts = [periodLabel(q.period)];
    if (q.action) parts.push(actionLabel(q.action));
    if (q.organisationId) parts.push(this.organisations.find((o) => o.id === q.organisationId)?.name ?? '');
    return parts.join(' · ');
  }

  private sections() {
    return html`
      <ponte-console-activity .session=${this.session} .query=${this.query} .organisations=${this.organisations}></ponte-console-activity>
      <ponte-console-questionnaire .session=${this.session} .organisations=${this.organisations}></ponte-console-questionnaire>
    `;
  }

  protected override render() {
    return html`
      <section aria-labelledby="indicators-title">
        <h2 id="indicators-title" tabindex="-1">Indicatori</h2>
        ${this.error ? html`<p class="alert" role="alert">${this.error}</p>` : null}
        <ponte-console-period-picker
          .organisations=${this.organisations}
          @ponte-period-change=${(e: CustomEvent<IndicatorsQuery>) => (this.query = e.detail)}
        ></ponte-console-period-picker>
        <p class="period-shown">Indicatori per: <strong>${this.described()}</strong></p>
        ${this.sections()}
      </section>
    `;
  }
}

define('ponte-console-indicators', PonteConsoleIndicators);
