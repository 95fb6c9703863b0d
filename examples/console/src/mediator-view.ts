import { html } from 'lit';
import type { PonteUser } from '@ponte/sdk';
import { ConsoleElement, define } from './console-element.js';
import './reports-to-file.js';
import './ical-link.js';

/** The mediator's console: their calendar, the reports they have to file, their iCal link. */
export class PonteConsoleMediator extends ConsoleElement {
  static override properties = { ...ConsoleElement.properties, user: { attribute: false } };

  user!: PonteUser;

  protected override render() {
    return html`
      <section aria-labelledby="my-calendar-title">
        <h2 id="my-calendar-title" tabindex="-1">Il mio calendario</h2>
        <ponte-mediator-calendar api=${this.session.api} .token=${this.session.token} view="week" lang="it"></ponte-mediator-calendar>
      </section>
      <ponte-console-reports-to-file .session=${this.session}></ponte-console-reports-to-file>
      <ponte-console-ical-link .session=${this.session}></ponte-console-ical-link>
    `;
  }
}

define('ponte-console-mediator', PonteConsoleMediator);
