import type {
  Condition,
  ConditionValue,
  FieldDefinition,
  FormDefinition,
  GroupChildField,
  GroupField,
  SectionDefinition,
} from './definition.types.js';

/** where each field lives, computed once per definition */
export interface FormIndex {
  /** top-level fields with their section */
  top: Map<string, { field: FieldDefinition; section: SectionDefinition }>;
  /** group key → child key → child field */
  groups: Map<string, Map<string, GroupChildField>>;
}

const indexes = new WeakMap<FormDefinition, FormIndex>();

export function indexForm(def: FormDefinition): FormIndex {
  let index = indexes.get(def);
  if (index) return index;
  index = { top: new Map(), groups: new Map() };
  for (const section of def.sections) {
    for (const field of section.fields) {
      index.top.set(field.key, { field, section });
      if (field.kind === 'group') {
        index.groups.set(field.key, new Map(field.fields.map((child) => [child.key, child])));
      }
    }
  }
  indexes.set(def, index);
  return index;
}

export function isFilled(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

/** a language value `{ code }` compares by its code, so conditions can say `equals: 'ara'` */
function comparable(value: unknown): unknown {
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && 'code' in value) {
    return (value as { code: unknown }).code;
  }
  return value;
}

export function evaluateCondition(condition: Condition, lookup: (field: string) => unknown): boolean {
  if ('all' in condition) return condition.all.every((c) => evaluateCondition(c, lookup));
  if ('any' in condition) return condition.any.some((c) => evaluateCondition(c, lookup));
  if ('not' in condition) return !evaluateCondition(condition.not, lookup);
  const value = lookup(condition.field);
  if ('equals' in condition) return comparable(value) === condition.equals;
  if ('notEquals' in condition) return comparable(value) !== condition.notEquals;
  if ('in' in condition) return condition.in.includes(comparable(value) as ConditionValue);
  if ('includes' in condition) {
    return Array.isArray(value) && value.some((item) => comparable(item) === condition.includes);
  }
  return isFilled(value) === condition.filled;
}

/** the fields a condition names, for the structural check */
export function conditionFields(condition: Condition): string[] {
  if ('all' in condition) return condition.all.flatMap(conditionFields);
  if ('any' in condition) return condition.any.flatMap(conditionFields);
  if ('not' in condition) return conditionFields(condition.not);
  return [condition.field];
}

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/**
 * Visibility over one submission. A field that is hidden reads as empty to
 * the conditions of others, so chains (A shows B, B shows C) collapse
 * together. Results are memoised; a cycle (rejected by checkDefinition)
 * reads as hidden rather than looping.
 */
export class VisibilityResolver {
  readonly #index: FormIndex;
  readonly #data: Record<string, unknown>;
  readonly #top = new Map<string, boolean>();
  readonly #sections = new Map<SectionDefinition, boolean>();
  readonly #items = new WeakMap<object, Map<string, boolean>>();

  constructor(def: FormDefinition, data: unknown) {
    this.#index = indexForm(def);
    this.#data = asRecord(data);
  }

  readonly topValue = (key: string): unknown => (this.isTopVisible(key) ? this.#data[key] : undefined);

  isSectionVisible(section: SectionDefinition): boolean {
    const known = this.#sections.get(section);
    if (known !== undefined) return known;
    this.#sections.set(section, false);
    const visible = section.when ? evaluateCondition(section.when, this.topValue) : true;
    this.#sections.set(section, visible);
    return visible;
  }

  isTopVisible(key: string): boolean {
    const known = this.#top.get(key);
    if (known !== undefined) return known;
    const entry = this.#index.top.get(key);
    if (!entry) return false;
    this.#top.set(key, false);
    const visible =
      this.isSectionVisible(entry.section) &&
      (entry.field.when ? evaluateCondition(entry.field.when, this.topValue) : true);
    this.#top.set(key, visible);
    return visible;
  }

  /** `item` is one element of the group's array in the data */
  isItemFieldVisible(groupKey: string, item: unknown, childKey: string): boolean {
    if (!this.isTopVisible(groupKey)) return false;
    const children = this.#index.groups.get(groupKey);
    const child = children?.get(childKey);
    if (!children || !child) return false;
    if (!child.when) return true;
    const record = asRecord(item);
    let memo = this.#items.get(record);
    if (!memo) {
      memo = new Map();
      this.#items.set(record, memo);
    }
    const known = memo.get(childKey);
    if (known !== undefined) return known;
    memo.set(childKey, false);
    const visible = evaluateCondition(child.when, this.itemLookup(groupKey, record));
    memo.set(childKey, visible);
    return visible;
  }

  /** siblings in the same item first, then top-level fields */
  itemLookup(groupKey: string, item: Record<string, unknown>): (field: string) => unknown {
    const children = this.#index.groups.get(groupKey);
    return (field) => {
      if (children?.has(field)) {
        return this.isItemFieldVisible(groupKey, item, field) ? item[field] : undefined;
      }
      return this.topValue(field);
    };
  }
}

export function isSectionVisible(def: FormDefinition, section: SectionDefinition, data: unknown): boolean {
  return new VisibilityResolver(def, data).isSectionVisible(section);
}

/**
 * Whether the field at `path` is shown: a top-level key ('interpreterNeeded')
 * or a group item path ('beneficiaries.0.citizenship').
 */
export function isFieldVisible(def: FormDefinition, path: string, data: unknown): boolean {
  const resolver = new VisibilityResolver(def, data);
  const [key = '', index, child] = path.split('.');
  if (index === undefined || child === undefined) return resolver.isTopVisible(key);
  const items = asRecord(data)[key];
  const item = Array.isArray(items) ? items[Number(index)] : undefined;
  return resolver.isItemFieldVisible(key, item, child);
}

/**
 * Every visible field path for the current data: top-level keys, and for
 * each existing item of a visible group its visible children as
 * 'group.index.child'. Widgets call it on each change to show and hide.
 */
export function visibleFields(def: FormDefinition, data: unknown): string[] {
  const resolver = new VisibilityResolver(def, data);
  const record = asRecord(data);
  const paths: string[] = [];
  for (const section of def.sections) {
    for (const field of section.fields) {
      if (!resolver.isTopVisible(field.key)) continue;
      paths.push(field.key);
      if (field.kind === 'group') paths.push(...visibleItemPaths(resolver, field, record[field.key]));
    }
  }
  return paths;
}

function visibleItemPaths(resolver: VisibilityResolver, group: GroupField, items: unknown): string[] {
  if (!Array.isArray(items)) return [];
  return items.flatMap((item, i) =>
    group.fields
      .filter((child) => resolver.isItemFieldVisible(group.key, item, child.key))
      .map((child) => `${group.key}.${i}.${child.key}`),
  );
}
