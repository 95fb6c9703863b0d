import type { FieldDefinition } from '@ponte/forms';
import * as composite from './render-composite.js';
import * as review from './render-review.js';

/*
 * Parts of the renderer that a step may not need. The language and country
 * picker is fetched as its own chunk the first time a step needs it (and on
 * idle before that). The composite kinds and the summary and receipt views
 * go through the same door but are bundled with the renderer: measured, as
 * chunks of their own they added more to the whole library (each file is
 * gzipped alone) than they took off the first load.
 */
const LOADERS = {
  combobox: () => import('./combobox.js'),
  composite: () => Promise.resolve(composite),
  review: () => Promise.resolve(review),
};

export type ViewName = keyof typeof LOADERS;
export type ViewModule<K extends ViewName> = Awaited<ReturnType<(typeof LOADERS)[K]>>;

/** the lazy views a list of fields draws with (children of groups included) */
export function viewsFor(fields: readonly FieldDefinition[]): ViewName[] {
  const names = new Set<ViewName>();
  for (const field of fields) {
    if (field.kind === 'language' || field.kind === 'country') names.add('combobox');
    if (field.kind === 'likert' || field.kind === 'likertMatrix' || field.kind === 'timeSlots') names.add('composite');
    if (field.kind === 'group') viewsFor(field.fields).concat('composite').forEach((n) => names.add(n));
  }
  return [...names];
}

export class LazyViews {
  readonly #loaded = new Map<ViewName, unknown>();
  readonly #loading = new Map<ViewName, Promise<unknown>>();

  /** `loaded` runs once per view when it arrives, so the host can draw again */
  constructor(private readonly loaded: () => void) {}

  /** the view if it is here; otherwise starts fetching it and answers undefined */
  get<K extends ViewName>(name: K): ViewModule<K> | undefined {
    const view = this.#loaded.get(name) as ViewModule<K> | undefined;
    if (!view) void this.load([name]);
    return view;
  }

  load(names: readonly ViewName[]): Promise<unknown> {
    return Promise.all(
      names.map((name) => {
        let loading = this.#loading.get(name);
        if (!loading) {
          loading = LOADERS[name]().then((m) => {
            this.#loaded.set(name, m);
            this.loaded();
          });
          // A failed fetch may be retried on the next draw.
          loading.catch(() => this.#loading.delete(name));
          this.#loading.set(name, loading);
        }
        return loading;
      }),
    );
  }
}
