import { html } from 'lit';
import type { PonteOutputs } from '@ponte/sdk';
import { ConsoleElement, define } from './console-element.js';
import { formatDateTime, inSentence, modeLabel } from './format.js';

type Appointment = PonteOutputs['scheduling']['list'][number];
type Organisation = PonteOutputs['organisations']['list'][number];

const DAY = 86_400_000;
/** How far back a report is still looked for, and how far ahead a coming session is shown. */
const LOOK_BACK_DAYS = 90;
const LOOK_AHEAD_DAYS = 2;

/**
 * The mediator's appointments still waiting for a report: those started
 * get the report form, A.2 for a school and A.4 for a service (the form
 * widgets, loaded by the page, with the appointment's id, so they file
 * through reports.file); those about to start say when they can be filed.
 */
export class PonteConsoleReportsToFile extends ConsoleElement {
  static override properties = {
    ...ConsoleElement.properties,
    pending: { state: true },
    organisations: { state: true },
    open: { state: true },
    message: { state: true },
    error: { state: true },
  };

  private pending: Appointment[] = [];
  private organisations: Organisation[] = [];
  private open: string | undefined;
  private message = '';
  private error = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  async load(): Promise<void> {
    const now = Date.now();
    const client = this.session.client;
    try {
      const [appointments, reports, organisations] = await Promise.all([
        client.scheduling.list.query({ from: new Date(now - LOOK_BACK_DAYS * DAY).toISOString(), to: new Date(now + LOOK_AHEAD_DAYS * DAY).toISOString() }),
        client.reports.list.query({ limit: 200 }),
        client.organisations.list.query(),
      ]);
      const reported = new Set(reports.map((r) => r.appointmentId));
      this.pending = appointments.filter((a) => a.status === 'scheduled' && !reported.has(a.id));
      this.organisations = organisations;
      this.error = '';
    } catch (error) {
      this.error = this.errorText(error);
    }
  }

  private async filed(): Promise<void> {
    this.open = undefined;
    this.message = 'Report inviato: la scuola o il servizio lo controfirma.';
    await this.load();
  }

  private form(a: Appointment) {
    const school = this.organisations.find((o) => o.id === a.organisationId)?.kind === 'school';
    // The form widgets are defined by the page's <script src="/widgets/…">.
    return school
      ? html`<ponte-school-report api=${this.session.api} appointment-id=${a.id} .token=${this.session.token} .organisationId=${a.organisationId} locale="it" @ponte-submitted=${this.filed}></ponte-school-report>`
      : html`<ponte-service-report api=${this.session.api} appointment-id=${a.id} .token=${this.session.token} .organisationId=${a.organisationId} locale="it" @ponte-submitted=${this.filed}></ponte-service-report>`;
  }

  private item(a: Appointment) {
    const started = Date.parse(a.startsAt) <= Date.now();
    const organisation = this.organisations.find((o) => o.id === a.organisationId)?.name ?? '';
    return html`<li>
      <p>
        <time datetime=${a.startsAt}>${formatDateTime(a.startsAt)}</time> · ${organisation} · ${inSentence(modeLabel(a.mode))}${a.caseCode ? ` · caso ${a.caseCode}` : ''}
      </p>
      ${started
        ? this.open === a.id
          ? this.form(a)
          : html`<button class="btn btn-primary" type="button" @click=${() => (this.open = a.id)}>Compila il report</button>`
        : html`<p class="hint">Potrai compilare il report dall'inizio dell'incontro.</p>`}
    </li>`;
  }

  protected override render() {
    return html`
      <section aria-labelledby="to-file-title">
        <h2 id="to-file-title">Report da compilare</h2>
        <p class="done" role="status">${this.message}</p>
        ${this.error ? html`<p class="alert" role="alert">${this.error}</p>` : null}
        <button class="btn btn-outline" type="button" @click=${() => this.load()}>Aggiorna</button>
        ${this.pending.length ? html`<ul class="to-file">${this.pending.map((a) => this.item(a))}</ul>` : html`<p>Nessun report da compilare.</p>`}
      </section>
    `;
  }
}

define('ponte-console-reports-to-file', PonteConsoleReportsToFile);
