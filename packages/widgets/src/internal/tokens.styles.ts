import { css } from 'lit';

/*
 * The design tokens every Ponte widget reads
 * (docs/architecture.md#events-parts-and-theming-tokens). Each falls back to
 * Bootstrap Italia's variable when the host page has it, so a widget looks
 * native on a Modello Comuni or Modello Scuole page, and to a built-in value
 * in the same spirit otherwise. No font is downloaded: Titillium Web is used
 * when the page has it.
 */
export const tokens = css`
  :host {
    --_primary: var(--ponte-color-primary, var(--bs-primary, #0066cc));
    --_text: var(--ponte-color-text, var(--bs-body-color, #1a1a1a));
    --_muted: var(--ponte-color-muted, #5c6f82);
    --_danger: var(--ponte-color-danger, var(--bs-danger, #cc334d));
    --_success: var(--ponte-color-success, var(--bs-success, #008055));
    --_border: var(--ponte-color-border, #5c6f82);
    --_bg: var(--ponte-color-background, var(--bs-body-bg, #fff));
    --_soft: var(--ponte-color-soft, #f2f7fc);
    --_radius: var(--ponte-radius, var(--bs-border-radius, 4px));
    --_focus: var(--ponte-focus-color, #ff9900);
    --_mono: var(--ponte-font-family-mono, 'Roboto Mono', ui-monospace, monospace);
    display: block;
    color: var(--_text);
    font-family: var(--ponte-font-family, var(--bs-body-font-family, 'Titillium Web', system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif));
    font-size: var(--ponte-font-size, 1rem);
    line-height: 1.5;
    max-inline-size: var(--ponte-max-width, 48rem);
    box-sizing: border-box;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
    box-shadow: 0 0 0 5px var(--_text);
  }
  .sr-only {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  h2,
  h3,
  h4 {
    line-height: 1.25;
    margin-block: 1.25rem 0.5rem;
  }
  h2 {
    font-size: 1.5rem;
  }
  h3 {
    font-size: 1.25rem;
  }
  button {
    font: inherit;
    font-weight: 600;
    min-block-size: 2.75rem;
    padding-block: 0.5rem;
    padding-inline: 1.25rem;
    border: 2px solid var(--_primary);
    border-radius: var(--_radius);
    background: var(--_primary);
    color: #fff;
    cursor: pointer;
  }
  button.secondary {
    background: var(--_bg);
    color: var(--_primary);
  }
  button.link {
    background: none;
    border: none;
    color: var(--_primary);
    text-decoration: underline;
    padding-inline: 0.25rem;
  }
  button:disabled {
    opacity: 0.75;
    cursor: progress;
  }
  input,
  select,
  textarea {
    font: inherit;
    color: var(--_text);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding-block: 0.5rem;
    padding-inline: 0.75rem;
    min-block-size: 2.75rem;
    inline-size: 100%;
    max-inline-size: 100%;
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
  /* label and value pairs (receipt, status): the values in one column */
  .values {
    display: grid;
    grid-template-columns: max-content minmax(0, 1fr);
    gap: 0.25rem 1rem;
    margin-block: 1rem;
  }
  .values dt {
    font-weight: 600;
  }
  .values dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
    border-width: 2px;
  }
  /* what was sent, booked or found: a receipt, the booking confirmed, a status */
  .receipt {
    border-inline-start: 5px solid var(--_success);
    padding-inline: 1rem;
  }
  .error-box {
    border-inline-start: 5px solid var(--_danger);
    padding-block: 0.5rem;
    padding-inline: 1rem;
    margin-block: 1rem;
    background: var(--_bg);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    margin-block: 1.5rem;
  }
  @media (max-width: 30rem) {
    .values {
      grid-template-columns: minmax(0, 1fr);
      gap: 0;
    }
    .values dd {
      margin-block-end: 0.5rem;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      transition: none !important;
      animation: none !important;
      scroll-behavior: auto !important;
    }
  }
`;
