import { html, nothing, type TemplateResult } from 'lit';
import type { FieldDefinition, FieldOption, Locale } from '@ponte/forms';
import { t, ui } from '../internal/ui-messages.js';
import { renderCombobox } from './render-combobox.js';
import { renderGroup, renderLikertMatrix, renderTimeSlots } from './render-composite.js';
import type { FieldHost } from './field-host.js';
import { answerOptions } from './answer-options.js';
import { ariaRequired, choice, choices, describedBy, fieldset, input, invalid, labelled, notes, single } from './field-parts.js';
import { idFor } from './form-paths.js';

/** the input type of each single-line kind; numbers are text (see numberInput) */
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
  const { locale } = host;
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
      return single(path, field, host, select(field, path, host));
    case 'radio':
    case 'multiselect':
    case 'schoolLevel':
    case 'likert': {
      const many = field.kind === 'multiselect' || (field.kind === 'schoolLevel' && field.multiple);
      return choices(path, field, host, answerOptions(field, locale) ?? [], many ? 'checkbox' : 'radio');
    }
    case 'checkbox':
    case 'consent':
      // A required checkbox is a question: "no" must be an answer, not an untouched box.
      return field.kind === 'checkbox' && field.required ? choices(path, field, host, answerOptions(field, locale) ?? []) : checkbox(field, path, host);
    case 'language':
    case 'country':
      return renderCombobox(field, path, host);
    case 'likertMatrix':
      return renderLikertMatrix(field, path, host);
    case 'group':
      return renderGroup(field, path, host, renderField);
    case 'timeSlots':
      return renderTimeSlots(field, path, host);
    case 'organisation':
      // Prefilled from the publishable key (or the staff's organisation), never typed.
      return single(
        path,
        field,
        host,
        input(path, host, { value: host.organisationName ?? ui('orgMissing', locale), readonly: true, describedBy: describedBy(path, host, field) }),
      );
    case 'signature':
      return signature(field, path, host);
  }
}

function textInput(field: FieldDefinition, path: string, host: FieldHost, type: string): TemplateResult {
  const value = host.value(path);
  const attrs = field as { min?: unknown; max?: unknown; autocomplete?: string; maxLength?: number };
  return input(path, host, {
    type,
    value: typeof value === 'string' ? value : '',
    set: (text) => host.update(path, text),
    required: ariaRequired(field),
    describedBy: describedBy(path, host, field),
    list: host.suggestions(path),
    autocomplete: attrs.autocomplete,
    maxlength: attrs.maxLength,
    min: typeof attrs.min === 'string' ? attrs.min : undefined,
    max: typeof attrs.max === 'string' ? attrs.max : undefined,
  });
}

function textarea(field: FieldDefinition & { maxLength: number }, path: string, host: FieldHost): TemplateResult {
  const value = host.value(path);
  const text = typeof value === 'string' ? value : '';
  const id = idFor(path);
  return single(
    path,
    field,
    host,
    html`<textarea
        id=${id}
        part="control"
        rows="5"
        .value=${text}
        maxlength=${field.maxLength}
        aria-required=${ariaRequired(field)}
        aria-invalid=${invalid(path, host)}
        aria-describedby=${describedBy(path, host, field, `${id}-c`)}
        @input=${(e: Event) => host.update(path, (e.target as HTMLTextAreaElement).value)}
        @blur=${() => host.leave(path)}
      ></textarea>
      <p class="hint" id="${id}-c">${ui('characters', host.locale, { n: text.length, max: field.maxLength })}</p>`,
  );
}

/**
 * Numbers are typed as text with a numeric keyboard (GOV.UK advice: type=number
 * mangles input and is poorly announced). A complete number is stored as a
 * number; anything else stays text, for the validator to name.
 */
function numberInput(field: FieldDefinition, path: string, host: FieldHost): TemplateResult {
  const value = host.value(path);
  return input(path, host, {
    value: typeof value === 'number' ? formatNumber(value, host.locale) : typeof value === 'string' ? value : '',
    set: (text) => host.update(path, parseNumber(text)),
    cls: 'short',
    inputmode: field.kind === 'decimal' ? 'decimal' : 'numeric',
    required: ariaRequired(field),
    describedBy: describedBy(path, host, field),
  });
}

function parseNumber(text: string): number | string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return /^-?\d+([.,]\d+)?$/.test(trimmed) ? Number(trimmed.replace(',', '.')) : text;
}

const formatNumber = (n: number, locale: Locale): string => (locale === 'it' ? String(n).replace('.', ',') : String(n));

function select(field: FieldDefinition & { options: readonly FieldOption[] }, path: string, host: FieldHost): TemplateResult {
  const value = host.value(path);
  return html`<select
    id=${idFor(path)}
    part="control"
    aria-required=${ariaRequired(field)}
    aria-invalid=${invalid(path, host)}
    aria-describedby=${describedBy(path, host, field)}
    @change=${(e: Event) => host.update(path, (e.target as HTMLSelectElement).value || undefined)}
    @blur=${() => host.leave(path)}
  >
    <option value="" ?selected=${value === undefined}>${t('ui.select', host.locale)}</option>
    ${field.options.map((o) => html`<option value=${o.value} ?selected=${o.value === value}>${o.label[host.locale]}</option>`)}
  </select>`;
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
        .checked=${host.value(path) === true}
        aria-required=${ariaRequired(field)}
        aria-invalid=${invalid(path, host)}
        aria-describedby=${describedBy(path, host, field)}
        @change=${(e: Event) => {
          const on = (e.target as HTMLInputElement).checked;
          host.update(path, on ? true : consent ? undefined : false);
        }}
        @blur=${() => host.leave(path)}
      /><label part="label" for=${id}>${field.label[host.locale]}</label>
    </div>
    ${notes(path, host, field)}
  </div>`;
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
  const confirmId = idFor(confirmPath);
  return fieldset(
    path,
    field,
    host,
    html`${labelled(
        id,
        t('ui.signatureName', host.locale),
        nothing,
        input(path, host, {
          value: value.name ?? '',
          set: (name) => set({ name }),
          autocomplete: 'name',
          required: 'true',
          describedBy: describedBy(path, host, field),
        }),
      )}
      <p class="statement" id="${id}-s">${field.statement?.[host.locale] ?? ui('signatureStatement', host.locale)}</p>
      ${choice(
        confirmPath,
        host,
        confirmId,
        value.confirmed === true,
        t('ui.signatureConfirm', host.locale),
        (on) => set({ confirmed: on || undefined }),
        'checkbox',
        nothing,
        // The statement first: it is what the box confirms.
        host.errorsAt(confirmPath).length ? `${id}-s ${confirmId}-e` : `${id}-s`,
      )}
      ${notes(confirmPath, host)}`,
    'signature',
  );
}
