import type { Popover } from '../internal/popover.js';
import { idFor } from './form-paths.js';

/**
 * The positioning code (internal/popover.ts, docs/architecture.md#anatomy) in the picker's own lazy
 * chunk: fetched when a list first opens, not with the form, whose first
 * load it would add to for a list that may be steps away or never opened.
 * Until it comes, the list hangs below its input by CSS alone.
 */
const loadPopover = (): Promise<typeof import('../internal/popover.js')> => import('../internal/popover.js');

/**
 * The state of the language and country pickers of one form, following the
 * WAI-ARIA 1.2 combobox pattern (https://www.w3.org/WAI/ARIA/apg/patterns/combobox/):
 * the input keeps focus, arrows move aria-activedescendant through the
 * listbox, Enter picks, Escape closes. At most one list is open at a time.
 */
export class Combobox {
  openPath: string | undefined;
  active = 0;
  readonly #queries = new Map<string, string>();
  #popover: Popover | undefined;

  constructor(
    private readonly root: () => ShadowRoot | null,
    private readonly requestUpdate: () => void,
    readonly announce: (text: string) => void,
  ) {}

  query(path: string): string | undefined {
    return this.#queries.get(path);
  }

  /** what was typed: opens the list on its first option */
  setQuery(path: string, text: string): void {
    this.#queries.set(path, text);
    this.open(path, 0);
  }

  open(path: string, active = this.active): void {
    if (this.openPath !== path) this.close();
    this.openPath = path;
    this.active = active;
    this.requestUpdate();
    // Placed once drawn, by the popover once it is here; should it fail to
    // come, the list still hangs below its input by CSS alone.
    setTimeout(() => void loadPopover().then(({ Popover }) => this.#place(path, Popover), () => undefined));
  }

  #place(path: string, Floating: typeof Popover): void {
    const root = this.root();
    const input = root?.getElementById(idFor(path));
    const list = root?.getElementById(`${idFor(path)}-list`);
    if (this.openPath !== path || !input || !list) return;
    // The same list with other options (a letter typed): placed again, as a
    // shorter list flipped above its input would otherwise float off it.
    if (this.#popover?.floating === list) return this.#popover.update();
    this.#popover?.hide();
    this.#popover = new Floating(input, list);
    this.#popover.show();
  }

  /** closes the open list; with `forget`, drops what was typed so the input shows the chosen value again */
  close(forget = false): void {
    if (forget && this.openPath) this.#queries.delete(this.openPath);
    this.#popover?.hide();
    this.#popover = undefined;
    if (this.openPath === undefined) return;
    this.openPath = undefined;
    this.requestUpdate();
  }

  forget(path: string): void {
    this.#queries.delete(path);
  }

  /** keeps the active option in view inside the scrolling list */
  scrollActive(path: string): void {
    queueMicrotask(() => this.root()?.getElementById(`${idFor(path)}-o${this.active}`)?.scrollIntoView({ block: 'nearest' }));
  }
}
