import { html } from 'lit';
import type { PonteOutputs } from '@ponte/sdk';
import { ConsoleElement, define } from './console-element.js';

type Mediator = PonteOutputs['mediators']['list'][number];

/** How many calendars side by side stay readable; the coordinator picks which. */
const SHOWN_AT_FIRST = 3;

/**
 * The calendars of several mediators side by side: the calendar widget
 * (`<ponte-mediator-calendar>`, loaded by the page from /widgets/) with the
 * mediators the coordinator ticks.
 */
export class PonteConsoleCalendars extends ConsoleElement {
  static override properties = { ...ConsoleElement.properties, mediators: { state: true }, chosen: { state: true }, error: { state: true } };

  private mediators: Mediator[] = [];
  private chosen: string[] = [];
  private error = '';

  override connectedCallback(): void {
    super.connectedCallback();
    this.session.client.mediators.list
      .query({})
      .then((list) => {
        this.mediators = list;
        this.chosen = list.slice(0, SHOWN_AT_FIRST).map((m) => m.id);
      })
      .catch((error) => (this.error = this.errorText(error)));
  }

  private toggle(id: string, on: boolean): void {
    this.chosen = on ? [...this.chosen, id] : this.chosen.filter((c) => c !== id);
  }

  protected override render() {
    return html`
      <section aria-labelledby="calendars-title">
        <h2 id="calendars-title" tabindex="-1">Calendari dei mediatori</h2>
        ${this.error ? html`<p class="alert" role="alert">${this.error}</p>` : null}
        <fieldset class="choices">
          <legend>Mediatori da mostrare</legend>
          ${this.mediators.map(
            (m) => html`<label class="check">
              <input type="checkbox" .checked=${this.chosen.includes(m.id)} @change=${(e: Event) => this.toggle(m.id, (e.target as HTMLInputElement).checked)} />
              ${m.displayName}
            </label>`,
          )}
        </fieldset>
        ${this.chosen.length
          ? html`<ponte-mediator-calendar api=${this.session.api} .token=${this.session.token} mediator-ids=${this.chosen.join(',')} view="week" lang="it"></ponte-mediator-calendar>`
          : html`<p>Scegli almeno un mediatore.</p>`}
      </section>
    `;
  }
}

define('ponte-console-calendars', PonteConsoleCalendars);
