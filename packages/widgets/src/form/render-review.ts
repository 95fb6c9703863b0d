import { html, nothing, type TemplateResult } from 'lit';
import type { FieldDefinition, Locale, SectionDefinition } from '@ponte/forms';
import type { PonteOutputs, Receipt } from '@ponte/sdk';
import { copyText } from '../internal/copy-text.js';
import { formatDate } from '../internal/locale.js';
import { t, ui } from '../internal/ui-messages.js';
import { displayValue } from './display-value.js';
import { getPath } from './form-paths.js';

/**
 * "Riepilogo": every visible answer in words, each step with a link back to
 * change it (`edit`, with the step's index among `sections`).
 */
export function renderReview(
  sections: readonly SectionDefinition[],
  data: Record<string, unknown>,
  visible: ReadonlySet<string>,
  locale: Locale,
  organisationName: string | undefined,
  edit: (stepIndex: number) => void,
): TemplateResult {
  const entry = (field: FieldDefinition, path: string): TemplateResult => {
    const value = getPath(data, path);
    if (field.kind !== 'group') {
      return html`<div class="row">
        <dt>${field.label[locale]}</dt>
        <dd>${displayValue(field, value, locale, organisationName)}</dd>
      </div>`;
    }
    const items = Array.isArray(value) ? value : [];
    return html`<div class="row">
      <dt>${field.label[locale]}</dt>
      <dd>
        ${items.length
          ? items.map(
              (_, i) => html`<p class="item-title">${t('ui.itemNumber', locale, { item: field.itemLabel[locale], n: i + 1 })}</p>
                <dl>
                  ${field.fields.map((child) => {
                    const childPath = `${path}.${i}.${child.key}`;
                    return visible.has(childPath) ? entry(child, childPath) : nothing;
                  })}
                </dl>`,
            )
          : ui('notGiven', locale)}
      </dd>
    </div>`;
  };
  return html`<div class="review" part="summary">
    ${sections.map(
      (section, i) => html`<section class="review-section" aria-labelledby="rv-${section.key}">
        <div class="review-head">
          <h4 id="rv-${section.key}">${section.title[locale]}</h4>
          <button type="button" class="link" @click=${() => edit(i)}>
            ${ui('edit', locale)}<span class="sr-only"> ${section.title[locale]}</span>
          </button>
        </div>
        <dl>${section.fields.map((f) => (visible.has(f.key) ? entry(f, f.key) : nothing))}</dl>
      </section>`,
    )}
    <p class="notice">${t('ui.declarationNotice', locale)}</p>
  </div>`;
}

/** What the server answers a sent form: a submission's receipt, or a mediator's filed report. */
export type Sent = Receipt | PonteOutputs['reports']['file'];

/**
 * After sending: protocol number and tracking code, with a button that
 * copies the code (and passes `copied` what to say of it, shown as
 * `copyMessage`) and one to fill in a new form (`reset`); a filed report has
 * neither.
 */
export function renderReceipt(receipt: Sent, locale: Locale, copyMessage: string, copied: (said: string) => void, reset: () => void): TemplateResult {
  const filed = 'filedAt' in receipt;
  const copy = async (code: string, button: Element) => {
    const done = await copyText(code, button.getRootNode() as ShadowRoot);
    copied(ui(done ? 'copied' : 'copyFailed', locale));
  };
  return html`<section class="receipt" part="receipt" aria-labelledby="step-heading">
    <h2 id="step-heading" tabindex="-1">${ui(filed ? 'reportFiled' : 'receiptHeading', locale)}</h2>
    <p>${t('ui.submitted', locale)} ${formatDate(filed ? receipt.filedAt : receipt.submittedAt, locale, true)}</p>
    ${filed ? nothing : html`<dl class="values">
      <dt>${t('ui.protocolNumber', locale)}</dt>
      <dd>${receipt.protocol}</dd>
      <dt>${t('ui.trackingCode', locale)}</dt>
      <dd><code class="code">${receipt.trackingCode}</code></dd>
    </dl>
    ${'correction' in receipt && receipt.correction ? html`<p>${ui('answerReplaced', locale)}</p>` : nothing}
    <p>${ui('receiptKeep', locale)}</p>
    <div class="actions" part="actions">
      <button type="button" part="submit" @click=${(e: Event) => void copy(receipt.trackingCode, e.target as Element)}>${ui('copyCode', locale)}</button>
      <button type="button" class="secondary" @click=${reset}>${ui('newForm', locale)}</button>
    </div>
    <p class="copy-status" role="status">${copyMessage}</p>`}
  </section>`;
}
