import { css } from 'lit';
import { tokens } from '../internal/tokens.styles.js';

export const styles = [
  tokens,
  css`
    h2 {
      margin-block-start: 0;
    }
    label {
      display: block;
      font-weight: 600;
    }
    .hint {
      color: var(--_muted);
      margin-block: 0.25rem;
    }
    .error {
      color: var(--_danger);
      font-weight: 600;
      margin-block: 0.25rem;
    }
    input {
      max-inline-size: 24rem;
      font-family: var(--ponte-font-family-mono, 'Roboto Mono', ui-monospace, monospace);
      text-transform: uppercase;
    }
    .result {
      border-inline-start: 5px solid var(--_success);
      padding-inline: 1rem;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1rem;
      padding-block: 0.25rem;
    }
    dt {
      font-weight: 600;
    }
    dd {
      margin: 0;
    }
    .status {
      font-weight: 700;
    }
  `,
];
