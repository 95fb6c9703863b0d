import { LitElement } from 'lit';
import { describeError } from '@ponte/sdk';
import type { ConsoleSession } from './session.js';

/**
 * What every view of the console shares: it draws into the page itself (no
 * shadow root), so the site's stylesheet styles it like the rest of the page
 * and labels, headings and landmarks are the page's own; and it is handed
 * the signed-in session by the element that holds it.
 */
export class ConsoleElement extends LitElement {
  static override properties = { session: { attribute: false } };

  session!: ConsoleSession;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  /** A failed call as a sentence in Italian, ready to show. */
  protected errorText(error: unknown): string {
    return describeError(error, 'it').message;
  }
}

/** Defines an element once: the console's script and a test may both import it. */
export function define(tag: string, element: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, element);
}
