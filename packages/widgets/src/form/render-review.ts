import { html, nothing, type TemplateResult } from 'lit';
import type { FieldDefinition, FormDefinition, Locale, SectionDefinition } from '@ponte/forms';
import { t, ui } from '../internal/ui-messages.js';
import { displayValue } from './display-value.js';
import { getPath } from './form-paths.js';

export interface ReviewInput {
  def: FormDefinition;
  sections: readonly SectionDefinition[];
  data: Record<string, unknown>;
  visible: ReadonlySet<string>;
  locale: Locale;
  organisationName: string | undefined;
  edit: (stepIndex: number) => void;
}

/** "Riepilogo": every visible answer in words, each step with a link back to change it */
export function renderReview(r: ReviewInput): TemplateResult {
  return html`<div class="review" part="summary">
    ${r.sections.map(
      (section, i) => html`<section class="review-section" aria-labelledby="rv-${section.key}">
        <div class="review-head">
          <h4 id="rv-${section.key}">${section.title[r.locale]}</h4>
          <button type="button" class="link" @click=${() => r.edit(i)}>
            ${ui('edit', r.locale)}<span class="sr-only"> ${section.title[r.locale]}</span>
          </button>
        </div>
        <dl>${section.fields.map((f) => (r.visible.has(f.key) ? entry(f, f.key, r) : nothing))}</dl>
      </section>`,
    )}
    <p class="notice">${t('ui.declarationNotice', r.locale)}</p>
  </div>`;
}

function entry(field: FieldDefinition, path: string, r: ReviewInput): TemplateResult {
  const value = getPath(r.data, path);
  if (field.kind !== 'group') {
    return html`<div class="row">
      <dt>${field.label[r.locale]}</dt>
      <dd>${displayValue(field, value, r.locale, r.organisationName)}</dd>
    </div>`;
  }
  const items = Array.isArray(value) ? value : [];
  return html`<div class="row">
    <dt>${field.label[r.locale]}</dt>
    <dd>
      ${items.length
        ? items.map(
            (_, i) => html`<p class="item-title">${t('ui.itemNumber', r.locale, { item: field.itemLabel[r.locale], n: i + 1 })}</p>
              <dl>
                ${field.fields.map((child) => {
                  const childPath = `${path}.${i}.${child.key}`;
                  return r.visible.has(childPath) ? entry(child, childPath, r) : nothing;
                })}
              </dl>`,
          )
        : ui('notGiven', r.locale)}
    </dd>
  </div>`;
}
