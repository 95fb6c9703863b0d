import { html, nothing, type TemplateResult } from 'lit';
import type { FieldDefinition, Locale, SectionDefinition } from '@ponte/forms';
import type { PonteOutputs, Receipt } from '@ponte/sdk';
import { formatDate } from '../internal/locale.js';
import { t, ui } from '../internal/ui-messages.js';
import { displayValue } from './display-value.js';
import { getPath } from './form-paths.js';

export interface ReviewInput {
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

/** What the server answers a sent form: a submission's receipt, or a mediator's filed report. */
export type Sent = Receipt | PonteOutputs['reports']['file'];

export interface ReceiptInput {
  receipt: Sent;
  locale: Locale;
  copyMessage: string;
  copy: () => void;
  reset: () => void;
}

/** after sending: protocol number and tracking code, with a copy button; a filed report has neither */
export function renderReceipt({ receipt, locale, copyMessage, copy, reset }: ReceiptInput): TemplateResult {
  const filed = 'filedAt' in receipt;
  return html`<section class="receipt" part="receipt" aria-labelledby="step-heading">
    <h2 id="step-heading" tabindex="-1">${ui(filed ? 'reportFiled' : 'receiptHeading', locale)}</h2>
    <p>${t('ui.submitted', locale)} ${formatDate(filed ? receipt.filedAt : receipt.submittedAt, locale, true)}</p>
    ${filed ? nothing : html`<dl class="values">
      <dt>${t('ui.protocolNumber', locale)}</dt>
      <dd>${receipt.protocol}</dd>
      <dt>${t('ui.trackingCode', locale)}</dt>
      <dd><code class="code">${receipt.trackingCode}</code></dd>
    </dl>
    <p>${ui('receiptKeep', locale)}</p>
    <div class="actions" part="actions">
      <button type="button" part="submit" @click=${copy}>${ui('copyCode', locale)}</button>
      <button type="button" class="secondary" @click=${reset}>${ui('newForm', locale)}</button>
    </div>
    <p class="copy-status" role="status">${copyMessage}</p>`}
  </section>`;
}
