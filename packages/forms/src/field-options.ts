import type { FieldDefinition, FieldOption } from './definition.types.js';
import { messageText } from './messages.js';
import { SCHOOL_LEVELS } from './school-levels.js';

/**
 * The fixed choices of a field: its own options, or the school levels it
 * allows with their catalogue labels. Undefined for open-ended kinds
 * (language and country take codes named by Intl.DisplayNames).
 */
export function fieldOptions(field: FieldDefinition): readonly FieldOption[] | undefined {
  switch (field.kind) {
    case 'select':
    case 'radio':
    case 'multiselect':
      return field.options;
    case 'schoolLevel':
      return (field.levels ?? SCHOOL_LEVELS).map((value) => ({ value, label: messageText(`schoolLevel.${value}`) }));
    default:
      return undefined;
  }
}
