import { countryName, fieldOptions, languageName, message, type FieldDefinition, type FormDefinition } from '@ponte/forms';

/*
 * indicators.questionnaire answers keys and stored values only; their words
 * are the form definition's (forms.get), in Italian here. A value nobody
 * labelled (an option a later version dropped) shows as stored.
 */

/** The questions of a definition by key, groups' own fields left inside their group. */
export function fieldsByKey(def: FormDefinition): Map<string, FieldDefinition> {
  return new Map(def.sections.flatMap((s) => s.fields).map((f) => [f.key, f]));
}

export const fieldLabel = (field: FieldDefinition | undefined, key: string): string => field?.label.it ?? key;

/** A stored value in words: a choice's label, a language (with its variety: 'ara:Darija'), a country. */
export function valueLabel(field: FieldDefinition | undefined, value: string): string {
  if (field?.kind === 'language') {
    // Italian names languages in lower case ('arabo'); alone on a line, as a label, it starts with a capital.
    const [code = value, variety] = value.split(':');
    const name = languageName(code, 'it');
    const label = name.charAt(0).toLocaleUpperCase('it') + name.slice(1);
    return variety ? `${label} (${variety})` : label;
  }
  if (field?.kind === 'country') return countryName(value, 'it');
  return (field && fieldOptions(field)?.find((o) => o.value === value)?.label.it) ?? value;
}

/** The words of a rating scale's points, lowest first, and the answer of those who did not know. */
export function pointLabels(field: FieldDefinition | undefined, points: number): string[] {
  const labels = field?.kind === 'likert' || field?.kind === 'likertMatrix' ? field.pointLabels : undefined;
  return Array.from({ length: points }, (_, i) => labels?.[i]?.it ?? String(i + 1));
}
export const DONT_KNOW = message('ui.dontKnow', 'it');
export const YES = message('ui.yes', 'it');
export const NO = message('ui.no', 'it');

/** A row of a rating grid in words; a single scale is a grid of one row, named as its question. */
export function ratingRowLabel(field: FieldDefinition | undefined, key: string): string {
  if (field?.kind === 'likertMatrix') return field.rows.find((r) => r.key === key)?.label.it ?? key;
  return fieldLabel(field, key);
}

/** A field of a group (repeated rows), by key. */
export function childField(group: FieldDefinition | undefined, key: string): FieldDefinition | undefined {
  return group?.kind === 'group' ? (group.fields.find((f) => f.key === key) as FieldDefinition | undefined) : undefined;
}
