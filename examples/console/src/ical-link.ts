import { html } from 'lit';
import type { PonteOutputs } from '@ponte/sdk';
import { ConsoleElement, define } from './console-element.js';
import { formatDateTime } from './format.js';

type Feed = PonteOutputs['calendarFeeds']['list'][number];

/**
 * The mediator's iCal link (calendarFeeds.list / rotate): a secret URL their
 * calendar app subscribes to. The server keeps only its hash, so the URL is
 * shown once, when made; making a new one retires the old.
 */
export class PonteConsoleIcalLink extends ConsoleElement {
  static override properties = { ...ConsoleElement.properties, live: { state: true }, url: { state: true }, message: { state: true }, error: { state: true } };

  private live: Feed | undefined;
  private url = '';
  private message = '';
  private error = '';

  override connectedCallback(): void {
    super.connectedCallback();
    this.session.client.calendarFeeds.list
      .query()
      .then((feeds) => (this.live = feeds.find((f) => f.ownerKind === 'mediator' && !f.revokedAt)))
      .catch((error) => (this.error = this.errorText(error)));
  }

  private async rotate(): Promise<void> {
    this.error = '';
    try {
      const feed = await this.session.client.calendarFeeds.rotate.mutate({ ownerKind: 'mediator' });
      this.url = feed.url;
      this.live = undefined;
      this.message = 'Nuovo indirizzo creato: il precedente non funziona più.';
      await this.updateComplete;
      this.querySelector<HTMLInputElement>('#ical-url')?.select();
    } catch (error) {
      this.error = this.errorText(error);
    }
  }

  private async copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(this.url);
      this.message = 'Indirizzo copiato.';
    } catch {
      // Without clipboard permission the text is selected, for Ctrl+C.
      this.querySelector<HTMLInputElement>('#ical-url')?.select();
      this.message = 'Copia non riuscita: l’indirizzo è selezionato, premi Ctrl+C.';
    }
  }

  protected override render() {
    return html`
      <section class="card" aria-labelledby="ical-title">
        <h3 id="ical-title">Il tuo calendario nell'app (iCal)</h3>
        <p>Aggiungi questo indirizzo segreto al calendario del telefono o del computer: gli appuntamenti si aggiornano da soli. Non condividerlo.</p>
        ${this.live && !this.url ? html`<p>Hai un indirizzo attivo, creato il ${formatDateTime(this.live.createdAt)}. Per vederlo di nuovo creane uno nuovo.</p>` : null}
        ${this.error ? html`<p class="alert" role="alert">${this.error}</p>` : null}
        ${this.url
          ? html`<div class="field copy-row">
              <label for="ical-url">Indirizzo del calendario</label>
              <input id="ical-url" type="text" readonly .value=${this.url} />
              <button class="btn btn-outline" type="button" @click=${this.copy}>Copia</button>
            </div>`
          : null}
        <p class="done" role="status">${this.message}</p>
        <button class="btn btn-primary" type="button" @click=${this.rotate}>${this.live || this.url ? 'Crea un nuovo indirizzo' : 'Crea l’indirizzo'}</button>
      </section>
    `;
  }
}

define('ponte-console-ical-link', PonteConsoleIcalLink);
