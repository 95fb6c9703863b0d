import { html } from 'lit';
import type { PonteUser } from '@ponte/sdk';
import { ConsoleElement, define } from './console-element.js';
import type { PonteConsoleBudgets } from './budget-table.js';
import './budget-table.js';
import './reports-to-countersign.js';

/** A referent's console (school or service): the reports to countersign and their organisation's hours. */
export class PonteConsoleRequester extends ConsoleElement {
  static override properties = { ...ConsoleElement.properties, user: { attribute: false } };

  user!: PonteUser;

  protected override render() {
    return html`
      <ponte-console-reports-to-countersign
        .session=${this.session}
        @ponte-countersigned=${() => void this.querySelector<PonteConsoleBudgets>('ponte-console-budgets')?.load()}
      ></ponte-console-reports-to-countersign>
      <ponte-console-budgets .session=${this.session} heading="Monte ore della tua organizzazione"></ponte-console-budgets>
    `;
  }
}

define('ponte-console-requester', PonteConsoleRequester);
