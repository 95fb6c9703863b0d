import { html } from 'lit';
import type { PonteUser } from '@ponte/sdk';
import { ConsoleElement, define } from './console-element.js';
import { ConsoleSession } from './session.js';
import './sign-in.js';
import './coordinator-view.js';
import './mediator-view.js';
import './requester-view.js';

const ROLE_LABELS: Record<string, string> = {
  coordinator: 'coordinamento',
  admin: 'amministrazione',
  mediator: 'mediazione',
  requester: 'referente',
  clinician: 'équipe clinica',
};

/**
 * The console: sign-in, then the view of the person's role. Coordinators
 * (and admins) triage, book and watch budgets; mediators see their calendar,
 * file their reports and take their iCal link; referents countersign and
 * see their organisation's budget.
 *
 * Attribute `api`: the Ponte server (default: this page's origin).
 */
export class PonteConsole extends ConsoleElement {
  static override properties = { ...ConsoleElement.properties, api: {}, user: { state: true }, ready: { state: true } };

  api?: string;
  private user: PonteUser | undefined;
  private ready = false;

  override connectedCallback(): void {
    super.connectedCallback();
    this.session = new ConsoleSession(this.api || location.origin);
    void this.session.resume().then((user) => {
      this.user = user;
      this.ready = true;
    });
  }

  private async signOut(): Promise<void> {
    await this.session.signOut();
    this.user = undefined;
    await this.updateComplete;
    this.querySelector<HTMLElement>('#sign-in-email')?.focus();
  }

  private async signedIn(event: CustomEvent<PonteUser>): Promise<void> {
    this.user = event.detail;
    await this.updateComplete;
    this.querySelector<HTMLElement>('h2')?.focus();
  }

  private roleView(user: PonteUser) {
    switch (user.role) {
      case 'coordinator':
      case 'admin':
        return html`<ponte-console-coordinator .session=${this.session} .user=${user}></ponte-console-coordinator>`;
      case 'mediator':
        return html`<ponte-console-mediator .session=${this.session} .user=${user}></ponte-console-mediator>`;
      case 'requester':
        return html`<ponte-console-requester .session=${this.session} .user=${user}></ponte-console-requester>`;
      default:
        return html`<p class="card">Questa console non ha ancora una vista per il tuo ruolo.</p>`;
    }
  }

  protected override render() {
    if (!this.ready) return html`<p aria-busy="true">Caricamento…</p>`;
    const user = this.user;
    if (!user) return html`<ponte-console-sign-in .session=${this.session} @ponte-signed-in=${this.signedIn}></ponte-console-sign-in>`;
    return html`
      <div class="who">
        <p>Connesso come <strong>${user.displayName}</strong> (${ROLE_LABELS[user.role] ?? user.role}) · ${user.email}</p>
        <button class="btn btn-outline" type="button" @click=${this.signOut}>Esci</button>
      </div>
      ${this.roleView(user)}
    `;
  }
}

define('ponte-console', PonteConsole);
