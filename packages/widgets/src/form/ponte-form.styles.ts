import { css } from 'lit';
import { tokens } from '../internal/tokens.styles.js';

export const styles = [
  tokens,
  css`
    .title {
      margin-block-start: 0;
    }
    /* the step count, descriptions and counters are hints (tokens) too */
    .step-count {
      font-weight: 600;
    }
    .steps {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1rem;
      padding: 0;
      margin-block: 0.5rem 1rem;
      list-style: none;
      counter-reset: step;
      font-size: 0.875rem;
    }
    .steps li {
      counter-increment: step;
      color: var(--_muted);
    }
    .steps li::before {
      content: counter(step) '. ';
    }
    .steps li.current {
      color: var(--_text);
      font-weight: 700;
      border-block-end: 3px solid var(--_primary);
    }
    .steps li.done {
      color: var(--_text);
    }
    #step-heading:focus {
      outline: none;
    }
    #step-heading:focus-visible {
      outline: 3px solid var(--_focus);
    }
    .field {
      margin-block: 1.25rem;
      border: 0;
      padding: 0;
      min-inline-size: 0;
    }
    legend {
      display: block;
      font-weight: 600;
      padding: 0;
    }
    fieldset.group {
      border-inline-start: 4px solid var(--_soft);
      padding-inline-start: 0.75rem;
    }
    fieldset.item {
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding-block: 0.25rem 0.75rem;
      padding-inline: 1rem;
      margin-block: 0.75rem;
    }
    fieldset.item > legend {
      padding-inline: 0.25rem;
    }
    .slot-row {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1rem;
    }
    .slot-row .field {
      flex: 1 1 9rem;
      margin-block: 0.5rem;
    }
    input.short {
      max-inline-size: 10rem;
    }
    .choices {
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
      margin-block-start: 0.5rem;
    }
    .choices.inline {
      flex-direction: row;
      flex-wrap: wrap;
      gap: 0.25rem 1.5rem;
    }
    .choice {
      display: flex;
      align-items: center;
      gap: 0.5rem;
    }
    .choice input,
    .matrix input {
      inline-size: 1.5rem;
      block-size: 1.5rem;
      min-block-size: 0;
      accent-color: var(--_primary);
    }
    .choice input {
      flex: none;
      margin: 0;
    }
    .choice label {
      font-weight: 400;
      padding-block: 0.5rem;
    }
    .matrix {
      overflow-x: auto;
    }
    .matrix table {
      border-collapse: collapse;
      inline-size: 100%;
    }
    .matrix th,
    .matrix td {
      padding: 0.5rem;
      text-align: center;
      border-block-end: 1px solid var(--_soft);
      font-size: 0.875rem;
    }
    .matrix th[scope='row'] {
      text-align: start;
      font-weight: 400;
    }
    .combo {
      position: relative;
    }
    .listbox {
      position: absolute;
      inset-block-start: 100%;
      inset-inline-start: 0;
      z-index: 10;
      margin: 0;
      padding: 0.25rem 0;
      list-style: none;
      background: var(--_bg);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      box-shadow: 0 4px 12px rgb(0 0 0 / 0.2);
      max-block-size: min(20rem, 45vh);
      overflow-y: auto;
      min-inline-size: 100%;
    }
    .listbox li {
      padding-block: 0.5rem;
      padding-inline: 0.75rem;
      cursor: pointer;
    }
    .listbox li.active {
      background: var(--_primary);
      color: #fff;
    }
    .chips {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      padding: 0;
      margin-block: 0.5rem;
      list-style: none;
    }
    .chips li {
      display: inline-flex;
      align-items: center;
      gap: 0.25rem;
      padding-inline-start: 0.75rem;
      border: 1px solid var(--_primary);
      border-radius: 1rem;
    }
    .chips button {
      min-block-size: 2rem;
      padding-inline: 0.75rem;
      border-radius: 1rem;
      background: none;
      border: none;
      color: var(--_primary);
    }
    .variety {
      margin-block-start: 0.75rem;
    }
    .error-summary {
      border: 3px solid var(--_danger);
      border-radius: var(--_radius);
      padding-block: 0.5rem;
      padding-inline: 1rem;
      margin-block: 1rem;
    }
    .error-summary h3 {
      margin-block-start: 0.25rem;
      font-size: 1.125rem;
    }
    .error-summary a {
      color: var(--_danger);
      font-weight: 600;
    }
    .review-head {
      display: flex;
      justify-content: space-between;
      align-items: baseline;
      gap: 1rem;
      border-block-end: 1px solid var(--_border);
    }
    .review dl {
      margin: 0;
    }
    .review .row {
      display: grid;
      grid-template-columns: minmax(0, 2fr) minmax(0, 3fr);
      gap: 0.25rem 1rem;
      padding-block: 0.5rem;
      border-block-end: 1px solid var(--_soft);
    }
    .review dt {
      font-weight: 600;
    }
    .review dd {
      margin: 0;
      overflow-wrap: anywhere;
      white-space: pre-line;
    }
    .review dd .row {
      grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
    }
    .item-title {
      font-weight: 600;
      margin-block: 0.5rem 0;
    }
    .notice {
      background: var(--_soft);
      border-inline-start: 5px solid var(--_primary);
      padding-block: 0.75rem;
      padding-inline: 1rem;
      margin-block: 1rem;
    }
    .code {
      font-family: var(--_mono);
      font-size: 1.25rem;
      font-weight: 700;
      letter-spacing: 0.05em;
    }
    @media (max-width: 30rem) {
      .review .row {
        grid-template-columns: minmax(0, 1fr);
      }
      .actions button {
        flex: 1 1 100%;
      }
    }
  `,
];
