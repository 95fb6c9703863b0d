/** what is kept of a form being filled in, on this device only */
export interface Draft {
  data: Record<string, unknown>;
  step: number;
  savedAt: string;
  /** one key per draft, sent on every attempt so a retry never stores a copy */
  idempotencyKey: string;
}

const PREFIX = 'ponte.draft.';

/**
 * Drafts live in localStorage (no cookies: DESIGN §6), one per form, version
 * and organisation (publishable key or staff organisation), so two schools
 * sharing a computer do not see each other's drafts. Storage may be full or
 * disabled (private mode): a draft is then simply not kept.
 */
export class DraftStore {
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly key: string) {}

  static keyFor(formId: string, version: number, owner: string): string {
    return `${PREFIX}${formId}.v${version}.${owner}`;
  }

  load(): Draft | undefined {
    try {
      const raw = localStorage.getItem(this.key);
      const draft = raw ? (JSON.parse(raw) as Draft) : undefined;
      return draft && typeof draft.data === 'object' && typeof draft.idempotencyKey === 'string' ? draft : undefined;
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
      localStorage.setItem(this.key, JSON.stringify({ ...draft, savedAt: new Date().toISOString() }));
    } catch {
      // Storage full or disabled: the form still works, without a draft.
    }
  }

  clear(): void {
    clearTimeout(this.#timer);
    try {
      localStorage.removeItem(this.key);
    } catch {
      // nothing kept, nothing to clear
    }
  }
}
