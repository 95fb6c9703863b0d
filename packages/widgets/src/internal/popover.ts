import { placeFloating } from './place-floating.js';

/**
 * Keeps a floating element (a combobox's listbox, the calendar's details)
 * next to its anchor while it is open, placed by place-floating.ts
 * (docs/architecture.md#anatomy). Loaded lazily, the first time a list opens.
 */
export class Popover {
  #cleanup: (() => void) | undefined;
  readonly #onKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    this.hide();
    this.returnFocus.focus();
  };

  constructor(
    readonly anchor: HTMLElement,
    readonly floating: HTMLElement,
    /** where focus goes back to when Escape closes the popover */
    readonly returnFocus: HTMLElement = anchor,
  ) {}

  get isOpen(): boolean {
    return this.#cleanup !== undefined;
  }

  show(): void {
    if (this.#cleanup) return;
    this.floating.addEventListener('keydown', this.#onKeydown);
    // Placed again when the page scrolls (any scroller: capture) or the window
    // resizes, while open; not on every layout shift (observers) too, for a
    // list that is open a few seconds. Removed on hide, which the host also
    // calls when it leaves the page.
    const place = () => this.update();
    addEventListener('scroll', place, { capture: true, passive: true });
    addEventListener('resize', place);
    place();
    this.#cleanup = () => {
      removeEventListener('scroll', place, { capture: true });
      removeEventListener('resize', place);
    };
  }

  hide(): void {
    this.floating.removeEventListener('keydown', this.#onKeydown);
    this.#cleanup?.();
    this.#cleanup = undefined;
  }

  /** places the floating element again: its content or its anchor changed */
  update(): void {
    placeFloating(this.anchor, this.floating);
  }
}
