import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { Locale } from '@ponte/forms';
import { describeError, type PonteClient, type PonteOutputs } from '@ponte/sdk';
import { emit } from '../internal/events.js';
import { resolveLocale } from '../internal/locale.js';
import type { Popover } from '../internal/popover.js';
import { ClientHolder } from '../internal/ponte-client.js';
import { addDays, dayLabel } from '../booking/local-dates.js';
import { details, clock, type Appointment, type DetailsContext } from './appointment-details.js';
import { availabilityEditor, type Availability, type NewException, type Rule } from './availability-editor.js';
import { countLabel, say } from './calendar-messages.js';
import { wall } from '../internal/wall-clock.js';
import { dayStart, daysFrom, isoWeekday, monthStart, weekStart } from './zone-time.js';
import { styles } from './ponte-mediator-calendar.styles.js';

type View = 'day' | 'week' | 'month' | 'agenda';
const VIEWS: readonly View[] = ['day', 'week', 'month', 'agenda'];
/** appointments written in a month cell before "+k" */
const MONTH_CELL_MAX = 3;

interface Person {
  id?: string;
  name: string;
}
interface Cell {
  label: string;
  items: Appointment[];
}

const fmt = (locale: Locale, options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
const noon = (date: string) => new Date(`${date}T12:00Z`);

/**
 * @summary A mediator's appointments by day, week or month, an agenda, and their availability.
 *
 * `<ponte-mediator-calendar>` is for staff: a mediator sees their own
 * appointments and edits their weekly hours and dated exceptions; a
 * coordinator sees the mediators named in `mediator-ids` (all, without it)
 * side by side, one row each, and edits the availability of one when only
 * one is shown. Every day and time is the tenant's wall clock (from
 * `auth.me`), whatever the browser's zone. The grid follows the WAI-ARIA
 * grid pattern: one tab stop, arrows, Home/End (Ctrl for the whole grid),
 * PageUp/PageDown for the period before/after, Enter or Space for the
 * details of a day, Escape to close them.
 * Attributes: `api`, `locale` (or `lang`; `it` | `en`), `view` (`day` |
 * `week` | `month` | `agenda`; reflected), `date` (a local day YYYY-MM-DD;
 * default today in the tenant's zone), `mediator-ids` (comma separated).
 * Property: `token` (a staff bearer token).
 *
 * @event ponte-appointment-open - The details of a day were opened. `detail`: `{ ids }`, the appointments shown.
 * @event ponte-error - A call failed. `detail`: `{ message, fieldErrors, code, httpStatus }`.
 *
 * @csspart grid - The day, week or month grid.
 * @csspart details - The details popover.
 * @csspart availability - The availability editor.
 *
 * @cssproperty [--ponte-color-primary=var(--bs-primary, #0066cc)] - Buttons, appointments and focus.
 * @cssproperty [--ponte-color-soft=#f2f7fc] - Appointments' background.
 */
export class PonteMediatorCalendar extends LitElement {
  static override styles = styles;

  static override properties = {
    api: {},
    token: { attribute: false },
    locale: {},
    view: { reflect: true },
    date: {},
    mediatorIds: { attribute: 'mediator-ids' },
    ...Object.fromEntries(
      ['me', 'mediators', 'appointments', 'availability', 'rules', 'open', 'errors', 'notice'].map((name) => [name, { state: true }]),
    ),
  };

  api?: string;
  token?: string;
  locale?: string;
  view: View = 'week';
  /** the local day shown (in the tenant's zone) */
  date?: string;
  mediatorIds?: string;

  private me: PonteOutputs['auth']['me'] | undefined;
  private mediators: PonteOutputs['mediators']['list'] = [];
  private organisations = new Map<string, string>();
  private appointments: Appointment[] = [];
  private availability: Availability | undefined;
  private rules: Rule[] = [];
  /** the day whose details are open */
  private open: Cell | undefined;
  private errors: Record<string, string> = {};
  private notice = '';
  /** the grid's focusable cell (roving tabindex): kept in range by the grid's render, so not reactive */
  #row = 0;
  #col = 0;

  #cells: Cell[][] = [];
  /** the weekly rules were edited and not saved: a move to another period keeps them */
  #rulesEdited = false;
  #popover: Popover | undefined;
  #focusCell = false;
  /** answers of an older request are dropped */
  #loads = 0;

  readonly #clients = new ClientHolder(() => ({
    api: this.api,
    publishableKey: undefined,
    token: () => this.token,
    locale: () => this.#locale,
  }));

  get #locale(): Locale {
    return resolveLocale(this.locale || this.getAttribute('lang'));
  }

  get #zone(): string {
    return this.me!.timeZone;
  }

  get #coordinator(): boolean {
    return this.me?.role === 'coordinator' || this.me?.role === 'admin';
  }

  /** one grid row each: the coordinator's choice, or the mediator themself */
  get #people(): Person[] {
    if (!this.#coordinator) return [{ name: this.me?.displayName ?? '' }];
    const ids = this.mediatorIds?.split(',').map((id) => id.trim()).filter(Boolean);
    const chosen = ids?.length ? ids.flatMap((id) => this.mediators.filter((m) => m.id === id)) : this.mediators;
    return chosen.map((m) => ({ id: m.id, name: m.displayName }));
  }

  get #editable(): boolean {
    return this.me?.role === 'mediator' || (this.#coordinator && this.#people.length === 1);
  }

  /** the first and last local day shown */
  get #range(): [string, string] {
    const d = this.date!;
    if (this.view === 'day') return [d, d];
    if (this.view === 'agenda') return [d, addDays(d, 27)];
    if (this.view === 'month') return [weekStart(monthStart(d)), addDays(weekStart(addDays(monthStart(d, 1), -1)), 6)];
    return [weekStart(d), addDays(weekStart(d), 6)];
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('token') || changed.has('api')) this.me = undefined;
  }

  protected override updated(changed: PropertyValues): void {
    if (['token', 'api', 'view', 'date', 'mediatorIds'].some((p) => changed.has(p))) void this.#load();
    if (this.#focusCell) {
      this.#focusCell = false;
      this.renderRoot.querySelector<HTMLElement>(`#c${this.#row}-${this.#col}`)?.focus();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#popover?.hide();
  }

  async #load(): Promise<void> {
    if (!this.token) return;
    const load = ++this.#loads;
    const c = this.#clients.client;
    try {
      if (!this.me) {
        const [me, organisations] = await Promise.all([c.auth.me.query(), c.organisations.list.query()]);
        const mediators = me.role === 'coordinator' || me.role === 'admin' ? await c.mediators.list.query() : [];
        // A load for a token since replaced: its answers are not this user's.
        if (load !== this.#loads) return;
        this.mediators = mediators;
        this.organisations = new Map(organisations.map((o) => [o.id, o.name]));
        this.me = me;
      }
      // Today in the tenant's zone; setting it loads again.
      if (!this.date) return void (this.date = wall(Date.now(), this.#zone).slice(0, 10));
      const [from, to] = this.#range;
      const [appointments, availability] = await Promise.all([
        c.scheduling.list.query({ from: dayStart(from, this.#zone), to: dayStart(addDays(to, 1), this.#zone) }),
        this.#editable ? this.#availability(c, from) : undefined,
      ]);
      if (load !== this.#loads) return;
      this.errors = {};
      this.appointments = appointments;
      this.#showAvailability(availability);
    } catch (err) {
      if (load === this.#loads) this.#fail(err);
    }
  }

  /** a coordinator names the mediator; a mediator's own is the default */
  get #who(): { mediatorId?: string } {
    const id = this.#coordinator ? this.#people[0]?.id : undefined;
    return id ? { mediatorId: id } : {};
  }

  #availability(c: PonteClient, fromDate: string): Promise<Availability> {
    return c.availability.get.query({ ...this.#who, fromDate });
  }

  #showAvailability(availability: Availability | undefined): void {
    const same = availability !== undefined && availability.mediatorId === this.availability?.mediatorId;
    this.availability = availability;
    if (same && this.#rulesEdited) return;
    this.#rulesEdited = false;
    this.rules = (availability?.rules ?? []).map(({ weekday, startTime, endTime, validFrom, validTo }) => ({ weekday, startTime, endTime, validFrom, validTo }));
  }

  /** an availability change, then the availability read again (the weekly rules too, once saved) */
  async #edit(change: (c: PonteClient) => Promise<unknown>, focus?: string, savesRules = false): Promise<boolean> {
    const c = this.#clients.client;
    this.errors = {};
    this.notice = '';
    try {
      await change(c);
      if (savesRules) this.#rulesEdited = false;
      this.#showAvailability(await this.#availability(c, this.#range[0]));
      this.notice = say('saved', this.#locale);
      if (focus) await this.#focus(focus);
      return true;
    } catch (err) {
      this.#fail(err);
      return false;
    }
  }

  /** shows an error at the field the server names (focus on it), else at the top */
  #fail(err: unknown): void {
    const description = describeError(err, this.#locale);
    emit(this, 'ponte-error', description);
    const fields = Object.entries(description.fieldErrors).filter(([path]) => this.renderRoot.querySelector(`[id="${path}"]`));
    this.errors = fields.length ? Object.fromEntries(fields) : { '': description.message };
    void this.#focus(fields.length ? `[id="${fields[0]![0]}"]` : '#alert');
  }

  async #focus(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  #go(step: number): void {
    this.#close();
    const d = this.date!;
    const days = { day: 1, week: 7, agenda: 28, month: 0 }[this.view] ?? 7;
    this.date = step === 0 ? wall(Date.now(), this.#zone).slice(0, 10) : days ? addDays(d, step * days) : monthStart(d, step);
  }

  #onKey(e: KeyboardEvent): void {
    if ((e.target as HTMLElement).localName !== 'td') return;
    const rows = this.#cells.length;
    const cols = this.#cells[0]?.length ?? 1;
    let [row, col] = [this.#row, this.#col];
    switch (e.key) {
      case 'ArrowRight': col++; break;
      case 'ArrowLeft': col--; break;
      case 'ArrowDown': row++; break;
      case 'ArrowUp': row--; break;
      case 'Home': col = 0; if (e.ctrlKey) row = 0; break;
      case 'End': col = cols - 1; if (e.ctrlKey) row = rows - 1; break;
      case 'PageUp': this.#go(-1); break;
      case 'PageDown': this.#go(1); break;
      case 'Enter':
      case ' ':
        e.preventDefault();
        void this.#openDetails(e.target as HTMLElement);
        return;
      default:
        return;
    }
    e.preventDefault();
    this.#moveTo(Math.max(0, Math.min(rows - 1, row)), Math.max(0, Math.min(cols - 1, col)));
  }

  #moveTo(row: number, col: number): void {
    this.#row = row;
    this.#col = col;
    this.#focusCell = true;
    this.requestUpdate();
  }

  /** the details of a day, placed next to its cell by the shared popover class (loaded on first use) */
  async #openDetails(cell: HTMLElement): Promise<void> {
    const [row, col] = cell.id.slice(1).split('-').map(Number) as [number, number];
    this.#row = row;
    this.#col = col;
    this.#close();
    this.open = this.#cells[row]?.[col];
    if (!this.open) return;
    const [{ Popover }] = await Promise.all([import('../internal/popover.js'), this.updateComplete]);
    const floating = this.renderRoot.querySelector<HTMLElement>('#details')!;
    this.#popover = new Popover(cell, floating, cell);
    this.#popover.show();
    floating.focus();
    emit(this, 'ponte-appointment-open', { ids: this.open.items.map((a) => a.id) });
  }

  #close(): void {
    this.#popover?.hide();
    this.#popover = undefined;
    this.open = undefined;
  }

  protected override render(): TemplateResult {
    const locale = this.#locale;
    this.lang = locale;
    const alert = this.errors[''] ? html`<div id="alert" class="error-box" role="alert" tabindex="-1">${this.errors['']}</div>` : nothing;
    if (!this.me || !this.date) return html`${alert}<p role="status">${alert === nothing ? say('loading', locale) : ''}</p>`;
    const zone = this.#zone;
    const people = this.#people;
    const [from, to] = this.#range;
    const ids = this.#coordinator && new Set(people.map((p) => p.id));
    const names = new Map(people.map((p) => [p.id, p.name]));
    const shown = this.appointments
      .filter((a) => !ids || ids.has(a.mediatorId ?? undefined))
      .map((a) => ({ a, day: wall(a.startsAt, zone).slice(0, 10) }));
    const context: DetailsContext = {
      locale,
      zone,
      organisations: this.organisations,
      mediatorName: (id) => (people.length > 1 ? names.get(id ?? undefined) : undefined),
    };
    const title =
      this.view === 'day'
        ? dayLabel(from, locale)
        : this.view === 'month'
          ? fmt(locale, { month: 'long', year: 'numeric' }).format(noon(this.date))
          : fmt(locale, { day: 'numeric', month: 'long', year: 'numeric' }).formatRange(noon(from), noon(to));
    return html`<div class="bar">
        <div role="group" aria-label=${say('views', locale)}>
          ${VIEWS.map((v) => html`<button type="button" class="secondary" aria-pressed=${v === this.view} @click=${() => (this.#close(), (this.view = v))}>${say(v, locale)}</button>`)}
        </div>
        <div role="group" aria-label=${say('heading', locale)}>
          ${([['previous', -1], ['today', 0], ['next', 1]] as const).map(([key, step]) => html`<button type="button" class="secondary" @click=${() => this.#go(step)}>${say(key, locale)}</button>`)}
        </div>
      </div>
      <h2 id="title" aria-live="polite">${title}</h2>
      ${alert}
      ${this.view === 'agenda' ? this.#agenda(daysFrom(from, 28), shown, context) : this.#grid(people, shown, context)}
      ${this.open
        ? html`<div id="details" part="details" class="pop" role="dialog" aria-labelledby="details-title" tabindex="-1" @focusout=${this.#focusOut}>
            <h3 id="details-title">${this.open.label}</h3>
            ${this.open.items.map((a) => details(a, context))}
            <button type="button" class="secondary" @click=${() => (this.#close(), this.#moveTo(this.#row, this.#col))}>${say('close', locale)}</button>
          </div>`
        : nothing}
      ${this.#editable && this.availability
        ? availabilityEditor({
            locale,
            availability: this.availability,
            rules: this.rules,
            errors: this.errors,
            notice: this.notice,
            changed: () => {
              this.#rulesEdited = true;
              this.requestUpdate();
            },
            saveRules: () => void this.#edit((c) => c.availability.setRules.mutate({ ...this.#who, rules: this.rules }), undefined, true),
            addException: (x: NewException, form) =>
              void this.#edit((c) => c.availability.addException.mutate({ ...this.#who, ...x })).then((done) => done && form.reset()),
            removeException: (id) => void this.#edit((c) => c.availability.removeException.mutate({ id }), '#exceptions-title'),
          })
        : nothing}`;
  }

  /** closes the details when focus leaves them (Escape, through the popover, moves it back to the cell) */
  #focusOut = (e: FocusEvent): void => {
    if (!(e.currentTarget as HTMLElement).contains(e.relatedTarget as Node | null)) this.#close();
  };

  #grid(people: Person[], shown: { a: Appointment; day: string }[], context: DetailsContext): TemplateResult {
    const { locale } = context;
    const [from, to] = this.#range;
    const month = this.view === 'month';
    const span = daysFrom(from, Math.round((Date.parse(to) - Date.parse(from)) / 864e5) + 1);
    const today = wall(Date.now(), context.zone).slice(0, 10);
    const rows: (Person & { dates: string[] })[] = month
      ? span.filter((_, i) => i % 7 === 0).map((w) => ({ name: fmt(locale, { day: 'numeric', month: 'short' }).formatRange(noon(w), noon(addDays(w, 6))), dates: daysFrom(w, 7) }))
      : people.map((p) => ({ ...p, dates: span }));
    const hours = people.length === 1 && !month ? this.availability : undefined;
    this.#cells = rows.map((r) =>
      r.dates.map((date) => {
        const items = shown.filter((x) => x.day === date && (!r.id || x.a.mediatorId === r.id)).map((x) => x.a);
        // The cell's name: this label, then the times it shows (axe: a name must contain the visible text).
        return { label: [!month && people.length > 1 && r.name, dayLabel(date, locale), countLabel(items.length, locale)].filter(Boolean).join(', '), items };
      }),
    );
    this.#row = Math.max(0, Math.min(this.#row, rows.length - 1));
    this.#col = Math.min(this.#col, span.length - 1, 6);
    return html`<div class="scroll">
      <table part="grid" role="grid" aria-labelledby="title" @keydown=${this.#onKey}>
        <thead>
          <tr>
            <td></td>
            ${(rows[0]?.dates ?? []).map(
              (date) => html`<th scope="col">
                ${fmt(locale, month ? { weekday: 'short' } : { weekday: 'short', day: 'numeric' }).format(noon(date))}
                ${hours ? html`<span class="hours">${this.#hoursOf(date, hours, locale)}</span>` : nothing}
              </th>`,
            )}
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (r, i) => html`<tr>
              <th scope="row">${r.name}</th>
              ${r.dates.map((date, j) => {
                const { label, items } = this.#cells[i]![j]!;
                const more = month ? items.length - MONTH_CELL_MAX : 0;
                return html`<td
                  id=${`c${i}-${j}`}
                  tabindex=${i === this.#row && j === this.#col ? 0 : -1}
                  aria-current=${date === today ? 'date' : nothing}
                  class=${month && date.slice(0, 7) !== this.date!.slice(0, 7) ? 'out' : ''}
                  @click=${(e: Event) => void this.#openDetails(e.currentTarget as HTMLElement)}
                >
                  <span class="sr-only">${label}</span>
                  ${month ? html`<span class="n" aria-hidden="true">${Number(date.slice(8))}</span>` : nothing}
                  ${(more > 0 ? items.slice(0, MONTH_CELL_MAX) : items).map(
                    (a) => html`<span class="a ${a.status}">${clock(a.startsAt, context.zone)}${month ? ' ' : html`–${clock(a.endsAt, context.zone)}<br />`}${a.caseCode}</span>`,
                  )}
                  ${more > 0 ? html`<span>+${more}</span>` : nothing}
                </td>`;
              })}
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  /** "9:00–13:00": the hours a mediator is available on a day, from the weekly rules and that day's exceptions */
  #hoursOf(date: string, a: Availability, locale: Locale): string {
    const exceptions = a.exceptions.filter((x) => x.date === date);
    if (exceptions.some((x) => x.kind === 'unavailable' && !x.startTime)) return say('unavailable', locale);
    return [
      ...a.rules.filter((r) => r.weekday === isoWeekday(date) && (r.validFrom ?? date) <= date && date <= (r.validTo ?? date)),
      ...exceptions.filter((x) => x.kind === 'available'),
    ]
      .map((r) => `${r.startTime ?? '00:00'}–${r.endTime ?? '24:00'}`)
      .concat(exceptions.filter((x) => x.kind === 'unavailable').map((x) => `−${x.startTime}–${x.endTime}`))
      .join(', ');
  }

  #agenda(days: string[], shown: { a: Appointment; day: string }[], context: DetailsContext): TemplateResult {
    const byDay = days.map((d) => [d, shown.filter((x) => x.day === d)] as const).filter(([, xs]) => xs.length);
    return html`<section part="agenda" aria-labelledby="title">
      ${byDay.length
        ? byDay.map(([d, xs]) => html`<h3>${dayLabel(d, context.locale)}</h3>${xs.map((x) => details(x.a, context))}`)
        : html`<p>${say('none', context.locale)}</p>`}
    </section>`;
  }
}
