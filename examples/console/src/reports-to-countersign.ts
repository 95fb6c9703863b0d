import { html } from 'lit';
import { formMeaning, roleValue } from '@ponte/forms';
import type { PonteOutputs } from '@ponte/sdk';
import { ConsoleElement, define } from './console-element.js';
import { appointmentStatusLabel, formatDateTime } from './format.js';

type ReportSummary = PonteOutputs['reports']['list'][number];
type Report = PonteOutputs['reports']['get'];

/**
 * What of a report the referent reads before signing, as label and value:
 * the fields its form's meaning (@ponte/forms) names for the session, its
 * outcome in Ponte's words, and the mediator's account.
 */
function shown(r: Report): [string, unknown][] {
  const meaning = formMeaning(r.formId, r.formVersion);
  if (meaning?.kind !== 'report') return [];
  const data = r.data ?? {};
  const outcome = roleValue(meaning.status, data);
  const pairs: [string, unknown][] = [
    ['Data', data[meaning.session.date]],
    ['Inizio', data[meaning.session.start]],
    ['Fine', data[meaning.session.end]],
    ['Esito', outcome && appointmentStatusLabel(outcome)],
    ['Descrizione', data[meaning.description]],
    ['Risultati', data[meaning.outcomeNotes]],
  ];
  return pairs.filter(([, value]) => value !== undefined);
}

/**
 * The reports filed for the referent's organisation, to countersign
 * (reports.list, reports.get, reports.countersign) with an optional rating.
 * Fires `ponte-countersigned`.
 */
export class PonteConsoleReportsToCountersign extends ConsoleElement {
  static override properties = { ...ConsoleElement.properties, reports: { state: true }, opened: { state: true }, message: { state: true }, error: { state: true } };

  private reports: ReportSummary[] = [];
  private opened: Report | undefined;
  private message = '';
  private error = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.reports = await this.session.client.reports.list.query({ status: 'filed', limit: 100 });
    } catch (error) {
      this.error = this.errorText(error);
    }
  }

  private async openReport(id: string): Promise<void> {
    try {
      this.opened = await this.session.client.reports.get.query({ id });
      await this.updateComplete;
      this.querySelector<HTMLElement>('#report-title')?.focus();
    } catch (error) {
      this.error = this.errorText(error);
    }
  }

  private async countersign(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const rating = String(new FormData(event.target as HTMLFormElement).get('rating') ?? '');
    this.error = '';
    try {
      await this.session.client.reports.countersign.mutate({ id: this.opened!.id, ...(rating ? { rating: Number(rating) } : {}) });
      this.opened = undefined;
      this.message = 'Report controfirmato: le ore contano come erogate.';
      await this.load();
      this.dispatchEvent(new CustomEvent('ponte-countersigned', { bubbles: true }));
    } catch (error) {
      this.error = this.errorText(error);
    }
  }

  private reportView(r: Report) {
    return html`<div class="card report">
      <h3 id="report-title" tabindex="-1">Report del ${formatDateTime(r.filedAt)}</h3>
      <dl class="facts">
        ${shown(r).map(([label, value]) => html`<dt>${label}</dt><dd>${String(value)}</dd>`)}
      </dl>
      <form class="inline-form" @submit=${this.countersign}>
        <div class="field">
          <label for="countersign-rating">Valutazione del servizio (facoltativa)</label>
          <select id="countersign-rating" name="rating">
            <option value="">Nessuna</option>
            ${[5, 4, 3, 2, 1].map((n) => html`<option value=${n}>${n} su 5</option>`)}
          </select>
        </div>
        <button class="btn btn-primary" type="submit">Controfirma</button>
      </form>
    </div>`;
  }

  protected override render() {
    return html`
      <section aria-labelledby="countersign-title">
        <h2 id="countersign-title" tabindex="-1">Report da controfirmare</h2>
        <p class="done" role="status">${this.message}</p>
        ${this.error ? html`<p class="alert" role="alert">${this.error}</p>` : null}
        ${this.reports.length
          ? html`<ul class="to-sign">
              ${this.reports.map(
                (r) => html`<li>
                  Report inviato il ${formatDateTime(r.filedAt)}
                  <button class="btn btn-outline" type="button" @click=${() => this.openReport(r.id)}>Leggi e controfirma</button>
                </li>`,
              )}
            </ul>`
          : html`<p>Nessun report da controfirmare.</p>`}
        ${this.opened ? this.reportView(this.opened) : null}
      </section>
    `;
  }
}

define('ponte-console-reports-to-countersign', PonteConsoleReportsToCountersign);
