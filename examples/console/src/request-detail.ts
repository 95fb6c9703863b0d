import { html } from 'lit';
import { BOOKABLE_REQUEST_STATUSES, formMeaning, languageName, type RequestMeaning } from '@ponte/forms';
import type { PonteOutputs } from '@ponte/sdk';
import { ConsoleElement, define } from './console-element.js';
import { appointmentStatusLabel, formatDateTime, FORM_LABELS, inSentence, modeLabel, statusLabel, urgencyLabel } from './format.js';
import './request-actions.js';
import './mediator-suggestions.js';

type Request = PonteOutputs['requests']['get'];

/** What of a request's content the coordinator reads first, by the role its form's meaning gives a field (@ponte/forms); the rest is in the form. */
const CONTENT_SHOWN: [(roles: RequestMeaning) => string | undefined, string][] = [
  [(m) => m.need, 'Bisogno'],
  [(m) => m.site, 'Sede'],
  [(m) => m.place, 'Luogo'],
  [(m) => m.duration, 'Durata prevista (minuti)'],
  [(m) => m.sessions, 'Incontri'],
];

/**
 * One request (requests.get): its summary, content, history and
 * appointments; the moves its status allows; once approved, the suggested
 * mediators with their booking. Fires `ponte-back` to return to the queue.
 */
export class PonteConsoleRequest extends ConsoleElement {
  static override properties = { ...ConsoleElement.properties, requestId: { attribute: false }, request: { state: true }, error: { state: true }, names: { state: true } };

  requestId!: string;
  private request: Request | undefined;
  private error = '';
  private names = new Map<string, string>();

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
    void this.session.client.mediators.list
      .query({ includeInactive: true })
      .then((list) => (this.names = new Map(list.map((m) => [m.id, m.displayName]))))
      .catch(() => undefined);
  }

  private async load(): Promise<void> {
    try {
      this.request = await this.session.client.requests.get.query({ id: this.requestId });
      this.error = '';
    } catch (error) {
      this.error = this.errorText(error);
    }
  }

  private content(r: Request) {
    const data = r.data;
    if (!data) return html`<dt>Contenuto</dt><dd>Riservato all'équipe clinica.</dd>`;
    const meaning = formMeaning(r.formId, r.formVersion);
    const roles = meaning?.kind === 'request' ? meaning : undefined;
    const shown = CONTENT_SHOWN.flatMap(([role, label]) => {
      const key = roles && role(roles);
      return key && data[key] !== undefined && data[key] !== '' ? [{ key, label }] : [];
    });
    const proposed = roles?.proposedSlots;
    const slots = proposed && Array.isArray(data[proposed]) ? (data[proposed] as { date?: string; from?: string; to?: string }[]) : [];
    return html`
      ${shown.map(({ key, label }) => html`<dt>${label}</dt><dd>${String(data[key])}</dd>`)}
      ${slots.length
        ? html`<dt>Orari proposti</dt>
            <dd><ul>${slots.map((s) => html`<li>${s.date} ${s.from}–${s.to}</li>`)}</ul></dd>`
        : null}
    `;
  }

  /** The request's status and figures, then what it asks: one list, so its columns line up. */
  private summary(r: Request) {
    return html`<dl class="facts">
      <dt>Stato</dt>
      <dd><span class="tag status-${r.status}">${statusLabel(r.status)}</span></dd>
      <dt>Modulo</dt>
      <dd>${FORM_LABELS[r.formId] ?? r.formId}</dd>
      <dt>Lingua</dt>
      <dd>${r.language ? languageName(r.language, 'it') : '—'}</dd>
      <dt>Urgenza</dt>
      <dd>${r.urgency ? urgencyLabel(r.urgency) : '—'}</dd>
      <dt>Ore autorizzate</dt>
      <dd>${r.hoursAuthorised === null ? '—' : `${r.hoursAuthorised.toLocaleString('it-IT')} h`}</dd>
      <dt>Ricevuta</dt>
      <dd>${formatDateTime(r.submittedAt)}</dd>
      ${this.content(r)}
    </dl>`;
  }

  private history(r: Request) {
    return html`<ol class="history">
      ${r.history.map((h) => html`<li><time datetime=${h.at}>${formatDateTime(h.at)}</time> — ${statusLabel(h.status)}${h.reason ? html`: ${h.reason}` : null}</li>`)}
    </ol>`;
  }

  private appointments(r: Request) {
    if (r.appointments.length === 0) return html`<p>Nessun appuntamento.</p>`;
    return html`<ul class="appointments">
      ${r.appointments.map(
        (a) => html`<li>
          <time datetime=${a.startsAt}>${formatDateTime(a.startsAt)}</time> · ${a.mediatorId ? (this.names.get(a.mediatorId) ?? 'mediatore') : 'mediatore da assegnare'} · ${inSentence(modeLabel(a.mode))} ·
          ${inSentence(appointmentStatusLabel(a.status))}
        </li>`,
      )}
    </ul>`;
  }

  protected override render() {
    const r = this.request;
    return html`
      <section aria-labelledby="request-title">
        <button class="link back" type="button" @click=${() => this.dispatchEvent(new CustomEvent('ponte-back', { bubbles: true }))}>← Torna alle richieste</button>
        <h2 id="request-title" tabindex="-1">${r ? `Richiesta ${r.protocol}` : 'Richiesta'}</h2>
        ${this.error ? html`<p class="alert" role="alert">${this.error}</p>` : null}
        ${r
          ? html`
              <div class="detail-grid">
                <div class="card">
                  <h3>Riepilogo</h3>
                  ${this.summary(r)}
                </div>
                <div class="card">
                  <h3>Azioni</h3>
                  <ponte-console-request-actions .session=${this.session} .request=${r} @ponte-request-changed=${() => this.load()}></ponte-console-request-actions>
                  <h3>Storia</h3>
                  ${this.history(r)}
                  <h3>Appuntamenti</h3>
                  ${this.appointments(r)}
                </div>
              </div>
              ${BOOKABLE_REQUEST_STATUSES.includes(r.status)
                ? html`<ponte-console-suggestions .session=${this.session} .request=${r} @ponte-request-changed=${() => this.load()}></ponte-console-suggestions>`
                : null}
            `
          : null}
      </section>
    `;
  }
}

define('ponte-console-request', PonteConsoleRequest);
