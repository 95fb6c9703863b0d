import type { FieldDefinition, FormDefinition, GroupChildField } from '@ponte/forms';

/*
 * Paths name values the way the server names field errors:
 * 'language', 'language.variety', 'beneficiaries.1.citizenship',
 * 'proposedSlots.0.from', 'likert.rowKey'.
 */

export function getPath(data: Record<string, unknown>, path: string): unknown {
  let value: unknown = data;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** a copy of `data` with the value at `path` replaced; undefined removes it */
export function setPath(data: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const [head = '', ...rest] = path.split('.');
  const copy: Record<string, unknown> = Array.isArray(data) ? ([...data] as never) : { ...data };
  if (rest.length === 0) {
    if (value === undefined) delete copy[head];
    else copy[head] = value;
    return copy;
  }
  const child = copy[head];
  const nextIsIndex = /^\d+$/.test(rest[0] ?? '');
  const base = child !== null && typeof child === 'object' ? child : nextIsIndex ? [] : {};
  copy[head] = setPath(base as Record<string, unknown>, rest.join('.'), value);
  return copy;
}

/** a DOM id for a path, unique inside one widget's shadow root */
export const idFor = (path: string): string => `f-${path.replaceAll('.', '-')}`;

export function topFields(def: FormDefinition): FieldDefinition[] {
  return def.sections.flatMap((s) => s.fields);
}

/**
 * Where the error at `path` is shown: the path of the control (or group of
 * controls) that renders it. Undefined for a path the form does not know:
 * such errors are listed only in the error summary.
 */
export function anchorOf(def: FormDefinition, path: string): string | undefined {
  const [key = '', ...rest] = path.split('.');
  const field = topFields(def).find((f) => f.key === key);
  if (!field) return undefined;
  if (field.kind !== 'group') return leafAnchor(field, key, rest);
  const [index, childKey, ...childRest] = rest;
  if (index === undefined || childKey === undefined) return key;
  const child = field.fields.find((f) => f.key === childKey);
  return child ? leafAnchor(child, `${key}.${index}.${childKey}`, childRest) : key;
}

function leafAnchor(field: GroupChildField, base: string, rest: string[]): string {
  const [first, second] = rest;
  switch (field.kind) {
    case 'timeSlots':
      return first !== undefined && second !== undefined ? `${base}.${first}.${second}` : base;
    case 'language':
      return !field.multiple && first === 'variety' ? `${base}.variety` : base;
    case 'signature':
      return first === 'confirmed' ? `${base}.confirmed` : base;
    default:
      return base;
  }
}

/** the top-level key a path belongs to */
export const topKey = (path: string): string => path.split('.')[0] ?? '';

/**
 * The data without the values of hidden fields, as it will be sent: the
 * server drops them too, but a hidden answer should not even leave the page.
 */
export function visibleData(
  def: FormDefinition,
  data: Record<string, unknown>,
  visible: readonly string[],
): Record<string, unknown> {
  const shown = new Set(visible);
  const groups = new Set(topFields(def).filter((f) => f.kind === 'group').map((f) => f.key));
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if (!shown.has(key)) continue;
    out[key] =
      groups.has(key) && Array.isArray(value)
        ? value.map((item: Record<string, unknown>, i) =>
            Object.fromEntries(Object.entries(item ?? {}).filter(([child]) => shown.has(`${key}.${i}.${child}`))),
          )
        : value;
  }
  return out;
}
