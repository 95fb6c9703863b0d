/** what is kept of a form being filled in, on this device only */
export interface Draft {
  data: Record<string, unknown>;
  step: number;
  savedAt: string;
  /** one key per draft, sent on every attempt so a retry never stores a copy */
  idempotencyKey: string;
}

const PREFIX = 'ponte.draft.';
/** A draft older than this is not offered back: personal data should not wait on a device forever. */
const MAX_AGE_MS = 30 * 24 * 3600 * 1000;

/**
 * Drafts live in localStorage (no cookies: docs/architecture.md#staff-tokens), one per form, version
 * and organisation (publishable key or staff organisation), so two schools
 * sharing a computer do not see each other's drafts. Storage may be full or
 * disabled (private mode): a draft is then simply not kept.
 */
export class DraftStore {
  #timer: ReturnType<typeof setTimeout> | undefined;

  /**
   * `storage` is localStorage, so a draft survives closing the tab; a form
   * with special-category data (A.5) passes sessionStorage instead, so its
   * draft dies with the tab and never lingers on a shared office computer.
   */
  constructor(
    private readonly key: string,
    // A getter: merely touching localStorage throws where storage is disabled.
    private readonly storage: () => Storage = () => localStorage,
  ) {}

  static keyFor(formId: string, version: number, owner: string): string {
    return `${PREFIX}${formId}.v${version}.${owner}`;
  }

  load(): Draft | undefined {
    try {
      const raw = this.storage().getItem(this.key);
      const draft = raw ? (JSON.parse(raw) as Draft) : undefined;
      const fresh = draft && Date.now() - Date.parse(draft.savedAt) < MAX_AGE_MS;
      return fresh && typeof draft.data === 'object' && typeof draft.idempotencyKey === 'string' ? draft : undefined;
    } catch {
      return undefined;
    }
  }

  /** saves after a pause in typing, so a keystroke does not cost a write */
  saveSoon(draft: Omit<Draft, 'savedAt'>, delayMs = 400): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.save(draft), delayMs);
  }

  save(draft: Omit<Draft, 'savedAt'>): void {
    clearTimeout(this.#timer);
    try {
      this.storage().setItem(this.key, JSON.stringify({ ...draft, savedAt: new Date().toISOString() }));
    } catch {
      // Storage full or disabled: the form still works, without a draft.
    }
  }

  clear(): void {
    clearTimeout(this.#timer);
    try {
      this.storage().removeItem(this.key);
    } catch {
      // nothing kept, nothing to clear
    }
  }
}
