import { html } from 'lit';
import type { PonteUser } from '@ponte/sdk';
import { ConsoleElement, define } from './console-element.js';

/**
 * E-mail and password for a token (auth.signIn), kept in sessionStorage by
 * the session. Fires `ponte-signed-in` with the person (auth.me).
 */
export class PonteConsoleSignIn extends ConsoleElement {
  static override properties = { ...ConsoleElement.properties, error: { state: true }, busy: { state: true } };

  private error = '';
  private busy = false;

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const fields = new FormData(form);
    this.busy = true;
    this.error = '';
    try {
      const user: PonteUser = await this.session.signIn(String(fields.get('email')), String(fields.get('password')));
      this.dispatchEvent(new CustomEvent('ponte-signed-in', { detail: user, bubbles: true }));
    } catch (error) {
      this.error = this.errorText(error);
      await this.updateComplete;
      this.querySelector<HTMLElement>('#sign-in-error')?.focus();
    } finally {
      this.busy = false;
    }
  }

  protected override render() {
    return html`
      <section class="card sign-in" aria-labelledby="sign-in-title">
        <h2 id="sign-in-title">Accedi</h2>
        <p>Per il personale dell'Ambito: coordinamento, mediatori, referenti delle scuole e dei servizi.</p>
        ${this.error ? html`<p id="sign-in-error" class="alert" role="alert" tabindex="-1">${this.error}</p>` : null}
        <form @submit=${this.submit}>
          <div class="field">
            <label for="sign-in-email">E-mail</label>
            <input id="sign-in-email" name="email" type="email" autocomplete="username" required />
          </div>
          <div class="field">
            <label for="sign-in-password">Password</label>
            <input id="sign-in-password" name="password" type="password" autocomplete="current-password" required />
          </div>
          <button class="btn btn-primary" type="submit" ?disabled=${this.busy}>Accedi</button>
        </form>
      </section>
    `;
  }
}

define('ponte-console-sign-in', PonteConsoleSignIn);
