import { html, LitElement, nothing, type TemplateResult } from 'lit';
import type { Locale } from '@ponte/forms';
import { describeError, type PonteTracking } from '@ponte/sdk';
import { emit } from '../internal/events.js';
import { formatDate, resolveLocale } from '../internal/locale.js';
import { ClientHolder } from '../internal/ponte-client.js';
import { say, statusName } from './status-messages.js';
import { styles } from './ponte-request-status.styles.js';

/**
 * @summary Finds a request by its tracking code and tells its status in words.
 *
 * `<ponte-request-status>` needs no key: whoever holds a tracking code may
 * read the status and dates of that request (never its content).
 * Attributes: `api` (server URL; default: the origin the script came from),
 * `locale` (`it` | `en`; default `<html lang>`, then `it`).
 * Methods: `submit()`, `reset()`, `reportValidity()`.
 *
 * @event ponte-error - The lookup failed. `detail`: `{ message, fieldErrors, code, httpStatus }`.
 *
 * @csspart form - The native form element.
 * @csspart field - The tracking-code field.
 * @csspart label - Its label.
 * @csspart control - Its input.
 * @csspart hint - Its hint (the code's format).
 * @csspart error - Its error message.
 * @csspart actions - The row with the button.
 * @csspart submit - The button.
 * @csspart receipt - The status found.
 *
 * @cssproperty [--ponte-color-primary=var(--bs-primary, #0066cc)] - Button and focus.
 * @cssproperty [--ponte-color-text=var(--bs-body-color, #1a1a1a)] - Text.
 * @cssproperty [--ponte-color-danger=var(--bs-danger, #cc334d)] - Errors.
 * @cssproperty [--ponte-font-family=var(--bs-body-font-family, "Titillium Web", …)] - Font (never downloaded).
 */
export class PonteRequestStatus extends LitElement {
  static override styles = styles;

  // A table rather than decorators: no widget then loads Lit's decorator code.
  static override properties = {
    api: {},
    locale: {},
    code: { state: true },
    error: { state: true },
    result: { state: true },
    busy: { state: true },
  };

  /** the Ponte server's base URL; by default the origin the script was loaded from */
  api?: string;
  /** 'it' (default) or 'en'; without it the page's `<html lang>` decides */
  locale?: string;

  private code = '';
  private error = '';
  private result: PonteTracking | undefined;
  private busy = false;

  readonly #clients = new ClientHolder(() => ({
    api: this.api,
    publishableKey: undefined,
    token: () => undefined,
    locale: () => this.#locale,
  }));

  get #locale(): Locale {
    return resolveLocale(this.locale);
  }

  /** checks that a code was typed, shows the error at the field when not */
  reportValidity(): boolean {
    this.error = this.code.trim() ? '' : say('trackingRequired', this.#locale);
    if (this.error) void this.updateComplete.then(() => this.renderRoot.querySelector('input')?.focus());
    return !this.error;
  }

  /** looks the code up and shows the status */
  async submit(): Promise<void> {
    if (!this.reportValidity() || this.busy) return;
    this.busy = true;
    this.result = undefined;
    try {
      this.result = await this.#clients.client.submissions.track.query({ trackingCode: this.code.trim() });
    } catch (err) {
      const description = describeError(err, this.#locale);
      emit(this, 'ponte-error', description);
      this.error = Object.values(description.fieldErrors)[0] ?? description.message;
      await this.updateComplete;
      this.renderRoot.querySelector('input')?.focus();
    } finally {
      this.busy = false;
    }
  }

  reset(): void {
    this.code = '';
    this.error = '';
    this.result = undefined;
  }

  protected override render(): TemplateResult {
    const locale = this.#locale;
    this.lang = locale;
    const describedBy = this.error ? 'code-hint code-error' : 'code-hint';
    return html`<form
      part="form"
      novalidate
      aria-labelledby="status-title"
      aria-busy=${this.busy ? 'true' : 'false'}
      @submit=${(e: Event) => {
        e.preventDefault();
        void this.submit();
      }}
    >
      <h2 id="status-title">${say('statusHeading', locale)}</h2>
      <div class="field" part="field">
        <label for="code" part="label">${say('trackingCode', locale)}</label>
        <p class="hint" id="code-hint" part="hint">${say('trackingHint', locale)}</p>
        ${this.error ? html`<p class="error" id="code-error" part="error">${this.error}</p>` : nothing}
        <input
          id="code"
          part="control"
          type="text"
          autocomplete="off"
          spellcheck="false"
          autocapitalize="characters"
          maxlength="40"
          aria-required="true"
          aria-invalid=${this.error ? 'true' : 'false'}
          aria-describedby=${describedBy}
          .value=${this.code}
          @input=${(e: Event) => (this.code = (e.target as HTMLInputElement).value)}
        />
      </div>
      <div class="actions" part="actions">
        <button type="submit" part="submit" ?disabled=${this.busy}>${this.busy ? say('checking', locale) : say('check', locale)}</button>
      </div>
      <div role="status" aria-live="polite">${this.result ? this.#resultView(this.result, locale) : nothing}</div>
    </form>`;
  }

  #resultView(result: PonteTracking, locale: Locale): TemplateResult {
    return html`<dl class="result receipt values" part="receipt">
      <dt>${say('statusLabel', locale)}</dt>
      <dd class="status">${statusName(result.status, locale)}</dd>
      <dt>${say('submittedAt', locale)}</dt>
      <dd>${formatDate(result.submittedAt, locale, true)}</dd>
      <dt>${say('updatedAt', locale)}</dt>
      <dd>${formatDate(result.updatedAt, locale, true)}</dd>
      ${result.reason ? html`<dt>${say('reason', locale)}</dt><dd>${result.reason}</dd>` : nothing}
    </dl>`;
  }
}
