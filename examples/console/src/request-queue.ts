import { html } from 'lit';
import { languageName, REQUEST_STATUSES, REQUEST_URGENCIES, type RequestUrgency } from '@ponte/forms';
import type { PonteOutputs } from '@ponte/sdk';
import { ConsoleElement, define } from './console-element.js';
import { formatDateTime, FORM_LABELS, inSentence, statusLabel, urgencyLabel, type RequestStatus } from './format.js';

type QueueItem = PonteOutputs['requests']['queue']['items'][number];
type Organisation = PonteOutputs['organisations']['list'][number];
interface Filters {
  status: string;
  organisationId: string;
  language: string;
  urgency: string;
}

/**
 * The request queue (requests.queue), waiting longest first, with filters
 * for status, organisation, language and urgency. Fires
 * `ponte-request-open` with a request's id.
 */
export class PonteConsoleQueue extends ConsoleElement {
  static override properties = {
    ...ConsoleElement.properties,
    items: { state: true },
    organisations: { state: true },
    languages: { state: true },
    error: { state: true },
    loading: { state: true },
  };

  private items: QueueItem[] = [];
  private organisations: Organisation[] = [];
  private languages: string[] = [];
  private error = '';
  private loading = true;
  #filters: Filters = { status: '', organisationId: '', language: '', urgency: '' };
  /** Arrows in a filter change it once per key: only the answer to the last query may be drawn. */
  #loads = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.loadChoices();
    void this.load();
  }

  private async loadChoices(): Promise<void> {
    try {
      const [organisations, offered] = await Promise.all([this.session.client.organisations.list.query(), this.session.client.scheduling.languages.query()]);
      this.organisations = organisations;
      this.languages = offered.languages.map((l) => l.code);
    } catch (error) {
      this.error = this.errorText(error);
    }
  }

  private async load(): Promise<void> {
    const load = ++this.#loads;
    this.loading = true;
    this.error = '';
    const f = this.#filters;
    try {
      const page = await this.session.client.requests.queue.query({
        ...(f.status ? { status: f.status as RequestStatus } : {}),
        ...(f.organisationId ? { organisationId: f.organisationId } : {}),
        ...(f.language ? { language: f.language } : {}),
        ...(f.urgency ? { urgency: f.urgency as RequestUrgency } : {}),
        limit: 100,
      });
      if (load !== this.#loads) return;
      this.items = page.items;
    } catch (error) {
      if (load !== this.#loads) return;
      this.error = this.errorText(error);
      this.items = [];
    }
    this.loading = false;
  }

  private filter(key: keyof Filters, event: Event): void {
    this.#filters = { ...this.#filters, [key]: (event.target as HTMLSelectElement).value };
    void this.load();
  }

  private organisationName(id: string): string {
    return this.organisations.find((o) => o.id === id)?.name ?? '—';
  }

  private open(id: string): void {
    this.dispatchEvent(new CustomEvent('ponte-request-open', { detail: id, bubbles: true }));
  }

  private select(key: keyof Filters, label: string, options: [string, string][]) {
    return html`<div class="field">
      <label for="queue-${key}">${label}</label>
      <select id="queue-${key}" @change=${(e: Event) => this.filter(key, e)}>
        <option value="">Tutte</option>
        ${options.map(([value, text]) => html`<option value=${value} ?selected=${this.#filters[key] === value}>${text}</option>`)}
      </select>
    </div>`;
  }

  /** Marked unless ordinary, the default (@ponte/forms vocabulary.ts); a request without one (A.5) reads as ordinary. */
  private urgency(r: QueueItem) {
    const urgency = r.urgency ?? REQUEST_URGENCIES[0];
    const word = inSentence(urgencyLabel(urgency));
    return urgency === REQUEST_URGENCIES[0] ? word : html`<span class="tag tag-urgent">${word}</span>`;
  }

  private row(r: QueueItem) {
    return html`<tr>
      <th scope="row"><button class="link" type="button" @click=${() => this.open(r.id)}>${r.protocol}</button></th>
      <td>${FORM_LABELS[r.formId] ?? r.formId}</td>
      <td>${this.organisationName(r.organisationId)}</td>
      <td>${r.language ? languageName(r.language, 'it') : '—'}</td>
      <td>${this.urgency(r)}</td>
      <td><span class="tag status-${r.status}">${statusLabel(r.status)}</span></td>
      <td>${formatDateTime(r.submittedAt)}</td>
    </tr>`;
  }

  protected override render() {
    const count = this.items.length;
    return html`
      <section aria-labelledby="queue-title">
        <h2 id="queue-title" tabindex="-1">Richieste</h2>
        <form class="filters" aria-label="Filtri delle richieste" @submit=${(e: Event) => e.preventDefault()}>
          ${this.select('status', 'Stato', REQUEST_STATUSES.map((s) => [s, statusLabel(s)]))}
          ${this.select('organisationId', 'Organizzazione', this.organisations.map((o) => [o.id, o.name]))}
          ${this.select('language', 'Lingua', this.languages.map((code) => [code, languageName(code, 'it')]))}
          ${this.select('urgency', 'Urgenza', REQUEST_URGENCIES.map((u) => [u, urgencyLabel(u)]))}
        </form>
        <p class="count" role="status">${this.loading ? 'Caricamento…' : count === 1 ? '1 richiesta' : `${count} richieste`}</p>
        ${this.error ? html`<p class="alert" role="alert">${this.error}</p>` : null}
        ${count > 0
          ? html`<div class="table-wrap" role="region" aria-label="Richieste in coda" tabindex="0">
              <table>
                <caption class="visually-hidden">Richieste in coda, dalla più vecchia</caption>
                <thead>
                  <tr>
                    <th scope="col">Protocollo</th>
                    <th scope="col">Modulo</th>
                    <th scope="col">Organizzazione</th>
                    <th scope="col">Lingua</th>
                    <th scope="col">Urgenza</th>
                    <th scope="col">Stato</th>
                    <th scope="col">Ricevuta</th>
                  </tr>
                </thead>
                <tbody>${this.items.map((r) => this.row(r))}</tbody>
              </table>
            </div>`
          : null}
      </section>
    `;
  }
}

define('ponte-console-queue', PonteConsoleQueue);
