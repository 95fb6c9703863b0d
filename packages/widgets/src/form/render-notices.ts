import { html, type TemplateResult } from 'lit';
import type { Locale } from '@ponte/forms';
import type { Draft } from '../internal/draft-store.js';
import { formatDate } from '../internal/locale.js';
import { ui } from '../internal/ui-messages.js';

/** what is shown before there is a form to fill in: "loading", or why it could not be had, with a retry */
export function renderLoadState(failure: string | undefined, retry: () => void, locale: Locale): TemplateResult {
  return failure === undefined
    ? html`<p class="loading" role="status" aria-busy="true">${ui('loading', locale)}</p>`
    : html`<div class="notice error-box" role="alert">
        <p>${ui('loadFailed', locale)} ${failure}</p>
        <button type="button" @click=${retry}>${ui('retry', locale)}</button>
      </div>`;
}

/** a draft kept on this device, offered back before the form: resume it, or start again */
export function renderDraftOffer(title: string | undefined, draft: Draft, resume: () => void, restart: () => void, locale: Locale): TemplateResult {
  return html`<section class="notice draft" part="form" aria-labelledby="form-title">
    <h2 id="form-title" class="title">${title}</h2>
    <p>${ui('draftFound', locale, { date: formatDate(draft.savedAt, locale, true) })}</p>
    <div class="actions" part="actions">
      <button type="button" part="submit" @click=${resume}>${ui('resume', locale)}</button>
      <button type="button" class="secondary" @click=${restart}>${ui('restart', locale)}</button>
    </div>
  </section>`;
}
