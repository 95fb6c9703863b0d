import { compileForm } from './compile-form.js';
import { indexForm } from './conditions.js';
import type { FieldDefinition, FormDefinition, ValidationResult } from './definition.types.js';
import type { Locale } from './locale.js';
import { message } from './messages.js';
import { translateFormIssues } from './translate-issues.js';

const SLOT_PARTS = { date: 'ui.slotDate', from: 'ui.slotFrom', to: 'ui.slotTo' } as const;

function numbered(label: string, index: string | undefined, locale: Locale): string {
  const n = Number(index);
  return Number.isInteger(n) ? message('ui.itemNumber', locale, { item: label, n: n + 1 }) : label;
}

/** the label of a part of a composite value: a matrix row, a slot's time, a language's variety */
function partLabel(field: FieldDefinition, rest: string[], locale: Locale): string {
  const label = field.label[locale];
  const [first, second] = rest;
  switch (field.kind) {
    case 'likertMatrix': {
      const row = field.rows.find((r) => r.key === first);
      return row ? `${label} — ${row.label[locale]}` : label;
    }
    case 'timeSlots': {
      const item = numbered(label, first, locale);
      const part = second !== undefined ? SLOT_PARTS[second as keyof typeof SLOT_PARTS] : undefined;
      return part ? `${item} — ${message(part, locale)}` : item;
    }
    case 'language': {
      const variety = field.multiple ? second : first;
      const name = field.multiple ? numbered(label, first, locale) : label;
      return variety === 'variety' ? `${name} — ${message('ui.languageVariety', locale)}` : name;
    }
    case 'signature':
      return first === 'name' ? `${label} — ${message('ui.signatureName', locale)}` : label;
    default:
      return label;
  }
}

/**
 * The label that names the field at `path` in messages:
 * 'requestingTeacher' → «Docente richiedente»,
 * 'beneficiaries.1.citizenship' → «Beneficiario n. 2 — Cittadinanza».
 * Undefined for a path the form does not know.
 */
export function fieldLabelFor(def: FormDefinition, path: string, locale: Locale): string | undefined {
  const [key = '', ...rest] = path.split('.');
  const field = indexForm(def).top.get(key)?.field;
  if (!field) return undefined;
  if (field.kind !== 'group') return partLabel(field, rest, locale);
  const [index, childKey, ...childRest] = rest;
  if (index === undefined) return field.label[locale];
  const item = numbered(field.itemLabel[locale], index, locale);
  if (childKey === undefined) return item;
  const child = field.fields.find((f) => f.key === childKey);
  return child ? `${item} — ${partLabel(child, childRest, locale)}` : undefined;
}

/** validates a submission against a definition; errors are localized and name their field */
export function validateSubmission(def: FormDefinition, data: unknown, locale: Locale): ValidationResult {
  const result = compileForm(def).safeParse(data);
  if (result.success) return { ok: true, data: result.data };
  return {
    ok: false,
    fieldErrors: translateFormIssues(result.error.issues, locale, (path) => fieldLabelFor(def, path, locale)),
  };
}
