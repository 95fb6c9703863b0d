import { html } from 'lit';
import type { PonteOutputs } from '@ponte/sdk';
import { ConsoleElement, define } from './console-element.js';
import { actionLabel, formatHours } from './format.js';

type Budget = PonteOutputs['budgets']['list'][number];
type Organisation = PonteOutputs['organisations']['list'][number];

/**
 * The hour budgets (budgets.list) per organisation, action and school year:
 * hours granted, booked, delivered (countersigned reports), awaiting a
 * countersignature, and left. A referent sees their organisation's only.
 */
export class PonteConsoleBudgets extends ConsoleElement {
  static override properties = { ...ConsoleElement.properties, heading: {}, budgets: { state: true }, organisations: { state: true }, error: { state: true } };

  heading = 'Monte ore';
  private budgets: Budget[] = [];
  private organisations: Organisation[] = [];
  private error = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  async load(): Promise<void> {
    try {
      const [budgets, organisations] = await Promise.all([this.session.client.budgets.list.query({}), this.session.client.organisations.list.query()]);
      this.budgets = budgets;
      this.organisations = organisations;
    } catch (error) {
      this.error = this.errorText(error);
    }
  }

  protected override render() {
    const name = (id: string) => this.organisations.find((o) => o.id === id)?.name ?? id;
    return html`
      <section aria-labelledby="budgets-title">
        <h2 id="budgets-title" tabindex="-1">${this.heading}</h2>
        ${this.error ? html`<p class="alert" role="alert">${this.error}</p>` : null}
        <div class="table-wrap" role="region" aria-label="Monte ore per organizzazione" tabindex="0">
          <table class="budgets">
            <caption class="visually-hidden">Ore per organizzazione, azione e anno scolastico</caption>
            <thead>
              <tr>
                <th scope="col">Organizzazione</th>
                <th scope="col">Azione</th>
                <th scope="col">Anno</th>
                <th scope="col" class="num">Concesse</th>
                <th scope="col" class="num">Prenotate</th>
                <th scope="col" class="num">Erogate</th>
                <th scope="col" class="num">Da controfirmare</th>
                <th scope="col" class="num">Residue</th>
              </tr>
            </thead>
            <tbody>
              ${this.budgets.map(
                (b) => html`<tr data-organisation=${b.organisationId} data-action=${b.action} data-year=${b.schoolYear}>
                  <th scope="row">${name(b.organisationId)}</th>
                  <td>${actionLabel(b.action)}</td>
                  <td>${b.schoolYear}</td>
                  <td class="num">${formatHours(b.minutesGranted)}</td>
                  <td class="num">${formatHours(b.minutesUsed)}</td>
                  <td class="num delivered">${formatHours(b.minutesDelivered)}</td>
                  <td class="num">${formatHours(b.minutesAwaitingCountersignature)}</td>
                  <td class="num">${formatHours(b.minutesRemaining)}</td>
                </tr>`,
              )}
            </tbody>
          </table>
        </div>
      </section>
    `;
  }
}

define('ponte-console-budgets', PonteConsoleBudgets);
