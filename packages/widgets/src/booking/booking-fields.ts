import { html, nothing, type TemplateResult } from 'lit';

/** the value of the input or select an event came from */
export const valueOf = (e: Event): string => (e.target as HTMLInputElement).value;

/**
 * A labelled control with its hint and its error. The control is drawn by
 * the caller and given what it must carry: `aria-describedby` naming the
 * hint and the error (so a screen reader reads them with the name) and
 * `aria-invalid`.
 */
export function field(
  id: string,
  label: string,
  control: (describedBy: string | typeof nothing, invalid: 'true' | 'false') => TemplateResult,
  { hint, error }: { hint?: string; error?: string | undefined } = {},
): TemplateResult {
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ');
  return html`<div>
    <label for=${id}>${label}</label>
    ${hint ? html`<p class="hint" id="${id}-hint">${hint}</p>` : nothing}
    ${error ? html`<p class="error" id="${id}-error">${error}</p>` : nothing}
    ${control(describedBy || nothing, error ? 'true' : 'false')}
  </div>`;
}

/** one choice of a radio group, drawn as a chip: the native radio stays, for the keyboard and screen readers */
export const chip = (name: string, value: string, checked: boolean, label: string, pick: () => void): TemplateResult =>
  html`<label class="chip"><input type="radio" name=${name} value=${value} .checked=${checked} @change=${pick} />${label}</label>`;
