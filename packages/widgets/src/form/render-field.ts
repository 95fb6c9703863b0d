import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { fieldOptions, type FieldDefinition, type FieldOption, type Locale } from '@ponte/forms';
import { t, ui } from '../internal/ui-messages.js';
import type { FieldHost } from './field-host.js';
import { describedBy, fieldset, hintAndError, invalid, single } from './field-parts.js';
import { idFor } from './form-paths.js';

type Input = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
const valueOf = (e: Event): string => (e.target as Input).value;

const INPUT_TYPES: Partial<Record<FieldDefinition['kind'], string>> = {
  text: 'text',
  email: 'email',
  phone: 'tel',
  date: 'date',
  time: 'time',
  datetime: 'datetime-local',
};

/** draws the field at `path` (a top-level key, or 'group.index.child') */
export function renderField(field: FieldDefinition, path: string, host: FieldHost): TemplateResult {
  switch (field.kind) {
    case 'text':
    case 'email':
    case 'phone':
    case 'date':
    case 'time':
    case 'datetime':
      return single(path, field, host, textInput(field, path, host, INPUT_TYPES[field.kind] ?? 'text'));
    case 'textarea':
      return textarea(field, path, host);
    case 'integer':
    case 'decimal':
    case 'duration':
      return single(path, field, host, numberInput(field, path, host));
    case 'select':
      return single(path, field, host, select(field, path, host, field.options));
    case 'radio':
      return choices(field, path, host, field.options, 'radio');
    case 'multiselect':
      return choices(field, path, host, field.options, 'checkbox');
    case 'schoolLevel':
      return choices(field, path, host, fieldOptions(field) ?? [], field.multiple ? 'checkbox' : 'radio');
    case 'checkbox':
      return field.required ? yesNo(field, path, host) : checkbox(field, path, host);
    case 'consent':
      return checkbox(field, path, host);
    case 'language':
    case 'country':
      return host.view('combobox')?.renderCombobox(field, path, host) ?? pending(host);
    case 'likert':
      return host.view('composite')?.renderLikert(field, path, host) ?? pending(host);
    case 'likertMatrix':
      return host.view('composite')?.renderLikertMatrix(field, path, host) ?? pending(host);
    case 'group':
      return host.view('composite')?.renderGroup(field, path, host, renderField) ?? pending(host);
    case 'timeSlots':
      return host.view('composite')?.renderTimeSlots(field, path, host) ?? pending(host);
    case 'organisation':
      return organisation(field, path, host);
    case 'signature':
      return signature(field, path, host);
  }
}

/** in place of a field whose view is still being fetched (the form fetches a step's views before showing it) */
const pending = (host: FieldHost): TemplateResult => html`<p class="loading" role="status">${ui('loading', host.locale)}</p>`;

function textInput(field: FieldDefinition, path: string, host: FieldHost, type: string): TemplateResult {
  const value = host.value(path);
  const suggestions = host.suggestions(path);
  const id = idFor(path);
  const bounds = 'min' in field || 'max' in field ? (field as { min?: string; max?: string }) : {};
  return html`<input
      id=${id}
      part="control"
      type=${type}
      list=${ifDefined(suggestions.length ? `${id}-l` : undefined)}
      .value=${live(typeof value === 'string' ? value : '')}
    autocomplete=${ifDefined('autocomplete' in field ? field.autocomplete : undefined)}
    maxlength=${ifDefined('maxLength' in field ? field.maxLength : undefined)}
    min=${ifDefined(typeof bounds.min === 'string' ? bounds.min : undefined)}
    max=${ifDefined(typeof bounds.max === 'string' ? bounds.max : undefined)}
    aria-required=${field.required ? 'true' : 'false'}
    aria-invalid=${invalid(path, host)}
    aria-describedby=${describedBy(path, field, host)}
    @input=${(e: Event) => host.update(path, valueOf(e))}
    @blur=${() => host.leave(path)}
    />${suggestions.length ? html`<datalist id="${id}-l">${suggestions.map((s) => html`<option value=${s}></option>`)}</datalist>` : nothing}`;
}

function textarea(field: FieldDefinition & { maxLength: number }, path: string, host: FieldHost): TemplateResult {
  const value = host.value(path);
  const text = typeof value === 'string' ? value : '';
  const id = idFor(path);
  const described = describedBy(path, field, host);
  return single(
    path,
    field,
    host,
    html`<textarea
        id=${id}
        part="control"
        rows="5"
        .value=${live(text)}
        maxlength=${field.maxLength}
        aria-required=${field.required ? 'true' : 'false'}
        aria-invalid=${invalid(path, host)}
        aria-describedby=${described === nothing ? `${id}-c` : `${described} ${id}-c`}
        @input=${(e: Event) => host.update(path, valueOf(e))}
        @blur=${() => host.leave(path)}
      ></textarea>
      <p class="counter" id="${id}-c">${ui('characters', host.locale, { n: text.length, max: field.maxLength })}</p>`,
  );
}

/**
 * Numbers are typed as text with a numeric keyboard (GOV.UK advice: type=number
 * mangles input and is poorly announced). A complete number is stored as a
 * number; anything else stays text, for the validator to name.
 */
function numberInput(field: FieldDefinition, path: string, host: FieldHost): TemplateResult {
  const value = host.value(path);
  const shown = typeof value === 'number' ? formatNumber(value, host.locale) : typeof value === 'string' ? value : '';
  return html`<input
    id=${idFor(path)}
    part="control"
    class="short"
    type="text"
    inputmode=${field.kind === 'decimal' ? 'decimal' : 'numeric'}
    .value=${live(shown)}
    aria-required=${field.required ? 'true' : 'false'}
    aria-invalid=${invalid(path, host)}
    aria-describedby=${describedBy(path, field, host)}
    @input=${(e: Event) => host.update(path, parseNumber(valueOf(e)))}
    @blur=${() => host.leave(path)}
  />`;
}

function parseNumber(text: string): number | string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return /^-?\d+([.,]\d+)?$/.test(trimmed) ? Number(trimmed.replace(',', '.')) : text;
}

const formatNumber = (n: number, locale: Locale): string => (locale === 'it' ? String(n).replace('.', ',') : String(n));

function select(field: FieldDefinition, path: string, host: FieldHost, options: readonly FieldOption[]): TemplateResult {
  const value = host.value(path);
  return html`<select
    id=${idFor(path)}
    part="control"
    aria-required=${field.required ? 'true' : 'false'}
    aria-invalid=${invalid(path, host)}
    aria-describedby=${describedBy(path, field, host)}
    @change=${(e: Event) => host.update(path, valueOf(e) || undefined)}
    @blur=${() => host.leave(path)}
  >
    <option value="" ?selected=${value === undefined}>${t('ui.select', host.locale)}</option>
    ${options.map((o) => html`<option value=${o.value} ?selected=${o.value === value}>${o.label[host.locale]}</option>`)}
  </select>`;
}

/** a radio group (one answer) or a checkbox group (a list of answers) */
function choices(
  field: FieldDefinition,
  path: string,
  host: FieldHost,
  options: readonly FieldOption[],
  type: 'radio' | 'checkbox',
): TemplateResult {
  const value = host.value(path);
  const chosen = Array.isArray(value) ? value : [value];
  const id = idFor(path);
  const toggle = (option: string, on: boolean) => {
    if (type === 'radio') return host.update(path, option);
    // Kept in the options' order, whatever the order of ticking.
    const next = options.map((o) => o.value).filter((v) => (v === option ? on : chosen.includes(v)));
    host.update(path, next.length ? next : undefined);
  };
  return fieldset(
    path,
    field,
    host,
    html`<div class="choices ${options.length <= 3 ? 'inline' : ''}">
      ${options.map(
        (o, i) => html`<div class="choice">
          <input
            type=${type}
            id="${id}-${i}"
            name=${id}
            .checked=${live(chosen.includes(o.value))}
            aria-invalid=${invalid(path, host)}
            @change=${(e: Event) => toggle(o.value, (e.target as HTMLInputElement).checked)}
            @blur=${() => host.leave(path)}
          /><label for="${id}-${i}">${o.label[host.locale]}</label>
        </div>`,
      )}
    </div>`,
  );
}

/** a required checkbox is a question: "no" must be an answer, not an untouched box */
function yesNo(field: FieldDefinition, path: string, host: FieldHost): TemplateResult {
  const value = host.value(path);
  const id = idFor(path);
  const option = (answer: boolean, i: number) => html`<div class="choice">
    <input
      type="radio"
      id="${id}-${i}"
      name=${id}
      .checked=${live(value === answer)}
      aria-invalid=${invalid(path, host)}
      @change=${() => host.update(path, answer)}
      @blur=${() => host.leave(path)}
    /><label for="${id}-${i}">${t(answer ? 'ui.yes' : 'ui.no', host.locale)}</label>
  </div>`;
  return fieldset(path, field, host, html`<div class="choices inline">${option(true, 0)}${option(false, 1)}</div>`);
}

/** an optional yes/no, or a consent (whose only valid answer is a ticked box) */
function checkbox(field: FieldDefinition, path: string, host: FieldHost): TemplateResult {
  const id = idFor(path);
  const consent = field.kind === 'consent';
  return html`<div class="field" part="field">
    <div class="choice">
      <input
        type="checkbox"
        id=${id}
        part="control"
        .checked=${live(host.value(path) === true)}
        aria-required=${field.required ? 'true' : 'false'}
        aria-invalid=${invalid(path, host)}
        aria-describedby=${describedBy(path, field, host)}
        @change=${(e: Event) => {
          const on = (e.target as HTMLInputElement).checked;
          host.update(path, on ? true : consent ? undefined : false);
        }}
        @blur=${() => host.leave(path)}
      /><label part="label" for=${id}>${field.label[host.locale]}</label>
    </div>
    ${hintAndError(path, field, host)}
  </div>`;
}

/** prefilled from the publishable key (or the staff's organisation), never typed */
function organisation(field: FieldDefinition, path: string, host: FieldHost): TemplateResult {
  const name = host.organisationName;
  return single(
    path,
    field,
    host,
    html`<input
      id=${idFor(path)}
      part="control"
      type="text"
      readonly
      .value=${name ?? ui('orgMissing', host.locale)}
      aria-invalid=${invalid(path, host)}
      aria-describedby=${describedBy(path, field, host)}
    />`,
  );
}

/** an authenticated confirmation: the signer's name and a ticked statement; the server stamps who and when */
function signature(field: FieldDefinition & { statement?: { it: string; en: string } }, path: string, host: FieldHost): TemplateResult {
  const value = (host.value(path) ?? {}) as { name?: string; confirmed?: boolean };
  const id = idFor(path);
  const set = (next: { name?: string | undefined; confirmed?: boolean | undefined }) => {
    const merged = { ...value, ...next };
    if (!merged.name) delete merged.name;
    if (!merged.confirmed) delete merged.confirmed;
    host.update(path, Object.keys(merged).length ? merged : undefined);
  };
  const confirmPath = `${path}.confirmed`;
  return fieldset(
    path,
    field,
    host,
    html`<div class="field" part="field">
        <label part="label" for=${id}>${t('ui.signatureName', host.locale)}</label>
        <input
          id=${id}
          part="control"
          type="text"
          autocomplete="name"
          .value=${live(value.name ?? '')}
          aria-required="true"
          aria-invalid=${invalid(path, host)}
          aria-describedby=${describedBy(path, field, host)}
          @input=${(e: Event) => set({ name: valueOf(e) })}
          @blur=${() => host.leave(path)}
        />
      </div>
      <p class="statement" id="${id}-s">${field.statement?.[host.locale] ?? ui('signatureStatement', host.locale)}</p>
      <div class="choice">
        <input
          type="checkbox"
          id=${idFor(confirmPath)}
          .checked=${live(value.confirmed === true)}
          aria-invalid=${invalid(confirmPath, host)}
          aria-describedby=${host.errorsAt(confirmPath).length ? `${id}-s ${idFor(confirmPath)}-e` : `${id}-s`}
          @change=${(e: Event) => set({ confirmed: (e.target as HTMLInputElement).checked || undefined })}
          @blur=${() => host.leave(confirmPath)}
        /><label for=${idFor(confirmPath)}>${t('ui.signatureConfirm', host.locale)}</label>
      </div>
      ${host.errorsAt(confirmPath).length
        ? html`<p class="error" part="error" id="${idFor(confirmPath)}-e">${host.errorsAt(confirmPath).join(' ')}</p>`
        : nothing}`,
    'signature',
  );
}
