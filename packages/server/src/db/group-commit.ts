/**
 * Writes that arrive together, committed together: items added under the
 * same key while a write of that key is being made, or in the same turn of
 * the event loop, are written by one call of `writeMany`, and so in one
 * transaction and one commit. What it saves is what every commit costs
 * whatever it holds: the flush to disk, and a lock that serialises the
 * writers of a key (a gapless counter's row) for as long as it is held.
 *
 * Each item's promise settles with its own result. If a group's write fails,
 * nothing of it was written (one transaction), and each of its items is
 * written again alone: one item's refusal (a unique index) never becomes
 * another's. An item alone is written once, and its failure is its own.
 */
export class GroupCommit<Item, Result> {
  readonly #groups = new Map<string, Group<Item, Result>>();

  /**
   * @param writeMany writes the items, all or none, in one transaction; answers their results in order
   * @param most the largest group written at once
   */
  constructor(
    private readonly writeMany: (items: Item[]) => Promise<Result[]>,
    private readonly most = 64,
  ) {}

  /** Writes `item` with the others of `key` that come with it; answers its result. */
  add(key: string, item: Item): Promise<Result> {
    let group = this.#groups.get(key);
    if (!group) {
      group = { waiting: [], writing: false };
      this.#groups.set(key, group);
    }
    const waiting = group.waiting;
    const result = new Promise<Result>((resolve, reject) => waiting.push({ item, resolve, reject }));
    // The turn's other arrivals join before the write starts.
    if (!group.writing && waiting.length === 1) setImmediate(() => void this.#drain(key, group));
    return result;
  }

  async #drain(key: string, group: Group<Item, Result>): Promise<void> {
    if (group.writing) return;
    group.writing = true;
    while (group.waiting.length > 0) {
      const taken = group.waiting.splice(0, this.most);
      await this.#write(taken);
    }
    group.writing = false;
    this.#groups.delete(key);
  }

  async #write(taken: Waiting<Item, Result>[]): Promise<void> {
    try {
      const results = await this.writeMany(taken.map((w) => w.item));
      taken.forEach((w, i) => w.resolve(results[i]!));
    } catch (error) {
      if (taken.length === 1) {
        taken[0]!.reject(error);
        return;
      }
      for (const w of taken) await this.#write([w]);
    }
  }
}

interface Waiting<Item, Result> {
  item: Item;
  resolve: (result: Result) => void;
  reject: (error: unknown) => void;
}

interface Group<Item, Result> {
  waiting: Waiting<Item, Result>[];
  writing: boolean;
}
