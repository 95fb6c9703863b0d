import { html } from 'lit';
import type { PonteUser } from '@ponte/sdk';
import { ConsoleElement, define } from './console-element.js';
import './request-queue.js';
import './request-detail.js';
import './mediator-calendars.js';
import './budget-table.js';

type Section = 'requests' | 'calendars' | 'budgets' | 'indicators';

const SECTIONS: [Section, string][] = [
  ['requests', 'Richieste'],
  ['calendars', 'Calendari dei mediatori'],
  ['budgets', 'Monte ore'],
  ['indicators', 'Indicatori'],
];

/** The coordinator's console: the request queue and a request's detail, the mediators' calendars, the budgets, the indicators. */
export class PonteConsoleCoordinator extends ConsoleElement {
  static override properties = {
    ...ConsoleElement.properties,
    user: { attribute: false },
    section: { state: true },
    requestId: { state: true },
    unavailable: { state: true },
  };

  user!: PonteUser;
  private section: Section = 'requests';
  private requestId: string | undefined;
  private unavailable = '';

  private async show(section: Section, requestId?: string): Promise<void> {
    // Indicatori (and, from it, Chart.js) is fetched when first opened: the console's other views, and
    // its other roles, never load it (examples/console/README.md).
    this.unavailable = '';
    if (section === 'indicators') {
      await import('./indicators-view.js').catch(() => (this.unavailable = 'Gli indicatori non si sono potuti caricare: riprova.'));
    }
    this.section = section;
    this.requestId = requestId;
    await this.updateComplete;
    // Focus to the new view's heading, so a screen reader hears where it is.
    this.querySelector<HTMLElement>('.view h2')?.focus();
  }

  private view() {
    if (this.section === 'calendars') return html`<ponte-console-calendars .session=${this.session}></ponte-console-calendars>`;
    if (this.section === 'budgets') return html`<ponte-console-budgets .session=${this.session}></ponte-console-budgets>`;
    if (this.section === 'indicators') {
      return this.unavailable
        ? html`<h2 tabindex="-1">Indicatori</h2>
            <p class="alert" role="alert">${this.unavailable}</p>`
        : html`<ponte-console-indicators .session=${this.session}></ponte-console-indicators>`;
    }
    if (this.requestId) {
      return html`<ponte-console-request
        .session=${this.session}
        .requestId=${this.requestId}
        @ponte-back=${() => this.show('requests')}
      ></ponte-console-request>`;
    }
    return html`<ponte-console-queue
      .session=${this.session}
      @ponte-request-open=${(e: CustomEvent<string>) => this.show('requests', e.detail)}
    ></ponte-console-queue>`;
  }

  protected override render() {
    return html`
      <nav class="tabs" aria-label="Sezioni della console">
        <ul>
          ${SECTIONS.map(
            ([id, label]) => html`<li>
              <button type="button" aria-current=${this.section === id ? 'page' : 'false'} @click=${() => this.show(id)}>${label}</button>
            </li>`,
          )}
        </ul>
      </nav>
      <div class="view">${this.view()}</div>
    `;
  }
}

define('ponte-console-coordinator', PonteConsoleCoordinator);
