import { html, nothing, type TemplateResult } from 'lit';
import type { FormDefinition, Locale, SectionDefinition } from '@ponte/forms';
import { t, ui } from '../internal/ui-messages.js';
import { anchorOf, idFor } from './form-paths.js';

/** the step indicator: every step's title and the summary, `current` marked */
export function renderSteps(def: FormDefinition, sections: readonly SectionDefinition[], current: number, locale: Locale): TemplateResult {
  const titles = [...sections.map((s) => s.title[locale]), t('ui.summary', locale)];
  // NOTE: axe landmark-unique: two forms on one page must not both name
  // their step list "Passi del modulo", so the name carries the form's title.
  return html`<nav aria-label="${ui('steps', locale)}: ${def.title[locale]}">
    <p class="hint step-count">${ui('stepOf', locale, { n: current + 1, total: titles.length })}</p>
    <ol class="steps" part="steps">
      ${titles.map(
        (title, i) => html`<li class=${i < current ? 'done' : i === current ? 'current' : ''} aria-current=${i === current ? 'step' : nothing}>
          ${title}
        </li>`,
      )}
    </ol>
  </nav>`;
}

/** the errors listed on Next and on send, each a link to its field (`goTo`) where the field can be found */
export function renderErrorSummary(
  def: FormDefinition,
  errors: readonly [path: string, message: string][],
  goTo: (path: string) => void,
  locale: Locale,
): TemplateResult | typeof nothing {
  if (!errors.length) return nothing;
  return html`<div class="error-summary" part="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
    <h3 id="error-summary-title">${t('ui.errorSummary', locale)}</h3>
    <ul>
      ${errors.map(([path, message]) => {
        const anchor = anchorOf(def, path);
        return html`<li>
          ${anchor !== undefined
            ? html`<a
                href="#${idFor(anchor)}"
                @click=${(e: Event) => {
                  e.preventDefault();
                  goTo(path);
                }}
                >${message}</a
              >`
            : message}
        </li>`;
      })}
    </ul>
  </div>`;
}
