import { html, LitElement, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { formMeaning, isSectionVisible, visibleFields, type FormDefinition, type FormMeaning, type Locale, type SectionDefinition } from '@ponte/forms';
import { describeError, newIdempotencyKey, type PonteErrorDescription } from '@ponte/sdk';
import type { Draft, DraftStore } from '../internal/draft-store.js';
import { emit } from '../internal/events.js';
import { resolveLocale } from '../internal/locale.js';
import { t, ui } from '../internal/ui-messages.js';
import { Combobox } from './combobox-state.js';
import type { FieldHost } from './field-host.js';
import { FormErrors } from './form-errors.js';
import { anchorOf, getPath, idFor, setPath, topKey, visibleData } from './form-paths.js';
import { initialAnswers, type Prefiller } from './initial-answers.js';
import type { Organisation } from './organisation.js';
import { styles } from './ponte-form.styles.js';
import { renderField } from './render-field.js';
import { renderDraftOffer, renderLoadState } from './render-notices.js';
import { renderReceipt, renderReview, type Sent } from './render-review.js';
import { renderErrorSummary, renderSteps } from './render-steps.js';

type Phase = 'loading' | 'failed' | 'offer' | 'fill' | 'review' | 'receipt';

/**
 * Draws a form definition step by step (Designers Italia "flussi di
 * servizio"): steps, summary ("Riepilogo"), "Conferma e invia", receipt; a
 * draft kept on the device, validation with the server's own rules. Where
 * the form comes from and where it is sent is its subclass's: PonteForm
 * fetches it by id and sends a submission, PonteReportForm files a
 * mediator's report. Their JSDoc is the elements' contract.
 */
export abstract class PonteFormStepper extends LitElement {
  static override styles = styles;

  // Declared here rather than with decorators: a table is smaller in the
  // bundle than a decorator call each (docs/architecture.md#bundles-and-budgets).
  static override properties: PropertyDeclarations = {
    locale: {},
    ...Object.fromEntries(
      ['phase', 'def', 'data', 'step', 'sending', 'errorSummary', 'sendError', 'receipt', 'organisation', 'liveMessage', 'copyMessage'].map((name) => [
        name,
        { state: true },
      ]),
    ),
  };

  /** 'it' (default) or 'en'; without it the page's `<html lang>` decides */
  locale?: string;

  protected phase: Phase = 'loading';
  protected def: FormDefinition | undefined;
  private data: Record<string, unknown> = {};
  private step = 0;
  private sending = false;
  private errorSummary: [string, string][] = [];
  /** why the form could not be fetched, or the last send failed */
  protected sendError: PonteErrorDescription | undefined;
  private receipt: Sent | undefined;
  /** the sending organisation, when the key or the staff token names one */
  protected organisation: Organisation | null = null;
  private liveMessage = '';
  private copyMessage = '';
  /** one per draft, sent with a submission so that a retry never stores a copy */
  protected idempotencyKey = newIdempotencyKey();
  /** what a bot typed into the hidden "website" field, sent as `website` */
  protected honeypot = '';

  #draft: DraftStore | undefined;
  #offered: Draft | undefined;
  #errors = new FormErrors(() => this.#revalidate());
  #prefill: Prefiller = () => ({});
  /** what the form's fields mean (@ponte/forms meaning.ts): which take the organisation's sites */
  #meaning: FormMeaning | undefined;
  #visible = new Set<string>();
  #combobox: Combobox | undefined;

  get #locale(): Locale {
    return resolveLocale(this.locale);
  }

  readonly #host: FieldHost = (() => {
    const self = this;
    return {
      get locale() {
        return self.#locale;
      },
      get organisationName() {
        return self.organisation?.name;
      },
      get combobox() {
        return (self.#combobox ??= new Combobox(
          () => self.shadowRoot,
          () => self.requestUpdate(),
          (text) => self.#announce(text),
        ));
      },
      // The organisation's sites (plessi) are offered for the form's site field, free text still allowed.
      suggestions: (path) => (this.#meaning?.kind !== 'report' && path === this.#meaning?.site && this.organisation?.sites?.map((s) => s.name)) || [],
      value: (path) => getPath(this.data, path),
      update: (path, value) => this.#update(path, value),
      leave: (path) => this.#leave(path),
      errorsAt: (path) => this.#errors.at(path),
      isVisible: (path) => this.#visible.has(path),
      addItem: (path, name) => this.#editList(path, name),
      removeItem: (path, index, name) => this.#editList(path, name, index),
      focus: (path) => this.#focusPath(path),
    };
  })();

  /** fetches the form: on a change of where it comes from, and on Retry */
  protected abstract load(): Promise<void>;
  /** sends the answers; resolves to what the server stored (`ponte-submitted`'s detail) */
  protected abstract deliver(def: FormDefinition, data: Record<string, unknown>): Promise<Sent>;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#combobox?.close();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Before drawing, so that the errors are drawn in the new language at once.
    if (changed.has('locale')) this.#revalidate();
  }

  // ---- public API ----

  /** validates everything and, when valid, sends the form as it is */
  async submit(): Promise<void> {
    if (!(await this.reportValidity())) return;
    await this.#send();
  }

  /** empties the form, forgets the draft and starts again from the first step */
  reset(): void {
    // A partly typed date reads "", as an empty answer does: controlValue would leave its segments shown.
    for (const input of this.renderRoot.querySelectorAll<HTMLInputElement>('input[type=date], input[type=time], input[type=datetime-local]')) input.value = '';
    this.#draft?.clear();
    this.idempotencyKey = newIdempotencyKey();
    this.#errors.clear();
    this.errorSummary = [];
    this.sendError = undefined;
    this.receipt = undefined;
    this.data = this.#initialData();
    this.step = 0;
    this.phase = this.def ? 'fill' : this.phase;
    this.#revalidate();
  }

  /**
   * Validates every visible field with the server's own rules and shows the
   * errors (at the fields and in the summary). Resolves to true when valid.
   */
  async reportValidity(): Promise<boolean> {
    return !!this.def && this.#check(this.def.sections);
  }

  // ---- starting ----

  /**
   * A form fetched to be filled in, from its first step; a draft of it kept
   * on this device (in `draft`) is offered back once the form is drawn.
   */
  protected fill(def: FormDefinition, organisation: Organisation | null, prefill: Prefiller, draft: DraftStore): void {
    this.def = def;
    this.organisation = organisation;
    this.#prefill = prefill;
    this.#meaning = formMeaning(def.id, def.version);
    this.#draft = draft;
    this.#offered = undefined;
    const untouched = (this.data = this.#initialData());
    this.step = 0;
    this.phase = 'fill';
    // The draft is looked for after the first paint: the browser's storage opens on its first use, which
    // can take a page's load some milliseconds, and most visitors have no draft. It is offered back while
    // the form is as it was drawn (in practice always: the offer follows the form by a frame).
    void this.updateComplete.then(() =>
      requestAnimationFrame(() =>
        setTimeout(() => {
          if (this.#draft !== draft || this.phase !== 'fill' || this.data !== untouched) return;
          this.#offered = draft.load();
          if (this.#offered) this.phase = 'offer';
        }),
      ),
    );
  }

  #initialData(): Record<string, unknown> {
    return initialAnswers(this.def, this.organisation?.id, this.#prefill(this.#meaning));
  }

  // ---- editing ----

  #update(path: string, value: unknown): void {
    this.data = setPath(this.data, path, value);
    this.#errors.changed(path);
    this.#revalidate();
    this.#saveDraft();
  }

  #saveDraft(delayMs?: number): void {
    this.#draft?.saveSoon({ data: this.data, step: this.step, idempotencyKey: this.idempotencyKey }, delayMs);
  }

  #leave(path: string): void {
    this.#errors.touch(path);
    void this.#errors.load().then(() => this.requestUpdate());
  }

  #revalidate(): void {
    if (this.def && this.#errors.validate(this.def, this.data, this.#locale)) this.requestUpdate();
  }

  /** Add (no `index`) or Remove changed a list: store it, say which item, and move focus (into the new item, or to Add) */
  async #editList(path: string, itemName: string, index?: number): Promise<void> {
    const list = getPath(this.data, path);
    const items = Array.isArray(list) ? list : [];
    const added = index === undefined;
    const n = added ? items.length : index;
    const next = added ? [...items, {}] : items.filter((_, i) => i !== index);
    this.#update(path, next.length ? next : undefined);
    this.#announce(ui(added ? 'itemAdded' : 'itemRemoved', this.#locale, { item: t('ui.itemNumber', this.#locale, { item: itemName, n: n + 1 }) }));
    await this.#focusAfterRender(added ? `#${idFor(path)}-${n} :is(input,select,textarea)` : `#${idFor(path)}-add`);
  }

  #announce(text: string): void {
    // Cleared first so that the same sentence twice is announced twice.
    this.liveMessage = '';
    requestAnimationFrame(() => (this.liveMessage = text));
  }

  // ---- steps ----

  get #sections(): SectionDefinition[] {
    const def = this.def;
    return def ? def.sections.filter((s) => isSectionVisible(def, s, this.data)) : [];
  }

  async #next(): Promise<void> {
    const section = this.#sections[this.step];
    if (!section || !(await this.#check([section]))) return;
    if (this.step + 1 < this.#sections.length) await this.#goTo(this.step + 1);
    else if (await this.reportValidity()) {
      this.phase = 'review';
      this.errorSummary = [];
      await this.#focusAfterRender('#step-heading');
    }
  }

  /**
   * From now on shows the errors of the fields of `sections`, and lists those
   * of the sections shown in the error summary; true when there are none.
   */
  async #check(sections: readonly SectionDefinition[]): Promise<boolean> {
    await this.#errors.load();
    this.#errors.attempt(sections);
    this.#revalidate();
    const shown = this.#sections;
    return this.#showSummary(this.#errors.in(sections.filter((s) => shown.includes(s))));
  }

  async #goTo(step: number): Promise<void> {
    this.phase = 'fill';
    this.step = step;
    this.errorSummary = [];
    this.#saveDraft(0);
    await this.#focusAfterRender('#step-heading');
  }

  async #focusAfterRender(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  /** shows the error summary and focuses it; answers true when there is nothing to show */
  #showSummary(errors: [string, string][]): boolean {
    this.errorSummary = errors;
    if (!errors.length) return true;
    void this.#focusAfterRender('.error-summary');
    return false;
  }

  /** an error summary link: go to the step of the field and focus it */
  async #goToError(path: string): Promise<void> {
    const anchor = (this.def && anchorOf(this.def, path)) ?? path;
    const index = this.#sections.findIndex((s) => s.fields.some((f) => f.key === topKey(anchor)));
    // The summary stays, so the remaining errors can still be followed.
    if (index >= 0 && (index !== this.step || this.phase !== 'fill')) {
      this.phase = 'fill';
      this.step = index;
    }
    await this.updateComplete;
    this.#focusPath(anchor);
  }

  #focusPath(path: string): void {
    const el = this.renderRoot.querySelector<HTMLElement>(`#${idFor(path)}`);
    const target = el?.matches('fieldset') ? el.querySelector<HTMLElement>('input,select,textarea,button') : el;
    target?.focus();
  }

  // ---- sending ----

  async #send(): Promise<void> {
    const def = this.def;
    if (!def || this.sending) return;
    const data = visibleData(def, this.data, visibleFields(def, this.data));
    if (!emit(this, 'ponte-submit', { formId: def.id, version: def.version, data }, true)) return;
    this.sending = true;
    this.sendError = undefined;
    this.errorSummary = [];
    try {
      const receipt = await this.deliver(def, data);
      this.#draft?.clear();
      this.receipt = receipt;
      this.phase = 'receipt';
      emit(this, 'ponte-submitted', receipt);
      await this.#focusAfterRender('#step-heading');
    } catch (error) {
      const description = describeError(error, this.#locale);
      emit(this, 'ponte-error', description);
      const fieldErrors = Object.entries(description.fieldErrors);
      if (fieldErrors.length) {
        this.#errors.refused(description.fieldErrors);
        this.requestUpdate();
        this.#showSummary(fieldErrors);
      } else {
        this.sendError = description;
        await this.#focusAfterRender('.send-error');
      }
    } finally {
      this.sending = false;
    }
  }

  // ---- rendering ----

  protected override render(): TemplateResult {
    const locale = this.#locale;
    this.lang = locale;
    return html`${this.#body(locale)}
      <div class="sr-only" role="status" aria-live="polite">${this.liveMessage}</div>`;
  }

  #body(locale: Locale): TemplateResult {
    const def = this.def;
    if (this.phase === 'loading' || !def) {
      return renderLoadState(this.phase === 'failed' ? (this.sendError?.message ?? '') : undefined, () => void this.load(), locale);
    }
    if (this.phase === 'receipt' && this.receipt) {
      return renderReceipt(this.receipt, locale, this.copyMessage, (said) => (this.copyMessage = said), () => this.reset());
    }
    const draft = this.#offered;
    if (this.phase === 'offer' && draft) {
      const resume = () => {
        this.data = draft.data;
        this.step = draft.step;
        this.idempotencyKey = draft.idempotencyKey;
        this.#offered = undefined;
        this.phase = 'fill';
        this.#revalidate();
        void this.#focusAfterRender('#step-heading');
      };
      const restart = () => {
        this.#offered = undefined;
        this.reset();
        void this.#focusAfterRender('#step-heading');
      };
      return renderDraftOffer(def.title[locale], draft, resume, restart, locale);
    }
    this.#visible = new Set(visibleFields(def, this.data));
    this.#errors.show(def);
    const sections = this.#sections;
    const reviewing = this.phase === 'review';
    const step = Math.min(this.step, sections.length - 1);
    const section = sections[step];
    const error = this.sendError;
    // The "website" input is a trap for bots, sent as `website`: out of
    // sight (sr-only) and hidden from assistive technology (aria-hidden).
    return html`<form
      part="form"
      novalidate
      aria-busy=${this.sending ? 'true' : 'false'}
      aria-labelledby="form-title"
      @submit=${(e: Event) => {
        e.preventDefault();
        void (reviewing ? this.#send() : this.#next());
      }}
      @focusin=${() => void this.#errors.load() /* the validator is off the way to the first field: fetched on first focus */}
    >
      <h2 id="form-title" class="title">${def.title[locale]}</h2>
      ${renderSteps(def, sections, reviewing ? sections.length : step, locale)}
      ${renderErrorSummary(def, this.errorSummary, (path) => void this.#goToError(path), locale)}
      <h3 id="step-heading" tabindex="-1">${reviewing ? t('ui.summary', locale) : section?.title[locale]}</h3>
      ${reviewing
        ? renderReview(sections, this.data, this.#visible, locale, this.organisation?.name, (i) => void this.#goTo(i))
        : html`${step === 0 ? html`<p class="hint">${def.description[locale]}</p>` : nothing}
          ${section?.description ? html`<p class="hint">${section.description[locale]}</p>` : nothing}
          ${section?.fields.map((f) => (this.#visible.has(f.key) ? renderField(f, f.key, this.#host) : nothing))}`}
      <div class="sr-only" aria-hidden="true">
        <label for="website">${ui('honeypot', locale)}</label>
        <input id="website" name="website" type="text" tabindex="-1" autocomplete="off" @input=${(e: Event) => (this.honeypot = (e.target as HTMLInputElement).value)} />
      </div>
      ${error
        ? html`<div class="send-error error-box" role="alert" tabindex="-1">
            <p>${error.message}</p>
            ${error.code === null
              ? html`<button type="button" class="secondary" ?disabled=${this.sending} @click=${() => void this.#send()}>${ui('retry', locale)}</button>`
              : nothing}
          </div>`
        : nothing}
      <div class="actions" part="actions">
        ${reviewing || step > 0
          ? html`<button type="button" class="secondary" ?disabled=${this.sending} @click=${() => void this.#goTo(reviewing ? sections.length - 1 : step - 1)}>
              ${t('ui.back', locale)}
            </button>`
          : nothing}
        <button type="submit" part="submit" ?disabled=${this.sending}>
          ${this.sending ? ui('sending', locale) : t(reviewing ? 'ui.confirmAndSend' : step + 1 < sections.length ? 'ui.next' : 'ui.summary', locale)}
        </button>
      </div>
    </form>`;
  }
}
