import { html, nothing, type TemplateResult } from 'lit';
import type { FieldDefinition, LikertField, LikertMatrixField, Locale } from '@ponte/forms';
import { t } from '../internal/ui-messages.js';
import type { FieldHost } from './field-host.js';
import { idFor } from './form-paths.js';

/*
 * The pieces every field is made of: label, hint, error, and the ARIA that
 * ties them to the control (DESIGN §8: aria-describedby, aria-invalid).
 */

export function labelText(field: FieldDefinition, locale: Locale): string {
  return field.required ? field.label[locale] : `${field.label[locale]} (${t('ui.optional', locale)})`;
}

/** ids of the hint and error of `path`, for aria-describedby */
export function describedBy(path: string, field: FieldDefinition, host: FieldHost): string | typeof nothing {
  const id = idFor(path);
  const ids = [field.help ? `${id}-h` : '', host.errorsAt(path).length ? `${id}-e` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : nothing;
}

export function hintAndError(path: string, field: FieldDefinition, host: FieldHost): TemplateResult {
  const id = idFor(path);
  const errors = host.errorsAt(path);
  return html`${field.help
    ? html`<p class="hint" part="hint" id="${id}-h">${field.help[host.locale]}</p>`
    : nothing}${errors.length ? errorText(id, errors) : nothing}`;
}

export function errorText(id: string, errors: string[]): TemplateResult {
  return html`<p class="error" part="error" id="${id}-e">${errors.join(' ')}</p>`;
}

export const invalid = (path: string, host: FieldHost): 'true' | typeof nothing =>
  host.errorsAt(path).length ? 'true' : nothing;

/** a fieldset with legend, hint and error, around a group of controls */
export function fieldset(path: string, field: FieldDefinition, host: FieldHost, body: unknown, cls = ''): TemplateResult {
  return html`<fieldset
    class="field ${cls}"
    part="field"
    id=${idFor(path)}
    aria-describedby=${describedBy(path, field, host)}
  >
    <legend part="label">${labelText(field, host.locale)}</legend>
    ${hintAndError(path, field, host)} ${body}
  </fieldset>`;
}

/** a field with one labelled control */
export function single(path: string, field: FieldDefinition, host: FieldHost, control: TemplateResult): TemplateResult {
  return html`<div class="field" part="field">
    <label part="label" for=${idFor(path)}>${labelText(field, host.locale)}</label>
    ${hintAndError(path, field, host)} ${control}
  </div>`;
}

/** lower-cases the first letter, to put a label inside a sentence: «Aggiungi beneficiario» */
export const inSentence = (text: string): string => text.charAt(0).toLocaleLowerCase() + text.slice(1);

/** the answers of a Likert scale: 1…points with their labels, then "don't know" */
export function likertPoints(
  field: LikertField | LikertMatrixField,
  locale: Locale,
): { value: number | 'dontKnow'; label: string }[] {
  const points = Array.from({ length: field.points ?? 5 }, (_, i) => ({
    value: i + 1,
    label: field.pointLabels?.[i] ? `${i + 1} – ${field.pointLabels[i]![locale]}` : String(i + 1),
  }));
  return field.allowDontKnow ? [...points, { value: 'dontKnow' as const, label: t('ui.dontKnow', locale) }] : points;
}
