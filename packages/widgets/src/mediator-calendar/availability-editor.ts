import { html, nothing, type TemplateResult } from 'lit';
import type { Locale } from '@ponte/forms';
import type { PonteInputs, PonteOutputs } from '@ponte/sdk';
import { formatDate } from '../internal/locale.js';
import { field, valueOf } from '../booking/booking-fields.js';
import { say } from './calendar-messages.js';
import { daysFrom } from './zone-time.js';

export type Availability = PonteOutputs['availability']['get'];
export type Rule = PonteInputs['availability']['setRules']['rules'][number];
export type NewException = Omit<PonteInputs['availability']['addException'], 'mediatorId'>;

export interface EditorContext {
  locale: Locale;
  availability: Availability;
  /** the weekly rules being edited */
  rules: Rule[];
  /** field path (as the server names it) → message */
  errors: Record<string, string>;
  notice: string;
  /** a weekly rule was added, removed or changed (and not saved yet) */
  changed: () => void;
  saveRules: () => void;
  /** the form is emptied once the exception is stored */
  addException: (e: NewException, form: HTMLFormElement) => void;
  removeException: (id: string) => void;
}

/** Monday 2024-01-01 onwards: the weekday names of the locale */
const weekdays = (locale: Locale) =>
  daysFrom('2024-01-01', 7).map((d) => new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(new Date(`${d}T12:00Z`)));

/** an input with its label and its error (maxlength: the note's; the others ignore it); `set` keeps what is typed (the weekly rules), else the form reads it on submit */
const input = (id: string, label: string, ctx: EditorContext, type = 'time', value = '', set?: (v: string) => void) =>
  field(
    id,
    label,
    (describedBy, invalid) =>
      html`<input type=${type} id=${id} name=${id} maxlength="200" .value=${value} aria-invalid=${invalid} aria-describedby=${describedBy} @change=${(e: Event) => set?.(valueOf(e))} />`,
    { error: ctx.errors[id] },
  );

const submit = (then: (form: HTMLFormElement) => void) => (e: Event) => {
  e.preventDefault();
  then(e.target as HTMLFormElement);
};

/**
 * A mediator's weekly hours (saved all at once, as the server replaces them)
 * and dated exceptions (added and removed one by one). Wall-clock times in
 * the tenant's zone, sent as typed: nothing to convert.
 */
export function availabilityEditor(ctx: EditorContext): TemplateResult {
  const { locale, rules, errors } = ctx;
  const names = weekdays(locale);
  return html`<details part="availability">
    <summary>${say('availability', locale)}</summary>
    <p role="status">${ctx.notice}</p>
    <form novalidate aria-labelledby="rules-title" @submit=${submit(ctx.saveRules)}>
      <h3 id="rules-title">${say('weekly', locale)}</h3>
      ${rules.map(
        (rule, i) => html`<div class="row">
          ${field(
            `rules.${i}.weekday`,
            say('weekday', locale),
            () => html`<select id=${`rules.${i}.weekday`} @change=${(e: Event) => ((rule.weekday = Number(valueOf(e))), ctx.changed())}>
              ${names.map((name, d) => html`<option value=${d + 1} ?selected=${rule.weekday === d + 1}>${name}</option>`)}
            </select>`,
            { error: errors[`rules.${i}.weekday`] },
          )}
          ${input(`rules.${i}.startTime`, say('from', locale), ctx, 'time', rule.startTime, (v) => ((rule.startTime = v), ctx.changed()))}
          ${input(`rules.${i}.endTime`, say('to', locale), ctx, 'time', rule.endTime, (v) => ((rule.endTime = v), ctx.changed()))}
          <button
            type="button"
            class="secondary"
            aria-label=${`${say('remove', locale)} ${names[rule.weekday - 1]} ${rule.startTime}–${rule.endTime}`}
            @click=${() => {
              rules.splice(i, 1);
              ctx.changed();
            }}
          >
            ${say('remove', locale)}
          </button>
        </div>`,
      )}
      <div class="actions">
        <button
          type="button"
          class="secondary"
          @click=${() => {
            rules.push({ weekday: 1, startTime: '09:00', endTime: '13:00' });
            ctx.changed();
          }}
        >
          ${say('addRule', locale)}
        </button>
        <button type="submit">${say('save', locale)}</button>
      </div>
    </form>
    <form
      novalidate
      aria-labelledby="exceptions-title"
      @submit=${submit((form) => {
        // Empty inputs are left out: the server reads a missing time as "all day".
        const data = Object.fromEntries([...new FormData(form)].filter(([, v]) => v !== ''));
        ctx.addException(data as unknown as NewException, form);
      })}
    >
      <h3 id="exceptions-title" tabindex="-1">${say('exceptions', locale)}</h3>
      <ul>
        ${ctx.availability.exceptions.map(
          (x) => html`<li>
            ${formatDate(x.date, locale)}: ${say(x.kind, locale)}, ${x.startTime ? `${x.startTime}–${x.endTime}` : say('allDay', locale)}${x.note ? ` (${x.note})` : nothing}
            <button type="button" class="link" aria-label=${`${say('remove', locale)} ${formatDate(x.date, locale)}`} @click=${() => ctx.removeException(x.id)}>
              ${say('remove', locale)}
            </button>
          </li>`,
        )}
      </ul>
      <div class="row">
        ${input('date', say('date', locale), ctx, 'date')}
        ${field(
          'kind',
          say('kind', locale),
          () => html`<select id="kind" name="kind">
            ${(['unavailable', 'available'] as const).map((k) => html`<option value=${k}>${say(k, locale)}</option>`)}
          </select>`,
        )}
        ${input('startTime', say('from', locale), ctx)} ${input('endTime', say('to', locale), ctx)} ${input('note', say('note', locale), ctx, 'text')}
      </div>
      <div class="actions"><button type="submit">${say('addException', locale)}</button></div>
    </form>
  </details>`;
}
