import { VisibilityResolver, indexForm } from './conditions.js';
import type { FieldDefinition, FormDefinition, GroupField } from './definition.types.js';

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Assignment would run the `__proto__` setter for that key parsed from JSON,
 * swallowing an unknown key the strict object must report: it is defined
 * instead. Any other key is assigned, which defining costs several times over.
 */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/** trimmed string, or undefined when blank; anything else unchanged for the type check to judge */
function cleanString(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

function cleanRecord(value: unknown, clean: (key: string, v: unknown) => unknown): unknown {
  if (!isRecord(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const cleaned = clean(key, v);
    if (cleaned !== undefined) setOwn(out, key, cleaned);
  }
  return Object.keys(out).length === 0 ? undefined : out;
}

function cleanList(value: unknown, cleanItem: (v: unknown) => unknown): unknown {
  if (!Array.isArray(value)) return value;
  return value.length === 0 ? undefined : value.map(cleanItem);
}

const cleanLanguage = (value: unknown) => cleanRecord(value, (_key, v) => cleanString(v));

/**
 * Trims strings and turns blank values (blank strings, null, empty lists,
 * empty objects) into "missing", so that required-ness sees one notion of
 * empty. Unknown keys are left for the strict object to report.
 */
function cleanValue(field: FieldDefinition, value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  switch (field.kind) {
    case 'language':
      return field.multiple ? cleanList(value, cleanLanguage) : cleanLanguage(value);
    case 'multiselect':
    case 'country':
    case 'schoolLevel':
      return Array.isArray(value) ? cleanList(value, cleanString) : cleanString(value);
    case 'likertMatrix':
      return cleanRecord(value, (_key, v) => (v === null ? undefined : v));
    case 'signature':
      return cleanRecord(value, (key, v) => (key === 'name' ? cleanString(v) : v === null ? undefined : v));
    case 'timeSlots':
      return cleanList(value, (slot) => cleanRecord(slot, (_key, v) => cleanString(v)) ?? {});
    case 'group':
      return cleanList(value, (item) => cleanGroupItem(field, item));
    default:
      return cleanString(value);
  }
}

function cleanGroupItem(group: GroupField, item: unknown): unknown {
  if (!isRecord(item)) return item;
  const children = new Map(group.fields.map((f) => [f.key, f]));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(item)) {
    const child = children.get(key);
    const cleaned = child ? cleanValue(child, v) : v;
    if (cleaned !== undefined) setOwn(out, key, cleaned);
  }
  return out;
}

/**
 * The first step of a compiled form: clean the values of known fields, then
 * drop the values of hidden fields, before anything is type-checked (a
 * hidden field may hold a stale value of any shape). Never mutates `input`.
 */
export function normalizeSubmission(def: FormDefinition, input: unknown): unknown {
  if (!isRecord(input)) return input;
  const index = indexForm(def);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    const entry = index.top.get(key);
    const cleaned = entry ? cleanValue(entry.field, value) : value;
    if (cleaned !== undefined) setOwn(out, key, cleaned);
  }

  const resolver = new VisibilityResolver(def, out);
  const hiddenTop = [...index.top.keys()].filter((key) => key in out && !resolver.isTopVisible(key));
  const hiddenInItems: [Record<string, unknown>, string][] = [];
  for (const [groupKey, children] of index.groups) {
    const items = out[groupKey];
    if (!Array.isArray(items) || !resolver.isTopVisible(groupKey)) continue;
    for (const item of items) {
      if (!isRecord(item)) continue;
      for (const childKey of children.keys()) {
        if (childKey in item && !resolver.isItemFieldVisible(groupKey, item, childKey)) {
          hiddenInItems.push([item, childKey]);
        }
      }
    }
  }
  // Deleting only after every visibility is known keeps the answer independent of field order.
  for (const key of hiddenTop) delete out[key];
  for (const [item, key] of hiddenInItems) delete item[key];
  return out;
}
