import { computePosition, flip, offset, shift } from '@floating-ui/dom';

/**
 * The one owner of @floating-ui/dom (docs/architecture.md#anatomy): keeps a floating element
 * (a combobox's listbox) next to its anchor while it is open. Loaded lazily,
 * the first time a list opens.
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
    // resizes, while open. NOTE: not Floating UI's autoUpdate, whose watch of
    // layout shifts (IntersectionObserver, ResizeObserver) costs a kilobyte of
    // the widget budget for a list that is open a few seconds; a list that
    // opens below its input needs no more. Removed on hide, which the host
    // also calls when it leaves the page.
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
    void this.#place();
  }

  async #place(): Promise<void> {
    // NOTE: 'fixed' rather than 'absolute': Floating UI's offsetParent does
    // not see through shadow roots (shoelace#1135), fixed needs none.
    const { x, y } = await computePosition(this.anchor, this.floating, {
      strategy: 'fixed',
      placement: 'bottom-start',
      // NOTE: Floating UI middlewares are order dependent.
      middleware: [
        offset(4),
        flip({ padding: 8 }),
        shift({ padding: 8 }),
      ],
    });
    // Physical left/top are what Floating UI computes; right/bottom are reset
    // so the logical insets of the static fallback (RTL) do not stretch it.
    // At least as wide as its input; its height is capped by CSS (min(20rem, 45vh)),
    // so flip finds room above or below. NOTE: no size middleware, for the widget budget.
    Object.assign(this.floating.style, {
      position: 'fixed',
      left: `${x}px`,
      top: `${y}px`,
      right: 'auto',
      bottom: 'auto',
      minInlineSize: `${this.anchor.getBoundingClientRect().width}px`,
    });
  }
}
