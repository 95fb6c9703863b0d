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
      font-family: var(--_mono);
      text-transform: uppercase;
    }
    .status {
      font-weight: 700;
    }
  `,
];
