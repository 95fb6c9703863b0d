/** Between the anchor and what floats next to it. */
const GAP = 4;
/** Kept free along the viewport's edges. */
const MARGIN = 8;

/**
 * Places `floating` (position: fixed) next to `anchor`: below it and aligned
 * with its start edge (its right one right to left), or above it when it has
 * less to spare below than above, and moved sideways to stay within the
 * viewport; at least as wide as the anchor. Its height is capped by its own
 * CSS, so one side or the other usually has room.
 *
 * NOTE: fixed rather than absolute, as nothing else positions it through
 * the shadow roots between it and the page: a fixed element is placed in
 * the viewport, which getBoundingClientRect speaks in too, and is not clipped
 * by the page's scrolling containers. An ancestor with a transform or a
 * filter makes itself the origin of fixed boxes instead (a modal dialog
 * does): the element is first put at (0, 0) and measured, and where that
 * landed is taken off.
 * NOTE: our own rather than Floating UI's computePosition, which with its DOM
 * platform takes 5 kB of the widget library's budget, 0.7 kB more than is
 * left beside the early calls of ponte.js (docs/architecture.md#bundles-and-budgets).
 */
export function placeFloating(anchor: Element, floating: HTMLElement): void {
  const { style } = floating;
  const at = anchor.getBoundingClientRect();
  // Physical insets: right and bottom reset, so the logical insets of the
  // CSS fallback (which hangs a list below its input) do not stretch it.
  Object.assign(style, { position: 'fixed', left: '0', top: '0', right: 'auto', bottom: 'auto', minInlineSize: `${at.width}px` });
  const box = floating.getBoundingClientRect();
  const { clientWidth, clientHeight } = document.documentElement;
  const below = at.bottom + GAP;
  const above = at.top - GAP - box.height;
  const overflowBelow = below + box.height - (clientHeight - MARGIN);
  const top = overflowBelow > 0 && MARGIN - above < overflowBelow ? above : below;
  const start = getComputedStyle(floating).direction === 'rtl' ? at.right - box.width : at.left;
  const left = Math.max(MARGIN, Math.min(start, clientWidth - MARGIN - box.width));
  style.left = `${left - box.left}px`;
  style.top = `${top - box.top}px`;
}
