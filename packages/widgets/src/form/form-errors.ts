import type { FieldErrors, FormDefinition, Locale, SectionDefinition, validateSubmission } from '@ponte/forms';
import { anchorOf, topKey } from './form-paths.js';

/**
 * The errors of a form being filled in, and which are shown where: the
 * validator's (the server's own rules, loaded lazily with zod by
 * internal/validation.ts), shown once the user left their control or tried
 * to move past their step; and the server's, from the last send, shown at
 * once until their answer changes.
 */
export class FormErrors {
  #validator: typeof validateSubmission | undefined;
  #loading: Promise<void> | undefined;
  #client: FieldErrors = {};
  #server: FieldErrors = {};
  #touched = new Set<string>();
  #attempted = new Set<string>();
  #shown = new Map<string, string[]>();

  /** `loaded` runs once the validator is there, to validate the answers as they are by then */
  constructor(private readonly loaded: () => void) {}

  /** the validator, fetched once, on the first interaction with the form */
  load(): Promise<void> {
    this.#loading ??= import('../internal/validation.js').then((m) => {
      this.#validator = m.validateSubmission;
      this.loaded();
    });
    return this.#loading;
  }

  /** validates the answers; false while the validator is not there yet */
  validate(def: FormDefinition, data: Record<string, unknown>, locale: Locale): boolean {
    if (!this.#validator) return false;
    const result = this.#validator(def, data, locale);
    this.#client = result.ok ? {} : result.fieldErrors;
    return true;
  }

  /** the user left the control of `path`: its errors show from now on */
  touch(path: string): void {
    this.#touched.add(path);
  }

  /** the user tried to move past `sections`: their fields' errors show from now on */
  attempt(sections: readonly SectionDefinition[]): void {
    for (const s of sections) for (const f of s.fields) this.#attempted.add(f.key);
  }

  /** the answer at `path` changed: what the server said of it, or of its parts, no longer holds */
  changed(path: string): void {
    for (const key of Object.keys(this.#server)) {
      if (key === path || key.startsWith(`${path}.`)) delete this.#server[key];
    }
  }

  /** the server refused the answers for these reasons */
  refused(fieldErrors: FieldErrors): void {
    this.#server = fieldErrors;
  }

  /** a new form: nothing touched, attempted or refused */
  clear(): void {
    this.#touched.clear();
    this.#attempted.clear();
    this.#server = {};
  }

  /** works out, before drawing, which errors are shown at which control */
  show(def: FormDefinition): void {
    this.#shown = new Map();
    for (const [path, message] of Object.entries(this.#all)) {
      const anchor = anchorOf(def, path);
      if (anchor === undefined) continue;
      const show = path in this.#server || this.#attempted.has(topKey(path)) || this.#touched.has(anchor);
      if (show) this.#shown.set(anchor, [...(this.#shown.get(anchor) ?? []), message]);
    }
  }

  /** the messages shown at the control of `path` */
  at(path: string): string[] {
    return this.#shown.get(path) ?? [];
  }

  /**
   * The errors of the fields of `sections` (visible or not: a hidden field
   * has no error), in form order: the order of the fields on the page,
   * whatever order the validator found them in.
   */
  in(sections: readonly SectionDefinition[]): [string, string][] {
    const order = sections.flatMap((s) => s.fields.map((f) => f.key));
    const rank = (path: string) => order.indexOf(topKey(path));
    return Object.entries(this.#all)
      .filter(([path]) => rank(path) >= 0)
      .sort(([a], [b]) => rank(a) - rank(b));
  }

  get #all(): FieldErrors {
    return { ...this.#client, ...this.#server };
  }
}
