import * as z from 'zod/mini';
import { VisibilityResolver, indexForm, isFilled, type FormIndex } from './conditions.js';
import type {
  CompareCheck,
  CrossFieldCheck,
  FieldDefinition,
  FormDefinition,
  GroupChildField,
  MinFilledCheck,
  OneRowPerCheck,
} from './definition.types.js';
import { fieldOptions } from './field-options.js';
import type { LocalizedText } from './locale.js';
import type { MessageKey } from './messages.js';
import { isRecord } from './normalize-submission.js';

type AddIssue = (path: PropertyKey[], key: MessageKey, values?: Record<string, unknown>) => void;

/**
 * The form-level check: required-when-visible, then the cross-field rules.
 * It runs even when some field already failed its type check (`when`), so a
 * submitter sees every problem at once; values of the wrong type are skipped.
 */
export function formLevelCheck(def: FormDefinition) {
  const index = indexForm(def);
  return z.superRefine(
    (value: Record<string, unknown>, ctx) => {
      if (!isRecord(value)) return;
      const add: AddIssue = (path, key, values) =>
        ctx.addIssue({ code: 'custom', path, message: key, input: undefined, params: { ponte: key, ...values } });
      const addCustom = (path: PropertyKey[], check: CrossFieldCheck, fallback: MessageKey, values?: Record<string, unknown>) => {
        if (check.message) {
          ctx.addIssue({ code: 'custom', path, message: fallback, input: undefined, params: { ponteText: check.message, ...values } });
        } else {
          add(path, check.messageKey ?? fallback, values);
        }
      };
      const resolver = new VisibilityResolver(def, value);
      checkRequired(def, value, resolver, add);
      for (const check of def.checks ?? []) {
        if (check.kind === 'oneRowPer') checkOneRowPer(check, index, resolver, addCustom);
        else if (check.kind === 'minFilled') checkMinFilled(check, index, resolver, addCustom);
        else checkCompare(check, index, resolver, addCustom);
      }
    },
    { when: () => true },
  );
}

function checkRequired(def: FormDefinition, value: Record<string, unknown>, resolver: VisibilityResolver, add: AddIssue) {
  for (const section of def.sections) {
    for (const field of section.fields) {
      if (!resolver.isTopVisible(field.key)) continue;
      const v = value[field.key];
      checkFieldRequired(field, v, [field.key], add);
      if (field.kind !== 'group' || !Array.isArray(v)) continue;
      v.forEach((item, i) => {
        if (!isRecord(item)) return;
        for (const child of field.fields) {
          if (!resolver.isItemFieldVisible(field.key, item, child.key)) continue;
          checkFieldRequired(child, item[child.key], [field.key, i, child.key], add);
        }
      });
    }
  }
}

function checkFieldRequired(field: FieldDefinition | GroupChildField, v: unknown, path: PropertyKey[], add: AddIssue) {
  if (!field.required) return;
  if (field.kind === 'consent') {
    if (v !== true && (v === undefined || typeof v === 'boolean')) add(path, 'error.consent');
    return;
  }
  if (!isFilled(v)) {
    add(path, 'error.required');
    return;
  }
  if (field.kind === 'likertMatrix' && isRecord(v)) {
    for (const row of field.rows) {
      if (v[row.key] === undefined) add([...path, row.key], 'error.required');
    }
  }
}

const TEMPORAL_KEYS = { lt: 'error.earlier', lte: 'error.notAfter', gt: 'error.later', gte: 'error.notBefore' } as const;
const NUMBER_KEYS = { lt: 'error.lt', lte: 'error.lte', gt: 'error.gt', gte: 'error.gte' } as const;

function holds(op: CompareCheck['kind'], a: number | string, b: number | string): boolean {
  switch (op) {
    case 'lt':
      return a < b;
    case 'lte':
      return a <= b;
    case 'gt':
      return a > b;
    case 'gte':
      return a >= b;
  }
}

type AddCustom = (path: PropertyKey[], check: CrossFieldCheck, fallback: MessageKey, values?: Record<string, unknown>) => void;

function labelIn(index: FormIndex, key: string, group?: string): LocalizedText | undefined {
  return (group ? index.groups.get(group)?.get(key)?.label : undefined) ?? index.top.get(key)?.field.label;
}

function checkCompare(
  check: CompareCheck,
  index: FormIndex,
  resolver: VisibilityResolver,
  addCustom: AddCustom,
) {
  const other = labelIn(index, check.than, check.group);
  const compare = (a: unknown, b: unknown, path: PropertyKey[]) => {
    const comparable =
      (typeof a === 'number' && typeof b === 'number') || (typeof a === 'string' && typeof b === 'string');
    if (!comparable || holds(check.kind, a, b)) return;
    const keys = typeof a === 'number' ? NUMBER_KEYS : TEMPORAL_KEYS;
    addCustom(path, check, keys[check.kind], { other });
  };
  if (check.group === undefined) {
    compare(resolver.topValue(check.field), resolver.topValue(check.than), [check.field]);
    return;
  }
  const group = check.group;
  const items = resolver.topValue(group);
  if (!Array.isArray(items)) return;
  items.forEach((item, i) => {
    if (!isRecord(item)) return;
    const lookup = resolver.itemLookup(group, item);
    compare(lookup(check.field), lookup(check.than), [group, i, check.field]);
  });
}

function checkOneRowPer(
  check: OneRowPerCheck,
  index: FormIndex,
  resolver: VisibilityResolver,
  addCustom: AddCustom,
) {
  const chosen = resolver.topValue(check.source);
  if (!Array.isArray(chosen) || !chosen.every((c) => typeof c === 'string')) return;
  const sourceField = index.top.get(check.source)?.field;
  const options = sourceField ? fieldOptions(sourceField) : undefined;
  const labelOf = (v: string): LocalizedText => options?.find((o) => o.value === v)?.label ?? { it: v, en: v };
  const source = sourceField?.label;

  const seen = new Set<unknown>();
  const items = resolver.topValue(check.group);
  if (Array.isArray(items)) {
    items.forEach((item, i) => {
      if (!isRecord(item)) return;
      const v = resolver.itemLookup(check.group, item)(check.field);
      if (typeof v !== 'string') return;
      const path = [check.group, i, check.field];
      if (!chosen.includes(v)) addCustom(path, check, 'error.extraRow', { value: labelOf(v), source });
      else if (seen.has(v)) addCustom(path, check, 'error.duplicateRow', { value: labelOf(v) });
      seen.add(v);
    });
  }
  for (const v of chosen) {
    if (!seen.has(v)) addCustom([check.group], check, 'error.missingRow', { value: labelOf(v) });
  }
}

function checkMinFilled(check: MinFilledCheck, index: FormIndex, resolver: VisibilityResolver, addCustom: AddCustom) {
  const filled = check.fields.filter((key) => isFilled(resolver.topValue(key))).length;
  const first = check.fields[0];
  if (filled < check.min && first !== undefined && index.top.has(first)) {
    addCustom([first], check, 'error.minFilled', { min: check.min });
  }
}
