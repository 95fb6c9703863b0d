import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { APPOINTMENT_MODES, APPOINTMENT_MODE_LABELS, languageName, type Locale } from '@ponte/forms';
import { describeError, newIdempotencyKey, type PonteInputs, type PonteOutputs } from '@ponte/sdk';
import { emit } from '../internal/events.js';
import { formatDate, resolveLocale } from '../internal/locale.js';
import { ClientHolder } from '../internal/ponte-client.js';
import { addDays, dayLabel, localToday } from './local-dates.js';
import { say } from './booking-messages.js';
import { chip, field, valueOf } from './booking-fields.js';
import { styles } from './ponte-booking.styles.js';

type Mode = PonteInputs['scheduling']['book']['mode'];
type Action = PonteInputs['scheduling']['book']['action'];
type OfferedLanguage = PonteOutputs['scheduling']['languages']['languages'][number];
type FreeSlots = PonteOutputs['scheduling']['freeSlots'];
type Slot = FreeSlots['days'][number]['slots'][number];
type Appointment = PonteOutputs['scheduling']['book']['appointments'][number];

/** "arabo marocchino (Darija)" */
const languageLabel = (code: string, varieties: readonly string[], locale: Locale) =>
  `${languageName(code, locale)}${varieties.length ? ` (${varieties.join(', ')})` : ''}`;

const DURATIONS = [30, 60, 90, 120] as const;

/**
 * @summary Finds a free mediator for a language and books the time chosen.
 *
 * `<ponte-booking>` is for a municipal portal or a staff page: pick a
 * language (and variety), see the free times of the coming weeks day by day,
 * pick one, confirm; the answer is a confirmation and an "add to calendar"
 * .ics. The server books for the key's organisation, within the hours granted
 * to it; a coordinator (staff token) sets `organisation-id`.
 * Attributes: `api`, `publishable-key`, `locale` (`it` | `en`), `action`
 * (`1`, `2` or `4`, the plan's AZIONE whose hours are used; default `2`),
 * `weeks` (weeks shown at a time; default 1), `organisation-id` (staff only).
 * Property: `token` (a staff bearer token).
 * Methods: `search()`, `reset()`, `reportValidity()`.
 *
 * @event ponte-booked - An appointment was booked. `detail`: the appointment (id, start, end, mode…).
 * @event ponte-error - A call failed. `detail`: `{ message, fieldErrors, code, httpStatus }`.
 *
 * @csspart search - The form with language, mode and length.
 * @csspart slots - The free times, day by day.
 * @csspart confirm - The confirmation step.
 * @csspart receipt - The booking confirmed.
 * @csspart download - The "add to calendar" link.
 *
 * @cssproperty [--ponte-color-primary=var(--bs-primary, #0066cc)] - Buttons, chosen time and focus.
 * @cssproperty [--ponte-color-text=var(--bs-body-color, #1a1a1a)] - Text.
 * @cssproperty [--ponte-color-danger=var(--bs-danger, #cc334d)] - Errors.
 * @cssproperty [--ponte-font-family=var(--bs-body-font-family, "Titillium Web", …)] - Font (never downloaded).
 */
export class PonteBooking extends LitElement {
  static override styles = styles;

  // A table rather than decorators: no widget then loads Lit's decorator code.
  static override properties = {
    api: {},
    publishableKey: { attribute: 'publishable-key' },
    token: { attribute: false },
    organisationId: { attribute: 'organisation-id' },
    locale: {},
    action: {},
    weeks: { type: Number },
    ...Object.fromEntries(
      ['languages', 'language', 'variety', 'mode', 'duration', 'from', 'found', 'chosen', 'place', 'caseCode', 'booked', 'busy', 'errors'].map((name) => [name, { state: true }]),
    ),
  };

  /** the Ponte server's base URL; by default the origin the script was loaded from */
  api?: string;
  /** the organisation's publishable key (`pk_…`) */
  publishableKey?: string;
  /** a staff bearer token (`pt_…`), for a coordinator's or a referent's page */
  token?: string;
  /** staff only: the organisation booked for (a coordinator must say which) */
  organisationId?: string;
  /** 'it' (default) or 'en'; without it the page's `<html lang>` decides */
  locale?: string;
  /** the plan's AZIONE whose hours the booking uses */
  action: Action = '2';
  /** how many weeks of free times are shown at a time */
  weeks = 1;

  private languages: OfferedLanguage[] | undefined;
  private language = '';
  private variety = '';
  private mode: Mode = 'in_person';
  private duration = 60;
  private from = localToday();
  private found: FreeSlots | undefined;
  private chosen: Slot | undefined;
  private place = '';
  private caseCode = '';
  /** the appointment booked, when it is in words (the tenant's wall-clock), and its .ics */
  private booked: { appointment: Appointment; when: string; ics: { filename: string; content: string } | undefined } | undefined;
  private busy = false;
  /** field → message, '' for the widget as a whole */
  private errors: Record<string, string> = {};

  /** the idempotency key of each booking tried, by its content */
  readonly #keys = new Map<string, string>();

  readonly #clients = new ClientHolder(() => ({
    api: this.api,
    publishableKey: this.publishableKey,
    token: () => this.token,
    locale: () => this.#locale,
  }));

  get #locale(): Locale {
    return resolveLocale(this.locale);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#loadLanguages();
  }

  async #loadLanguages(): Promise<void> {
    try {
      this.languages = (await this.#clients.client.scheduling.languages.query()).languages;
      if (this.languages.length === 1) this.language = this.languages[0]!.code;
    } catch (err) {
      this.languages = [];
      this.#fail(err);
    }
  }

  /** checks that a language is chosen, shows the error at the field when not */
  reportValidity(): boolean {
    if (this.language) return true;
    this.errors = { language: say('languageRequired', this.#locale) };
    void this.#focus('#language');
    return false;
  }

  /** looks for free times from the first day shown, for the weeks shown */
  async search(): Promise<void> {
    if (this.busy || !this.reportValidity()) return;
    this.busy = true;
    this.errors = {};
    this.chosen = undefined;
    try {
      this.found = await this.#clients.client.scheduling.freeSlots.query({
        language: this.language,
        ...(this.variety ? { variety: this.variety } : {}),
        from: this.from,
        to: addDays(this.from, this.weeks * 7 - 1),
        durationMinutes: this.duration,
        mode: this.mode,
      });
      await this.#focus('#slots-title');
    } catch (err) {
      this.found = undefined;
      this.#fail(err);
    } finally {
      this.busy = false;
    }
  }

  /** back to an empty search, keeping the languages */
  reset(): void {
    this.found = undefined;
    this.chosen = undefined;
    this.booked = undefined;
    this.place = '';
    this.caseCode = '';
    this.errors = {};
    this.from = localToday();
    this.#keys.clear();
  }

  /**
   * Books the chosen time with one of the mediators free then. Another page
   * may have taken that mediator meanwhile: the next one free is tried, and
   * when none is left the free times are looked up again.
   */
  async #book(): Promise<void> {
    const slot = this.chosen;
    if (!slot || this.busy) return;
    if (this.mode === 'in_person' && !this.place.trim()) {
      this.errors = { place: say('placeRequired', this.#locale) };
      await this.#focus('#place');
      return;
    }
    const locale = this.#locale;
    this.busy = true;
    this.errors = {};
    try {
      const appointment = await this.#bookWithAnyOf(slot);
      if (!appointment) {
        this.busy = false;
        await this.search();
        this.errors = { '': say('slotTaken', locale) };
        await this.#focus('#alert');
        return;
      }
      const ics = await this.#clients.client.scheduling.calendarFile.query({ id: appointment.id }).catch(() => undefined);
      this.booked = { appointment, when: this.#when(slot, locale), ics };
      emit(this, 'ponte-booked', appointment);
      await this.#focus('#booked-title');
    } catch (err) {
      this.#fail(err);
    } finally {
      this.busy = false;
    }
  }

  async #bookWithAnyOf(slot: Slot): Promise<Appointment | undefined> {
    for (const mediatorId of slot.mediatorIds) {
      const booking = {
        mediatorId,
        action: this.action,
        start: slot.start,
        durationMinutes: this.duration,
        mode: this.mode,
        ...(this.token && this.organisationId ? { organisationId: this.organisationId } : {}),
        ...(this.mode === 'in_person' ? { place: this.place.trim() } : {}),
        ...(this.caseCode.trim() ? { caseCode: this.caseCode.trim().toUpperCase() } : {}),
      };
      // One key per booking tried: when an answer is lost and the person
      // confirms again, the same booking is sent with the same key and the
      // server answers what it booked, rather than this widget booking a
      // second mediator after a CONFLICT with its own first booking.
      const signature = JSON.stringify(booking);
      const idempotencyKey = this.#keys.get(signature) ?? newIdempotencyKey();
      this.#keys.set(signature, idempotencyKey);
      try {
        const result = await this.#clients.client.scheduling.book.mutate({ ...booking, idempotencyKey });
        return result.appointments[0];
      } catch (err) {
        if (describeError(err, this.#locale).code !== 'CONFLICT') throw err;
      }
    }
    return undefined;
  }

  #fail(err: unknown): void {
    const description = describeError(err, this.#locale);
    emit(this, 'ponte-error', description);
    const fields = Object.entries(description.fieldErrors).filter(([path]) => path === 'place' || path === 'caseCode');
    this.errors = fields.length ? Object.fromEntries(fields) : { '': description.message };
    void this.#focus(fields.length ? `#${fields[0]![0]}` : '#alert');
  }

  async #focus(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  #page(weeks: number): void {
    const next = addDays(this.from, weeks * 7);
    const today = localToday();
    this.from = next < today ? today : next;
    void this.search();
  }

  protected override render(): TemplateResult {
    const locale = this.#locale;
    this.lang = locale;
    return html`<h2>${say('heading', locale)}</h2>
      ${this.errors[''] ? html`<div id="alert" class="error-box" role="alert" tabindex="-1">${this.errors['']}</div>` : nothing}
      ${this.booked ? this.#bookedView(this.booked, locale) : html`${this.#searchView(locale)}${this.#slotsView(locale)}${this.#confirmView(locale)}`}`;
  }

  #searchView(locale: Locale): TemplateResult {
    const languages = this.languages;
    if (!languages) return html`<p role="status">${say('loadingLanguages', locale)}</p>`;
    if (languages.length === 0 && !this.errors['']) return html`<p role="status">${say('noLanguages', locale)}</p>`;
    const varieties = languages.find((l) => l.code === this.language)?.varieties ?? [];
    return html`<form
      part="search"
      novalidate
      aria-labelledby="search-title"
      @submit=${(e: Event) => {
        e.preventDefault();
        this.from = localToday();
        void this.search();
      }}
    >
      <p id="search-title" class="hint">${say('intro', locale)}</p>
      <div class="row">
        ${field(
          'language',
          say('language', locale),
          (describedBy, invalid) => html`<select
            id="language"
            aria-required="true"
            aria-invalid=${invalid}
            aria-describedby=${describedBy}
            @change=${(e: Event) => {
              this.language = valueOf(e);
              this.variety = '';
              this.found = undefined;
              this.errors = {};
            }}
          >
            <option value="" ?selected=${!this.language}>${say('chooseLanguage', locale)}</option>
            ${languages
              // The varieties in the name too: an operator looks for "Darija", and
              // a browser may know no name for a rarer code such as ary.
              .map((l) => ({ code: l.code, name: languageLabel(l.code, l.varieties, locale) }))
              .sort((a, b) => a.name.localeCompare(b.name, locale))
              .map((l) => html`<option value=${l.code} ?selected=${l.code === this.language}>${l.name}</option>`)}
          </select>`,
          { error: this.errors['language'] },
        )}
        ${varieties.length
          ? field(
              'variety',
              say('variety', locale),
              () => html`<select id="variety" @change=${(e: Event) => (this.variety = valueOf(e))}>
                <option value="" ?selected=${!this.variety}>${say('anyVariety', locale)}</option>
                ${varieties.map((v) => html`<option ?selected=${v === this.variety}>${v}</option>`)}
              </select>`,
            )
          : nothing}
        ${field(
          'duration',
          say('duration', locale),
          () => html`<select id="duration" @change=${(e: Event) => (this.duration = Number(valueOf(e)))}>
            ${DURATIONS.map((n) => html`<option value=${n} ?selected=${n === this.duration}>${say('minutes', locale, { n })}</option>`)}
          </select>`,
        )}
      </div>
      <fieldset>
        <legend>${say('mode', locale)}</legend>
        <div class="choices">${APPOINTMENT_MODES.map((m) => chip('mode', m, m === this.mode, APPOINTMENT_MODE_LABELS[m][locale], () => (this.mode = m)))}</div>
      </fieldset>
      <div class="actions">
        <button type="submit" ?disabled=${this.busy}>${this.busy && !this.chosen ? say('searching', locale) : say('search', locale)}</button>
      </div>
    </form>`;
  }

  #slotsView(locale: Locale): TemplateResult | typeof nothing {
    const found = this.found;
    if (!found) return nothing;
    const to = addDays(this.from, this.weeks * 7 - 1);
    return html`<section part="slots" aria-labelledby="slots-title" aria-busy=${this.busy ? 'true' : 'false'}>
      <div>
        <h3 id="slots-title" tabindex="-1">${say('freeTimes', locale)}</h3>
        <p class="hint">${say('range', locale, { from: formatDate(this.from, locale), to: formatDate(to, locale) })}</p>
      </div>
      ${found.days.length === 0
        ? html`<p>${say('noSlots', locale)}</p>`
        : html`<ul class="days">
            ${found.days.map(
              (day) => html`<li>
                <fieldset class="day">
                  <legend>${dayLabel(day.date, locale)}</legend>
                  <div class="choices">
                    ${day.slots.map((slot) => chip('slot', slot.start, slot.start === this.chosen?.start, slot.localTime, () => (this.chosen = slot)))}
                  </div>
                </fieldset>
              </li>`,
            )}
          </ul>`}
      <div class="pager">
        <button type="button" class="secondary" ?disabled=${this.busy || this.from <= localToday()} @click=${() => this.#page(-this.weeks)}>
          ${say('earlier', locale)}
        </button>
        <button type="button" class="secondary" ?disabled=${this.busy} @click=${() => this.#page(this.weeks)}>${say('later', locale)}</button>
      </div>
    </section>`;
  }

  #confirmView(locale: Locale): TemplateResult | typeof nothing {
    const slot = this.chosen;
    if (!slot || !this.found) return nothing;
    return html`<form
      part="confirm"
      novalidate
      aria-labelledby="confirm-title"
      @submit=${(e: Event) => {
        e.preventDefault();
        void this.#book();
      }}
    >
      <h3 id="confirm-title">${say('confirmHeading', locale)}</h3>
      <dl class="values">
        <dt>${say('when', locale)}</dt>
        <dd>${this.#when(slot, locale)}</dd>
        <dt>${say('language', locale)}</dt>
        <dd>${this.#languageChosen(locale)}</dd>
        <dt>${say('mode', locale)}</dt>
        <dd>${APPOINTMENT_MODE_LABELS[this.mode][locale]}</dd>
      </dl>
      ${this.mode === 'in_person'
        ? field(
            'place',
            say('place', locale),
            (describedBy, invalid) => html`<input
              id="place"
              autocomplete="street-address"
              maxlength="200"
              aria-required="true"
              aria-invalid=${invalid}
              aria-describedby=${describedBy}
              .value=${this.place}
              @input=${(e: Event) => (this.place = valueOf(e))}
            />`,
            { hint: say('placeHint', locale), error: this.errors['place'] },
          )
        : nothing}
      ${field(
        'caseCode',
        say('caseCode', locale),
        (describedBy, invalid) => html`<input
          id="caseCode"
          autocomplete="off"
          spellcheck="false"
          autocapitalize="characters"
          maxlength="40"
          aria-invalid=${invalid}
          aria-describedby=${describedBy}
          .value=${this.caseCode}
          @input=${(e: Event) => (this.caseCode = valueOf(e))}
        />`,
        { hint: say('caseCodeHint', locale), error: this.errors['caseCode'] },
      )}
      <div class="actions">
        <button type="submit" ?disabled=${this.busy}>${this.busy ? say('booking', locale) : say('confirm', locale)}</button>
      </div>
    </form>`;
  }

  /** the language and the variety asked for, or the varieties on offer when any will do */
  #languageChosen(locale: Locale): string {
    const offered = this.languages?.find((l) => l.code === this.language)?.varieties ?? [];
    return languageLabel(this.language, this.variety ? [this.variety] : offered, locale);
  }

  /** "lunedì 11 gennaio, 10:00 (60 minuti)": the slot's local day and time as the server gave them */
  #when(slot: Slot, locale: Locale): string {
    const day = this.found?.days.find((d) => d.slots.includes(slot));
    return `${day ? `${dayLabel(day.date, locale)}, ` : ''}${slot.localTime} (${say('minutes', locale, { n: this.duration })})`;
  }

  #bookedView({ appointment: a, when, ics }: NonNullable<PonteBooking['booked']>, locale: Locale): TemplateResult {
    return html`<section part="receipt" class="receipt" aria-labelledby="booked-title">
      <h3 id="booked-title" tabindex="-1">${say('bookedHeading', locale)}</h3>
      <dl class="values">
        <dt>${say('when', locale)}</dt>
        <dd>${when}</dd>
        <dt>${say('language', locale)}</dt>
        <dd>${this.#languageChosen(locale)}</dd>
        <dt>${say('mode', locale)}</dt>
        <dd>${APPOINTMENT_MODE_LABELS[a.mode][locale]}</dd>
        ${a.place ? html`<dt>${say('place', locale)}</dt><dd>${a.place}</dd>` : nothing}
        ${a.caseCode ? html`<dt>${say('caseCode', locale)}</dt><dd>${a.caseCode}</dd>` : nothing}
        <dt>${say('reference', locale)}</dt>
        <dd>${a.id.slice(0, 8).toUpperCase()}</dd>
      </dl>
      <div class="actions">
        ${ics
          ? html`<a part="download" class="download" download=${ics.filename} href=${`data:text/calendar;charset=utf-8,${encodeURIComponent(ics.content)}`}
              >${say('addToCalendar', locale)}</a
            >`
          : nothing}
        <button type="button" class="secondary" @click=${() => this.reset()}>${say('bookAnother', locale)}</button>
      </div>
    </section>`;
  }
}
