import { css } from 'lit';
import { tokens } from '../internal/tokens.styles.js';

export const styles = [
  tokens,
  css`
    :host {
      max-inline-size: var(--ponte-max-width, 64rem);
    }
    .bar,
    [role='group'],
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    .bar {
      justify-content: space-between;
    }
    /* button: as specific as the tokens' button.secondary, and later, so the view shown looks pressed */
    button[aria-pressed='true'] {
      background: var(--_primary);
      color: #fff;
    }
    .scroll {
      overflow-x: auto;
    }
    table {
      border-collapse: collapse;
      inline-size: 100%;
      min-inline-size: 40rem;
      table-layout: fixed;
    }
    th,
    td {
      border: 1px solid var(--_border);
      padding: 0.25rem;
      vertical-align: top;
      text-align: start;
      font-size: 0.875rem;
    }
    tr > :first-child {
      inline-size: 8rem;
    }
    tbody td {
      block-size: 4.5rem;
      cursor: pointer;
    }
    td:focus-visible {
      outline-offset: -3px;
      box-shadow: none;
    }
    td > span,
    .hours {
      display: block;
      font-weight: 400;
    }
    .a {
      background: var(--_soft);
      border-inline-start: 3px solid var(--_primary);
      padding-inline: 0.25rem;
      margin-block-end: 2px;
      /* one line each: the details show the rest */
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .cancelled {
      text-decoration: line-through;
    }
    .out {
      color: var(--_muted);
    }
    td[aria-current] {
      box-shadow: inset 0 3px 0 var(--_primary);
    }
    [aria-current] .n {
      color: var(--_primary);
      text-decoration: underline;
    }
    .pop {
      position: fixed;
      z-index: 10;
      background: var(--_bg);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      box-shadow: 0 4px 16px #0004;
      padding: 0 1rem 1rem;
      max-inline-size: min(24rem, 92vw);
      max-block-size: 70vh;
      overflow: auto;
    }
    .values + .values {
      border-block-start: 1px solid var(--_border);
      padding-block-start: 1rem;
    }
    summary {
      font-weight: 600;
      margin-block: 1.5rem;
    }
    .row {
      align-items: end;
      margin-block-end: 0.75rem;
    }
    .row > div {
      flex: 1 1 9rem;
    }
    /* NOTE: <details> passes its content through a UA slot, where "box-sizing: inherit" finds content-box */
    details * {
      box-sizing: border-box;
    }
  `,
];
