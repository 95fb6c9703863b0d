import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import {
  formMeaning,
  isSectionVisible,
  mediatorReportForm,
  visibleFields,
  type FieldErrors,
  type FormDefinition,
  type FormId,
  type FormMeaning,
  type Locale,
  type SectionDefinition,
  type validateSubmission,
} from '@ponte/forms';
import { describeError, newIdempotencyKey, type PonteErrorDescription } from '@ponte/sdk';
import { copyText } from '../internal/copy-text.js';
import { DraftStore, type Draft } from '../internal/draft-store.js';
import { emit } from '../internal/events.js';
import { formatDate, resolveLocale } from '../internal/locale.js';
import { ClientHolder } from '../internal/ponte-client.js';
import { t, ui } from '../internal/ui-messages.js';
import { bookedSession, type BookedSession } from './booked-session.js';
import { Combobox, loadPopover, needsPicker } from './combobox-state.js';
import type { FieldHost } from './field-host.js';
import { anchorOf, getPath, idFor, setPath, topFields, topKey, visibleData } from './form-paths.js';
import { styles } from './ponte-form.styles.js';
import { renderField } from './render-field.js';
import { renderReceipt, renderReview, type Sent } from './render-review.js';

type Phase = 'loading' | 'failed' | 'offer' | 'fill' | 'review' | 'receipt';
interface Organisation {
  id: string;
  name: string;
  mechanographicCode?: string | null;
  sites?: { name: string }[];
}


/**
 * Draws any Ponte form definition as a step-by-step form (Designers Italia
 * "flussi di servizio"): steps, summary ("Riepilogo"), "Conferma e invia",
 * receipt. The six form widgets are this element with a fixed form id.
 * A request or the questionnaire is sent (submissions.submit) with a
 * publishable key, or a staff `token`; a mediator's report (A.2, A.4) takes
 * `appointment-id` and the mediator's `token` instead, and no key: it is
 * filed against that appointment (reports.file).
 *
 * @summary A Ponte form, fetched from the server by id and rendered step by step.
 *
 * @event ponte-submit - Before sending; cancelable. `detail`: `{ formId, version, data }`.
 * @event ponte-submitted - The server stored the form. `detail`: the receipt `{ protocol, trackingCode, status, submittedAt }`; with `appointment-id`, the filed report `{ id, status, filedAt, … }`.
 * @event ponte-error - A send failed. `detail`: `describeError()` output `{ message, fieldErrors, code, httpStatus }`.
 *
 * @csspart form - The native form element.
 * @csspart steps - The step indicator (an ordered list).
 * @csspart field - One field: label, hint, error and control(s).
 * @csspart label - A field's label or legend.
 * @csspart control - An input, select or textarea.
 * @csspart hint - A field's help text.
 * @csspart error - A field's error message.
 * @csspart error-summary - The list of errors shown on Next and on send.
 * @csspart summary - The summary step listing every answer.
 * @csspart actions - The row of navigation buttons.
 * @csspart submit - The primary button (Avanti, Conferma e invia).
 * @csspart receipt - The receipt shown after sending.
 *
 * @cssproperty [--ponte-color-primary=var(--bs-primary, #0066cc)] - Buttons, focus ring, links.
 * @cssproperty [--ponte-color-text=var(--bs-body-color, #1a1a1a)] - Text.
 * @cssproperty [--ponte-color-muted=#5c6f82] - Hints and secondary text.
 * @cssproperty [--ponte-color-danger=var(--bs-danger, #cc334d)] - Errors.
 * @cssproperty [--ponte-color-success=var(--bs-success, #008055)] - The receipt.
 * @cssproperty [--ponte-color-border=#5c6f82] - Control borders.
 * @cssproperty [--ponte-color-background=var(--bs-body-bg, #fff)] - Background of controls and lists.
 * @cssproperty [--ponte-font-family=var(--bs-body-font-family, "Titillium Web", …)] - Font (never downloaded by the widget).
 * @cssproperty [--ponte-radius=var(--bs-border-radius, 4px)] - Corner radius.
 * @cssproperty [--ponte-focus-color=#ff9900] - Focus outline (Bootstrap Italia's focus colour).
 */
export class PonteForm extends LitElement {
  static override styles = styles;

  // Declared here rather than with decorators: a table is smaller in the
  // bundle than eighteen decorator calls (docs/architecture.md#bundles-and-budgets).
  static override properties = {
    formId: { attribute: 'form-id' },
    api: {},
    publishableKey: { attribute: 'publishable-key' },
    locale: {},
    formVersion: { attribute: 'form-version', type: Number },
    token: { attribute: false },
    organisationId: { attribute: false },
    appointmentId: { attribute: 'appointment-id' },
    ...Object.fromEntries(
      ['phase', 'def', 'data', 'step', 'sending', 'errorSummary', 'sendError', 'receipt', 'organisation', 'liveMessage', 'copyMessage'].map((name) => [
        name,
        { state: true },
      ]),
    ),
  };

  /** which form to draw: 'school-request', 'school-report', … */
  formId: FormId = 'school-request';
  /** the Ponte server's base URL; by default the origin the script was loaded from */
  api?: string;
  /** the organisation's publishable key (`pk_…`): requests and the questionnaire, not reports */
  publishableKey?: string;
  /** 'it' (default) or 'en'; without it the page's `<html lang>` decides */
  locale?: string;
  /** a released version of the form; the newest when absent */
  formVersion?: number;
  /** a staff bearer token (`pt_…`), for mediators' reports and staff sending */
  token?: string;
  /** staff only: the organisation a request is sent for (a coordinator sending for a school); reports take none */
  organisationId?: string;
  /**
   * A mediator's report (A.2, A.4) of one of their appointments: filed
   * against it (reports.file) rather than sent as a submission, and drawn
   * without the countersignature, which the requester adds later.
   */
  appointmentId?: string;

  private phase: Phase = 'loading';
  private def: FormDefinition | undefined;
  private data: Record<string, unknown> = {};
  private step = 0;
  private sending = false;
  private errorSummary: [string, string][] = [];
  private sendError: PonteErrorDescription | undefined;
  private receipt: Sent | undefined;
  private organisation: Organisation | null = null;
  private liveMessage = '';
  private copyMessage = '';

  #draft: DraftStore | undefined;
  #offered: Draft | undefined;
  #idempotencyKey = newIdempotencyKey();
  #honeypot = '';
  #loads = 0;
  #validator: typeof validateSubmission | undefined;
  #validatorLoading: Promise<void> | undefined;
  #clientErrors: FieldErrors = {};
  /** with `appointment-id`: the session's date and times as booked */
  #booked: Partial<BookedSession> = {};
  /** what the form's fields mean (@ponte/forms meaning.ts): which take the organisation's code and sites, or a report's session */
  #meaning: FormMeaning | undefined;
  #serverErrors: FieldErrors = {};
  #touched = new Set<string>();
  #attempted = new Set<string>();
  #shown = new Map<string, string[]>();
  #visible = new Set<string>();

  readonly #clients = new ClientHolder(() => ({
    api: this.api,
    publishableKey: this.publishableKey,
    token: () => this.token,
    locale: () => this.#locale,
  }));

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
      errorsAt: (path) => this.#shown.get(path) ?? [],
      isVisible: (path) => this.#visible.has(path),
      addItem: (path, name) => this.#addItem(path, name),
      removeItem: (path, index, name) => this.#removeItem(path, index, name),
      focus: (path) => this.#focusPath(path),
    };
  })();

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#combobox?.close();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Before drawing, so that the errors are drawn in the new language at once.
    if (changed.has('locale') && this.#validator) this.#revalidate();
  }

  protected override updated(changed: PropertyValues<this>): void {
    const sources = ['formId', 'api', 'publishableKey', 'formVersion', 'token', 'organisationId', 'appointmentId'] as const;
    if (sources.some((key) => changed.has(key))) void this.#load();
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
    this.#idempotencyKey = newIdempotencyKey();
    this.#touched.clear();
    this.#attempted.clear();
    this.#serverErrors = {};
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

  // ---- loading ----

  async #load(): Promise<void> {
    const load = ++this.#loads;
    this.phase = 'loading';
    const client = this.#clients.client;
    try {
      const [def, organisation, booked] = await Promise.all([
        client.forms.get.query({ id: this.formId, ...(this.formVersion ? { version: this.formVersion } : {}) }),
        this.#loadOrganisation().catch(() => null),
        // A prefill only: without it the mediator types the date, as on paper.
        this.appointmentId ? bookedSession(client, this.appointmentId).catch(() => ({})) : {},
      ]);
      if (load !== this.#loads) return;
      if (def.filledBy === 'mediator' && !this.appointmentId) {
        // A report is filed against its appointment (reports.file): without one it could not be sent.
        this.sendError = { message: ui('needsAppointment', this.#locale), fieldErrors: {}, code: null, httpStatus: null };
        this.phase = 'failed';
        return;
      }
      this.def = this.appointmentId ? mediatorReportForm(def) : def;
      this.organisation = organisation;
      this.#booked = booked;
      this.#meaning = formMeaning(def.id, def.version);
      const owner = this.appointmentId ?? this.publishableKey ?? this.organisationId ?? organisation?.id ?? 'staff';
      this.#draft = new DraftStore(
        DraftStore.keyFor(def.id, def.version, owner),
        // A report's draft may hold a consultation's (A.5) notes: never kept past the tab, as special-category forms.
        def.specialCategory || this.appointmentId ? () => sessionStorage : () => localStorage,
      );
      this.#offered = this.#draft.load();
      this.data = this.#initialData();
      this.step = 0;
      this.phase = this.#offered ? 'offer' : 'fill';
      this.#scheduleValidator();
    } catch (error) {
      if (load !== this.#loads) return;
      this.sendError = describeError(error, this.#locale);
      this.phase = 'failed';
    }
  }

  async #loadOrganisation(): Promise<Organisation | null> {
    const client = this.#clients.client;
    if (this.token && this.organisationId) return client.organisations.get.query({ id: this.organisationId });
    if (!this.token && !this.publishableKey) return null;
    return client.organisations.current.query();
  }

  /** prefilled answers: the sending organisation, a report's session as booked, and the minimum number of items of lists */
  #initialData(): Record<string, unknown> {
    const data: Record<string, unknown> = {};
    const m = this.#meaning;
    const b = this.#booked;
    // By the fields the form's meaning names: a report's session as booked, or the organisation's school code (both correctable).
    const prefill: Record<string, string | null | undefined> =
      m?.kind === 'report' ? { [m.session.date]: b.date, [m.session.start]: b.start, [m.session.end]: b.end } : m?.schoolCode ? { [m.schoolCode]: this.organisation?.mechanographicCode } : {};
    for (const field of this.def ? topFields(this.def) : []) {
      if (field.kind === 'organisation' && this.organisation) data[field.key] = this.organisation.id;
      if ((field.kind === 'group' || field.kind === 'timeSlots') && field.minItems) {
        data[field.key] = Array.from({ length: field.minItems }, () => ({}));
      }
      const value = Object.hasOwn(prefill, field.key) && prefill[field.key];
      if (value) data[field.key] = value;
    }
    return data;
  }

  /** on idle: the validator, and Floating UI when the form has a picker */
  #scheduleValidator(): void {
    const later = () => {
      void this.#loadValidator();
      if (this.def && needsPicker(topFields(this.def))) loadPopover().catch(() => undefined);
    };
    const idle = (globalThis as { requestIdleCallback?: (cb: () => void) => void }).requestIdleCallback;
    if (idle) idle(later);
    else setTimeout(later, 1500);
  }

  #loadValidator(): Promise<void> {
    this.#validatorLoading ??= import('../internal/validation.js').then((m) => {
      this.#validator = m.validateSubmission;
      this.#revalidate();
    });
    return this.#validatorLoading;
  }

  // ---- editing ----

  #update(path: string, value: unknown): void {
    this.data = setPath(this.data, path, value);
    for (const key of Object.keys(this.#serverErrors)) {
      if (key === path || key.startsWith(`${path}.`)) delete this.#serverErrors[key];
    }
    this.#revalidate();
    this.#saveDraft();
  }

  #saveDraft(delayMs?: number): void {
    this.#draft?.saveSoon({ data: this.data, step: this.step, idempotencyKey: this.#idempotencyKey }, delayMs);
  }

  #leave(path: string): void {
    this.#touched.add(path);
    void this.#loadValidator().then(() => this.requestUpdate());
  }

  #revalidate(): void {
    if (!this.def || !this.#validator) return;
    const result = this.#validator(this.def, this.data, this.#locale);
    this.#clientErrors = result.ok ? {} : result.fieldErrors;
    this.requestUpdate();
  }

  #addItem(path: string, itemName: string): Promise<void> {
    const items = this.#items(path);
    const focus = `#${idFor(path)}-${items.length} :is(input,select,textarea)`;
    return this.#editList(path, [...items, {}], 'itemAdded', itemName, items.length, focus);
  }

  #removeItem(path: string, index: number, itemName: string): Promise<void> {
    const items = this.#items(path).filter((_, i) => i !== index);
    return this.#editList(path, items, 'itemRemoved', itemName, index, `#${idFor(path)}-add`);
  }

  #items(path: string): unknown[] {
    const list = getPath(this.data, path);
    return Array.isArray(list) ? list : [];
  }

  /** Add or Remove changed a list: store it, say which item, and move focus (into the new item, or to Add) */
  async #editList(path: string, items: unknown[], said: 'itemAdded' | 'itemRemoved', itemName: string, index: number, focus: string): Promise<void> {
    this.#update(path, items.length ? items : undefined);
    this.#announce(ui(said, this.#locale, { item: t('ui.itemNumber', this.#locale, { item: itemName, n: index + 1 }) }));
    await this.#focusAfterRender(focus);
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
      await this.#focusHeading();
    }
  }

  /**
   * From now on shows the errors of the fields of `sections`, and lists those
   * of the sections shown in the error summary; true when there are none.
   */
  async #check(sections: readonly SectionDefinition[]): Promise<boolean> {
    await this.#loadValidator();
    for (const s of sections) for (const f of s.fields) this.#attempted.add(f.key);
    this.#revalidate();
    const shown = this.#sections;
    return this.#showSummary(this.#errorsIn(sections.filter((s) => shown.includes(s))));
  }

  /**
   * The errors of the fields of `sections` (visible or not: a hidden field
   * has no error), in form order: the order of the fields on the page,
   * whatever order the validator found them in.
   */
  #errorsIn(sections: readonly SectionDefinition[]): [string, string][] {
    const order = sections.flatMap((s) => s.fields.map((f) => f.key));
    const rank = (path: string) => order.indexOf(topKey(path));
    return Object.entries({ ...this.#clientErrors, ...this.#serverErrors })
      .filter(([path]) => rank(path) >= 0)
      .sort(([a], [b]) => rank(a) - rank(b));
  }

  #show(step: number): void {
    this.phase = 'fill';
    this.step = step;
  }

  async #goTo(step: number): Promise<void> {
    this.#show(step);
    this.errorSummary = [];
    this.#saveDraft(0);
    await this.#focusHeading();
  }

  #focusHeading(): Promise<void> {
    return this.#focusAfterRender('#step-heading');
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
    if (index >= 0 && (index !== this.step || this.phase !== 'fill')) this.#show(index);
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
      const client = this.#clients.client;
      // A report filed twice answers CONFLICT (one per appointment): no idempotency key needed.
      const receipt = this.appointmentId
        ? await client.reports.file.mutate({ appointmentId: this.appointmentId, data, version: def.version })
        : await client.submissions.submit.mutate({
            formId: def.id,
            version: def.version,
            data,
            idempotencyKey: this.#idempotencyKey,
            website: this.#honeypot,
            ...(this.token && this.organisationId ? { organisationId: this.organisationId } : {}),
          });
      this.#draft?.clear();
      this.receipt = receipt;
      this.phase = 'receipt';
      emit(this, 'ponte-submitted', receipt);
      await this.#focusHeading();
    } catch (error) {
      const description = describeError(error, this.#locale);
      emit(this, 'ponte-error', description);
      const fieldErrors = Object.entries(description.fieldErrors);
      if (fieldErrors.length) {
        this.#serverErrors = description.fieldErrors;
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

  async #copyCode(): Promise<void> {
    if (!this.receipt || !('trackingCode' in this.receipt) || !this.shadowRoot) return;
    const copied = await copyText(this.receipt.trackingCode, this.shadowRoot);
    this.copyMessage = ui(copied ? 'copied' : 'copyFailed', this.#locale);
  }

  // ---- rendering ----

  /** which errors are shown where: those of fields the user left, of steps attempted, and the server's */
  #computeShown(): void {
    this.#shown = new Map();
    const def = this.def;
    if (!def) return;
    const all = { ...this.#clientErrors, ...this.#serverErrors };
    for (const [path, message] of Object.entries(all)) {
      const anchor = anchorOf(def, path);
      if (anchor === undefined) continue;
      const show = path in this.#serverErrors || this.#attempted.has(topKey(path)) || this.#touched.has(anchor);
      if (show) this.#shown.set(anchor, [...(this.#shown.get(anchor) ?? []), message]);
    }
  }

  protected override render(): TemplateResult {
    const locale = this.#locale;
    this.lang = locale;
    return html`${this.#body(locale)}
      <div class="sr-only" role="status" aria-live="polite">${this.liveMessage}</div>`;
  }

  #body(locale: Locale): TemplateResult {
    const def = this.def;
    if (this.phase === 'loading' || !def) {
      return this.phase === 'failed'
        ? html`<div class="notice error-box" role="alert">
            <p>${ui('loadFailed', locale)} ${this.sendError?.message ?? ''}</p>
            <button type="button" @click=${() => void this.#load()}>${ui('retry', locale)}</button>
          </div>`
        : html`<p class="loading" role="status" aria-busy="true">${ui('loading', locale)}</p>`;
    }
    if (this.phase === 'receipt' && this.receipt) {
      return renderReceipt({
        receipt: this.receipt,
        locale,
        copyMessage: this.copyMessage,
        copy: () => void this.#copyCode(),
        reset: () => this.reset(),
      });
    }
    if (this.phase === 'offer' && this.#offered) return this.#offerView(locale, this.#offered);
    this.#visible = new Set(visibleFields(def, this.data));
    this.#computeShown();
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
      @focusin=${() => void this.#loadValidator()}
    >
      <h2 id="form-title" class="title">${def.title[locale]}</h2>
      ${this.#stepsView(sections, reviewing ? sections.length : step, locale)} ${this.#errorSummaryView(locale)}
      <h3 id="step-heading" tabindex="-1">${reviewing ? t('ui.summary', locale) : section?.title[locale]}</h3>
      ${reviewing
        ? renderReview({
            sections,
            data: this.data,
            visible: this.#visible,
            locale,
            organisationName: this.organisation?.name,
            edit: (i) => void this.#goTo(i),
          })
        : html`${step === 0 ? html`<p class="hint">${def.description[locale]}</p>` : nothing}
          ${section?.description ? html`<p class="hint">${section.description[locale]}</p>` : nothing}
          ${section?.fields.map((f) => (this.#visible.has(f.key) ? renderField(f, f.key, this.#host) : nothing))}`}
      <div class="sr-only" aria-hidden="true">
        <label for="website">${ui('honeypot', locale)}</label>
        <input id="website" name="website" type="text" tabindex="-1" autocomplete="off" @input=${(e: Event) => (this.#honeypot = (e.target as HTMLInputElement).value)} />
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

  #stepsView(sections: SectionDefinition[], current: number, locale: Locale): TemplateResult {
    const titles = [...sections.map((s) => s.title[locale]), t('ui.summary', locale)];
    // NOTE: axe landmark-unique: two forms on one page must not both name
    // their step list "Passi del modulo", so the name carries the form's title.
    return html`<nav aria-label="${ui('steps', locale)}: ${this.def?.title[locale]}">
      <p class="hint step-count">${ui('stepOf', locale, { n: current + 1, total: titles.length })}</p>
      <ol class="steps" part="steps">
        ${titles.map(
          (title, i) => html`<li class=${i < current ? 'done' : i === current ? 'current' : ''} aria-current=${i === current ? 'step' : nothing}>
            ${title}
          </li>`,
        )}
      </ol>
    </nav>`;
  }

  #errorSummaryView(locale: Locale): TemplateResult | typeof nothing {
    if (!this.errorSummary.length) return nothing;
    return html`<div class="error-summary" part="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
      <h3 id="error-summary-title">${t('ui.errorSummary', locale)}</h3>
      <ul>
        ${this.errorSummary.map(([path, message]) => {
          const anchor = this.def && anchorOf(this.def, path);
          return html`<li>
            ${anchor !== undefined
              ? html`<a
                  href="#${idFor(anchor)}"
                  @click=${(e: Event) => {
                    e.preventDefault();
                    void this.#goToError(path);
                  }}
                  >${message}</a
                >`
              : message}
          </li>`;
        })}
      </ul>
    </div>`;
  }

  #offerView(locale: Locale, draft: Draft): TemplateResult {
    const resume = () => {
      this.data = draft.data;
      this.step = draft.step;
      this.#idempotencyKey = draft.idempotencyKey;
      this.#offered = undefined;
      this.phase = 'fill';
      this.#revalidate();
      void this.#focusHeading();
    };
    const restart = () => {
      this.#offered = undefined;
      this.reset();
      void this.#focusHeading();
    };
    return html`<section class="notice draft" part="form" aria-labelledby="form-title">
      <h2 id="form-title" class="title">${this.def?.title[locale]}</h2>
      <p>${ui('draftFound', locale, { date: formatDate(draft.savedAt, locale, true) })}</p>
      <div class="actions" part="actions">
        <button type="button" part="submit" @click=${resume}>${ui('resume', locale)}</button>
        <button type="button" class="secondary" @click=${restart}>${ui('restart', locale)}</button>
      </div>
    </section>`;
  }
}
