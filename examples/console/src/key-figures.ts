import { html } from 'lit';

/** A headline figure of a section: what it counts, the number as the page writes it, and a note under it. */
export interface KeyFigure {
  /** `data-figure` of its value, for whoever reads it back */
  key: string;
  label: string;
  value: string;
  note?: string;
}

const count = new Intl.NumberFormat('it-IT', { maximumFractionDigits: 2 });
/** 1234 → "1.234"; 4.4 → "4,4". */
export const formatNumber = (n: number): string => count.format(n);

/** A section's headline figures as a list of terms and values, drawn as a row of tiles. */
export function keyFigures(figures: KeyFigure[]) {
  return html`<dl class="key-figures">
    ${figures.map(
      (f) => html`<div class="key-figure">
        <dt>${f.label}</dt>
        <dd data-figure=${f.key}>${f.value}</dd>
        ${f.note ? html`<dd class="hint">${f.note}</dd>` : null}
      </div>`,
    )}
  </dl>`;
}
