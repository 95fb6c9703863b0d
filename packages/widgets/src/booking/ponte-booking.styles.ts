import { css } from 'lit';
import { tokens } from '../internal/tokens.styles.js';

export const styles = [
  tokens,
  css`
    h2 {
      margin-block-start: 0;
    }
    form,
    section {
      display: grid;
      gap: 1rem;
      margin-block-end: 1.5rem;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 1rem;
    }
    .row > * {
      flex: 1 1 12rem;
    }
    fieldset {
      border: none;
      margin: 0;
      padding: 0;
      min-inline-size: 0;
    }
    legend {
      font-weight: 600;
      padding: 0;
      margin-block-end: 0.25rem;
    }
    .choices {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    /* one chip per choice: the native radio stays, for the keyboard and for screen readers */
    .chip {
      display: inline-flex;
      align-items: center;
      gap: 0.4rem;
      min-block-size: 2.75rem;
      padding-inline: 0.75rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      font-weight: 400;
      cursor: pointer;
    }
    .chip:has(input:checked) {
      border: 2px solid var(--_primary);
      background: var(--_soft);
      font-weight: 600;
    }
    .chip input {
      inline-size: auto;
      min-block-size: 0;
      margin: 0;
      accent-color: var(--_primary);
    }
    .days {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 1rem;
    }
    .pager {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      gap: 0.5rem;
    }
    a.download {
      display: inline-flex;
      align-items: center;
      min-block-size: 2.75rem;
      padding-inline: 1.25rem;
      border: 2px solid var(--_primary);
      border-radius: var(--_radius);
      background: var(--_primary);
      color: #fff;
      font-weight: 600;
      text-decoration: none;
    }
  `,
];
