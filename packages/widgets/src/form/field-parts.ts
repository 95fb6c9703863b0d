import { html, nothing, type TemplateResult } from 'lit';
import type { FieldDefinition, Locale } from '@ponte/forms';
import { t } from '../internal/ui-messages.js';
import type { FieldHost } from './field-host.js';
import { controlValue } from './control-value.js';
import { idFor } from './form-paths.js';

/*
 * The pieces every field is made of: label, hint, error, and the ARIA that
 * ties them to the control (aria-describedby, aria-invalid:
 * docs/architecture.md#anatomy).
 * Written once here, so that every kind of field gets them the same way.
 */

export function labelText(field: FieldDefinition, locale: Locale): string {
  return field.required ? field.label[locale] : `${field.label[locale]} (${t('ui.optional', locale)})`;
}

/**
 * ids for aria-describedby: the hint (when `field` has help), the error of
 * `path` when it has one, then `more` (a counter, the chosen items).
 */
export function describedBy(path: string, host: FieldHost, field?: FieldDefinition, ...more: string[]): string | typeof nothing {
  const id = idFor(path);
  const ids = [field?.help ? `${id}-h` : '', host.errorsAt(path).length ? `${id}-e` : '', ...more].filter(Boolean);
  return ids.length ? ids.join(' ') : nothing;
}

/** the hint (when `field` has help) and the error of `path`, with the ids describedBy names */
export function notes(path: string, host: FieldHost, field?: FieldDefinition): TemplateResult {
  const id = idFor(path);
  const errors = host.errorsAt(path);
  return html`${field?.help ? html`<p class="hint" part="hint" id="${id}-h">${field.help[host.locale]}</p>` : nothing}${errors.length
    ? html`<p class="error" part="error" id="${id}-e">${errors.join(' ')}</p>`
    : nothing}`;
}

export const invalid = (path: string, host: FieldHost): 'true' | typeof nothing => (host.errorsAt(path).length ? 'true' : nothing);

/** aria-required of a field's own control: always present, true or false */
export const ariaRequired = (field: FieldDefinition): 'true' | 'false' => (field.required ? 'true' : 'false');

/** a fieldset with legend, hint and error, around a group of controls */
export function fieldset(path: string, field: FieldDefinition, host: FieldHost, body: unknown, cls = ''): TemplateResult {
  return html`<fieldset class="field ${cls}" part="field" id=${idFor(path)} aria-describedby=${describedBy(path, host, field)}>
    <legend part="label">${labelText(field, host.locale)}</legend>
    ${notes(path, host, field)} ${body}
  </fieldset>`;
}

/** one labelled control, with what goes between label and control (hint, error) */
export function labelled(id: string, label: string, between: unknown, control: unknown, cls = 'field', part: 'field' | typeof nothing = 'field'): TemplateResult {
  return html`<div class=${cls} part=${part}>
    <label part="label" for=${id}>${label}</label>
    ${between} ${control}
  </div>`;
}

/** a field with one control: its label, hint and error around it */
export const single = (path: string, field: FieldDefinition, host: FieldHost, control: TemplateResult): TemplateResult =>
  labelled(idFor(path), labelText(field, host.locale), notes(path, host, field), control);

/** what differs between the single-line inputs; id, part, aria-invalid and blur are the same for all */
export interface InputSpec {
  value: string;
  /** stores what was typed; a read-only input has none */
  set?: (text: string) => void;
  type?: string;
  /** aria-required; left out where the answer is not asked of the user (a prefilled field, an optional note) */
  required?: 'true' | 'false';
  describedBy: string | typeof nothing;
  /** suggestions (a `<datalist>`): free text stays allowed */
  list?: readonly string[];
  cls?: string;
  inputmode?: string;
  autocomplete?: string;
  maxlength?: number;
  min?: string;
  max?: string;
  readonly?: boolean;
}

/**
 * A single-line input for `path`: its errors are shown once the user leaves it.
 *
 * Its value goes through controlValue(), which writes only what the control
 * does not already show: a partly typed date is never wiped.
 */
export function input(path: string, host: FieldHost, s: InputSpec): TemplateResult {
  const id = idFor(path);
  const list = s.list?.length ? s.list : undefined;
  return html`<input
      id=${id}
      part="control"
      class=${s.cls ?? nothing}
      type=${s.type ?? 'text'}
      inputmode=${s.inputmode ?? nothing}
      list=${list ? `${id}-l` : nothing}
      autocomplete=${s.autocomplete ?? nothing}
      maxlength=${s.maxlength ?? nothing}
      min=${s.min ?? nothing}
      max=${s.max ?? nothing}
      ?readonly=${s.readonly}
      .value=${controlValue(s.value)}
      aria-required=${s.required ?? nothing}
      aria-invalid=${invalid(path, host)}
      aria-describedby=${s.describedBy}
      @input=${(e: Event) => s.set?.((e.target as HTMLInputElement).value)}
      @blur=${s.set && (() => host.leave(path))}
    />${list ? html`<datalist id="${id}-l">${list.map((v) => html`<option value=${v}></option>`)}</datalist>` : nothing}`;
}

/** a radio or checkbox for `path`, with its label after it; radios of one group share a `name` */
export function choice(
  path: string,
  host: FieldHost,
  id: string,
  checked: boolean,
  label: string,
  change: (on: boolean) => void,
  type: 'radio' | 'checkbox' = 'checkbox',
  name: string | typeof nothing = nothing,
  described: string | typeof nothing = nothing,
): TemplateResult {
  return html`<div class="choice">
    <input
      type=${type}
      id=${id}
      name=${name}
      .checked=${checked}
      aria-invalid=${invalid(path, host)}
      aria-describedby=${described}
      @change=${(e: Event) => change((e.target as HTMLInputElement).checked)}
      @blur=${() => host.leave(path)}
    /><label for=${id}>${label}</label>
  </div>`;
}

/**
 * A radio group (one answer) or a checkbox group (a list of answers) in a
 * fieldset; short lists and scales on one line.
 */
export function choices(
  path: string,
  field: FieldDefinition,
  host: FieldHost,
  options: readonly { value: unknown; label: string }[],
  type: 'radio' | 'checkbox' = 'radio',
): TemplateResult {
  const value = host.value(path);
  const chosen = Array.isArray(value) ? value : [value];
  const id = idFor(path);
  const toggle = (option: unknown, on: boolean) => {
    if (type === 'radio') return host.update(path, option);
    // Kept in the options' order, whatever the order of ticking.
    const next = options.map((o) => o.value).filter((v) => (v === option ? on : chosen.includes(v)));
    host.update(path, next.length ? next : undefined);
  };
  const inline = options.length <= 3 || field.kind === 'likert';
  return fieldset(
    path,
    field,
    host,
    html`<div class="choices ${inline ? 'inline' : ''}">
      ${options.map((o, i) => choice(path, host, `${id}-${i}`, chosen.includes(o.value), o.label, (on) => toggle(o.value, on), type, id))}
    </div>`,
  );
}

/** lower-cases the first letter, to put a label inside a sentence: «Aggiungi beneficiario» */
export const inSentence = (text: string): string => text.charAt(0).toLocaleLowerCase() + text.slice(1);
