import { css } from 'lit';
import { tokens } from '../internal/tokens.styles.js';

export const styles = [
  tokens,
  css`
    h2 {
      margin-block-start: 0;
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
    .status {
      font-weight: 700;
    }
  `,
];
