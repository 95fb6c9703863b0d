import { fieldOptions, type FieldDefinition, type LikertField, type LikertMatrixField, type Locale } from '@ponte/forms';
import { t } from '../internal/ui-messages.js';

/** one answer a field offers: its value, and its label in the locale */
export interface AnswerOption {
  value: unknown;
  label: string;
}

/**
 * The fixed answers of a field, labelled in the locale: its options or
 * school levels, the points of a scale, yes and no. The same list draws the
 * controls and names the answer in the summary. Undefined for open kinds.
 */
export function answerOptions(field: FieldDefinition, locale: Locale): AnswerOption[] | undefined {
  switch (field.kind) {
    case 'likert':
    case 'likertMatrix':
      return likertPoints(field, locale);
    case 'checkbox':
    case 'consent':
      return [
        { value: true, label: t('ui.yes', locale) },
        { value: false, label: t('ui.no', locale) },
      ];
    default:
      return fieldOptions(field)?.map((o) => ({ value: o.value, label: o.label[locale] }));
  }
}

/** the answers of a Likert scale: 1…points with their labels, then "don't know" */
function likertPoints(field: LikertField | LikertMatrixField, locale: Locale): AnswerOption[] {
  const points = Array.from({ length: field.points ?? 5 }, (_, i) => ({
    value: i + 1,
    label: field.pointLabels?.[i] ? `${i + 1} – ${field.pointLabels[i]![locale]}` : String(i + 1),
  }));
  return field.allowDontKnow ? [...points, { value: 'dontKnow', label: t('ui.dontKnow', locale) }] : points;
}
