import { conditionFields } from './conditions.js';
import type {
  Condition,
  CrossFieldCheck,
  FieldDefinition,
  FormDefinition,
  GroupChildField,
} from './definition.types.js';
import { fieldOptions } from './field-options.js';
import { isIsoDate, isIsoDateTime, isIsoTime } from './field-values.js';
import type { LocalizedText } from './locale.js';
import { SCHOOL_LEVELS } from './school-levels.js';

const KINDS = new Set([
  'text', 'textarea', 'email', 'phone', 'integer', 'decimal', 'duration', 'date', 'time', 'datetime',
  'select', 'radio', 'multiselect', 'checkbox', 'consent', 'language', 'country', 'schoolLevel',
  'likert', 'likertMatrix', 'group', 'timeSlots', 'organisation', 'signature',
]);
const PRIVACY = new Set(['public', 'personal', 'minor', 'special']);
const CAMEL_CASE = /^[a-z][a-zA-Z0-9]*$/;
const NUMERIC = new Set(['integer', 'decimal', 'duration']);
const TEMPORAL = new Set(['date', 'time', 'datetime']);

function isText(value: unknown): value is LocalizedText {
  const text = value as LocalizedText | undefined;
  return typeof text?.it === 'string' && text.it.trim() !== '' && typeof text.en === 'string' && text.en.trim() !== '';
}

function isCount(value: unknown, min = 0): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min;
}

function isMultiValued(field: FieldDefinition): boolean {
  return (
    field.kind === 'multiselect' ||
    ((field.kind === 'language' || field.kind === 'country' || field.kind === 'schoolLevel') && field.multiple === true)
  );
}

/**
 * Everything a compiler or renderer relies on but the type system cannot
 * hold: unique keys, both languages everywhere, bounded lists, conditions
 * and checks naming fields that exist, no condition cycles. Returns the
 * problems found, empty when the definition is sound. The test suite runs
 * it on every built-in form; the server should run it on a definition an
 * Ambito publishes.
 */
export function checkDefinition(def: FormDefinition): string[] {
  const problems: string[] = [];
  const at = (where: string, problem: string) => problems.push(`${def.id}@${def.version} ${where}: ${problem}`);

  if (!isCount(def.version, 1)) at('version', 'must be a positive integer');
  if (typeof def.annex !== 'string' || def.annex === '') at('annex', 'missing');
  if (!isText(def.title)) at('title', 'needs both it and en');
  if (!isText(def.description)) at('description', 'needs both it and en');
  if (!Array.isArray(def.submitterKinds) || def.submitterKinds.length === 0) at('submitterKinds', 'empty');
  if (def.filledBy !== 'requester' && def.filledBy !== 'mediator') at('filledBy', 'must be requester or mediator');
  if (typeof def.specialCategory !== 'boolean') at('specialCategory', 'must be a boolean');
  if (def.sections.length === 0) at('sections', 'a form needs at least one section');

  const top = new Map<string, FieldDefinition>();
  const sectionKeys = new Set<string>();
  for (const section of def.sections) {
    if (sectionKeys.has(section.key)) at(`section ${section.key}`, 'duplicate section key');
    sectionKeys.add(section.key);
    if (!isText(section.title)) at(`section ${section.key}`, 'title needs both it and en');
    if (section.description !== undefined && !isText(section.description)) at(`section ${section.key}`, 'description needs both it and en');
    if (section.fields.length === 0) at(`section ${section.key}`, 'has no fields');
    for (const field of section.fields) {
      if (top.has(field.key)) at(`field ${field.key}`, 'duplicate key in the form');
      top.set(field.key, field);
    }
  }

  for (const field of top.values()) {
    checkField(field, `field ${field.key}`, at);
    if (field.kind === 'group') {
      const children = new Map<string, GroupChildField>();
      for (const child of field.fields) {
        const where = `field ${field.key}.${child.key}`;
        if (children.has(child.key)) at(where, 'duplicate key in the group');
        children.set(child.key, child);
        if ((child.kind as string) === 'group') at(where, 'groups do not nest');
        checkField(child, where, at);
      }
      checkDerivedKeys(children, `group ${field.key}`, at);
    }
  }
  checkDerivedKeys(top, 'form', at);

  const lookupTop = (key: string) => top.get(key);
  for (const section of def.sections) {
    if (section.when) checkCondition(section.when, lookupTop, `section ${section.key}`, at);
  }
  for (const field of top.values()) {
    if (field.when) checkCondition(field.when, lookupTop, `field ${field.key}`, at);
    if (field.kind !== 'group') continue;
    const siblings = new Map(field.fields.map((c) => [c.key, c]));
    for (const child of field.fields) {
      if (child.when) {
        checkCondition(child.when, (key) => siblings.get(key) ?? top.get(key), `field ${field.key}.${child.key}`, at);
      }
    }
  }
  checkCycles(def, top, at);
  for (const [i, check] of (def.checks ?? []).entries()) checkCrossField(check, top, `check ${i}`, at);
  return problems;
}

type At = (where: string, problem: string) => void;

function checkField(field: FieldDefinition, where: string, at: At) {
  if (typeof field.key !== 'string' || !CAMEL_CASE.test(field.key)) at(where, 'key must be camelCase');
  if (!KINDS.has(field.kind)) {
    at(where, `unknown kind ${String(field.kind)}`);
    return;
  }
  if (!isText(field.label)) at(where, 'label needs both it and en');
  if (field.help !== undefined && !isText(field.help)) at(where, 'help needs both it and en');
  if (!PRIVACY.has(field.privacy)) at(where, 'privacy class missing or unknown');

  switch (field.kind) {
    case 'text':
    case 'textarea':
      if (!isCount(field.maxLength, 1)) at(where, 'needs a positive maxLength');
      if (field.minLength !== undefined && !(isCount(field.minLength) && field.minLength <= field.maxLength)) {
        at(where, 'minLength must be between 0 and maxLength');
      }
      if (field.kind === 'text' && field.pattern !== undefined) {
        try {
          new RegExp(field.pattern, 'u');
        } catch {
          at(where, 'pattern is not a valid regular expression');
        }
      }
      break;
    case 'integer':
    case 'decimal':
    case 'duration':
      if (field.min !== undefined && field.max !== undefined && field.min > field.max) at(where, 'min exceeds max');
      break;
    case 'date':
    case 'time':
    case 'datetime': {
      const valid = field.kind === 'date' ? isIsoDate : field.kind === 'time' ? isIsoTime : isIsoDateTime;
      if (field.min !== undefined && !valid(field.min)) at(where, 'min is not a valid value');
      if (field.max !== undefined && !valid(field.max)) at(where, 'max is not a valid value');
      break;
    }
    case 'select':
    case 'radio':
    case 'multiselect': {
      if (field.options.length === 0) at(where, 'has no options');
      const values = field.options.map((o) => o.value);
      if (new Set(values).size !== values.length) at(where, 'duplicate option values');
      for (const o of field.options) {
        if (typeof o.value !== 'string' || o.value === '') at(where, 'an option has an empty value');
        if (!isText(o.label)) at(where, `option ${o.value} needs both it and en`);
      }
      if (field.kind === 'multiselect') checkSelectedBounds(field.minSelected, field.maxSelected, field.options.length, where, at);
      break;
    }
    case 'schoolLevel':
      if (field.levels !== undefined) {
        if (field.levels.length === 0) at(where, 'levels is empty');
        if (field.levels.some((l) => !SCHOOL_LEVELS.includes(l))) at(where, 'unknown school level');
      }
      checkSelectedBounds(field.minSelected, field.maxSelected, (field.levels ?? SCHOOL_LEVELS).length, where, at);
      break;
    case 'language':
    case 'country':
      if (field.maxSelected !== undefined && !isCount(field.maxSelected, 1)) at(where, 'maxSelected must be positive');
      break;
    case 'likert':
    case 'likertMatrix': {
      const points = field.points ?? 5;
      if (!isCount(points, 2) || points > 11) at(where, 'points must be between 2 and 11');
      if (field.pointLabels !== undefined) {
        if (field.pointLabels.length !== points) at(where, 'needs one point label per point');
        if (!field.pointLabels.every(isText)) at(where, 'point labels need both it and en');
      }
      if (field.kind === 'likertMatrix') {
        if (field.rows.length === 0) at(where, 'has no rows');
        const keys = field.rows.map((r) => r.key);
        if (new Set(keys).size !== keys.length) at(where, 'duplicate row keys');
        for (const row of field.rows) {
          if (!CAMEL_CASE.test(row.key)) at(where, `row key ${row.key} must be camelCase`);
          if (!isText(row.label)) at(where, `row ${row.key} needs both it and en`);
        }
      }
      break;
    }
    case 'group':
      if (field.fields.length === 0) at(where, 'has no fields');
      if (!isText(field.itemLabel)) at(where, 'itemLabel needs both it and en');
      checkItemBounds(field.minItems, field.maxItems, where, at);
      break;
    case 'timeSlots':
      checkItemBounds(field.minItems, field.maxItems, where, at);
      break;
    case 'signature':
      if (field.statement !== undefined && !isText(field.statement)) at(where, 'statement needs both it and en');
      break;
    default:
      break;
  }
}

function checkSelectedBounds(min: number | undefined, max: number | undefined, available: number, where: string, at: At) {
  if (min !== undefined && !isCount(min)) at(where, 'minSelected must be a count');
  if (max !== undefined && !isCount(max, 1)) at(where, 'maxSelected must be positive');
  if (min !== undefined && max !== undefined && min > max) at(where, 'minSelected exceeds maxSelected');
  if (min !== undefined && min > available) at(where, 'minSelected exceeds the choices available');
}

function checkItemBounds(min: number | undefined, max: number, where: string, at: At) {
  if (!isCount(max, 1)) at(where, 'needs a positive maxItems');
  if (min !== undefined && !(isCount(min) && min <= max)) at(where, 'minItems must be between 0 and maxItems');
}

/** `<key>ThirdCountry` appears in the output, so it must not be a field of its own */
function checkDerivedKeys(fields: Map<string, FieldDefinition | GroupChildField>, where: string, at: At) {
  for (const field of fields.values()) {
    if (field.kind === 'country' && field.multiple !== true && fields.has(`${field.key}ThirdCountry`)) {
      at(where, `${field.key}ThirdCountry is derived from ${field.key} and cannot be a field`);
    }
  }
}

function checkCondition(
  condition: Condition,
  lookup: (key: string) => FieldDefinition | undefined,
  where: string,
  at: At,
) {
  if ('all' in condition || 'any' in condition) {
    const list = 'all' in condition ? condition.all : condition.any;
    if (list.length === 0) at(where, 'an all/any condition is empty');
    for (const c of list) checkCondition(c, lookup, where, at);
    return;
  }
  if ('not' in condition) {
    checkCondition(condition.not, lookup, where, at);
    return;
  }
  const field = lookup(condition.field);
  if (!field) {
    at(where, `condition names unknown field ${condition.field}`);
    return;
  }
  if ('includes' in condition && !isMultiValued(field)) {
    at(where, `'includes' needs a multi-valued field, ${field.key} is not`);
  }
  const options = fieldOptions(field);
  const compared =
    'equals' in condition ? [condition.equals]
    : 'notEquals' in condition ? [condition.notEquals]
    : 'in' in condition ? condition.in
    : 'includes' in condition ? [condition.includes]
    : [];
  if (options) {
    for (const value of compared) {
      if (!options.some((o) => o.value === value)) at(where, `condition compares ${field.key} with ${String(value)}, not one of its options`);
    }
  }
  if ((field.kind === 'checkbox' || field.kind === 'consent') && compared.some((v) => typeof v !== 'boolean')) {
    at(where, `condition compares the boolean ${field.key} with a non-boolean`);
  }
}

/** top-level dependencies (a field's and its section's conditions) must not loop */
function checkCycles(def: FormDefinition, top: Map<string, FieldDefinition>, at: At) {
  const deps = new Map<string, string[]>();
  for (const section of def.sections) {
    const fromSection = section.when ? conditionFields(section.when) : [];
    for (const field of section.fields) {
      deps.set(field.key, [...fromSection, ...(field.when ? conditionFields(field.when) : [])].filter((k) => top.has(k)));
    }
  }
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (key: string, trail: string[]): void => {
    if (state.get(key) === 'done') return;
    if (state.get(key) === 'visiting') {
      at(`field ${key}`, `condition cycle ${[...trail, key].join(' → ')}`);
      return;
    }
    state.set(key, 'visiting');
    for (const dep of deps.get(key) ?? []) visit(dep, [...trail, key]);
    state.set(key, 'done');
  };
  for (const key of deps.keys()) visit(key, []);
}

function checkCrossField(check: CrossFieldCheck, top: Map<string, FieldDefinition>, where: string, at: At) {
  if (check.message !== undefined && !isText(check.message)) at(where, 'message needs both it and en');
  if (check.kind === 'minFilled') {
    for (const key of check.fields) if (!top.has(key)) at(where, `unknown field ${key}`);
    if (!isCount(check.min, 1) || check.min > check.fields.length) at(where, 'min must be between 1 and the number of fields');
    return;
  }
  const group = top.get(check.group ?? '');
  if (check.group !== undefined && group?.kind !== 'group') {
    at(where, `${check.group} is not a group`);
    return;
  }
  const children = group?.kind === 'group' ? new Map(group.fields.map((c) => [c.key, c])) : undefined;
  if (check.kind === 'oneRowPer') {
    const field = children?.get(check.field);
    const source = top.get(check.source);
    if (!field) at(where, `unknown group field ${check.field}`);
    if (!source || !isMultiValued(source)) at(where, `${check.source} must be a multi-valued field`);
    return;
  }
  const field = children?.get(check.field) ?? (children ? undefined : top.get(check.field));
  const than = children?.get(check.than) ?? top.get(check.than);
  if (!field || !than) {
    at(where, `unknown field ${!field ? check.field : check.than}`);
    return;
  }
  const bothNumeric = NUMERIC.has(field.kind) && NUMERIC.has(than.kind);
  const sameTemporal = TEMPORAL.has(field.kind) && field.kind === than.kind;
  if (!bothNumeric && !sameTemporal) at(where, `${check.field} and ${check.than} cannot be compared`);
}
