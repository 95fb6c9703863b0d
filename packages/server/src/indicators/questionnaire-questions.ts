import { formMeaning, type FieldDefinition, type FormDefinition, type GroupChildField, type LikertField, type LikertMatrixField } from '@ponte/forms';

/*
 * Which fields of the school questionnaire are its questions, and how each
 * is read: the one walk over the form's definition that its results
 * (questionnaire-results.ts) and its file (questionnaire-csv.ts) share, so
 * that a new version's questions reach both without code of their own.
 */

export type Question =
  /** one or more choices from a list: select, radio, multiselect, school levels, languages, countries */
  | { kind: 'choices'; field: FieldDefinition }
  | { kind: 'yesNo'; field: FieldDefinition }
  | { kind: 'number'; field: FieldDefinition }
  /** a rating scale, or a grid of them */
  | { kind: 'ratings'; field: LikertField | LikertMatrixField }
  /** repeated rows (pupils by school level, by citizenship): the numbers of each row, by the row's first choice */
  | { kind: 'rows'; field: Extract<FieldDefinition, { kind: 'group' }>; by: GroupChildField; summed: GroupChildField[] }
  /** free text, short or long */
  | { kind: 'texts'; field: FieldDefinition };

export const CHOICE_KINDS: ReadonlySet<string> = new Set(['select', 'radio', 'multiselect', 'schoolLevel', 'language', 'country']);
const NUMBER_KINDS: ReadonlySet<string> = new Set(['integer', 'decimal', 'duration']);

function questionOf(field: FieldDefinition, schoolCode: string | undefined): Question | undefined {
  if (CHOICE_KINDS.has(field.kind)) return { kind: 'choices', field };
  if (field.kind === 'checkbox') return { kind: 'yesNo', field };
  if (NUMBER_KINDS.has(field.kind)) return { kind: 'number', field };
  if (field.kind === 'likert' || field.kind === 'likertMatrix') return { kind: 'ratings', field };
  if (field.kind === 'group') {
    const by = field.fields.find((f) => CHOICE_KINDS.has(f.kind));
    const summed = field.fields.filter((f) => NUMBER_KINDS.has(f.kind));
    return by && summed.length > 0 ? { kind: 'rows', field, by, summed } : undefined;
  }
  if (field.kind === 'textarea' || (field.kind === 'text' && field.key !== schoolCode)) return { kind: 'texts', field };
  return undefined;
}

/**
 * Every question of `def`, in the order the form asks them. Not questions:
 * who answered and how to reach them — the organisation field (the list of
 * schools says who), the e-mail and phone, the school's code (the meaning's
 * `schoolCode`), any field not of the public class — and signatures,
 * consents, dates and times.
 */
export function questionsOf(def: FormDefinition): Question[] {
  const meaning = formMeaning(def.id, def.version);
  const schoolCode = meaning && meaning.kind !== 'report' ? meaning.schoolCode : undefined;
  return def.sections
    .flatMap((s) => s.fields)
    .filter((field) => field.privacy === 'public')
    .flatMap((field) => questionOf(field, schoolCode) ?? []);
}
