import {
  fieldOptions,
  type FieldDefinition,
  type LanguageValue,
  type Locale,
  type TimeSlotValue,
} from '@ponte/forms';
import { formatDate } from '../internal/locale.js';
import { t, ui } from '../internal/ui-messages.js';
import { codeName } from './combobox-options.js';
import { likertPoints } from './field-parts.js';

/**
 * An answer in words, for the summary step: option labels rather than
 * codes, dates in the locale, Sì/No. Groups are drawn by the summary itself.
 */
export function displayValue(field: FieldDefinition, value: unknown, locale: Locale, organisationName?: string): string {
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && !value.length)) {
    return ui('notGiven', locale);
  }
  const list = (items: unknown[], one: (v: unknown) => string) => items.map(one).join(', ');
  switch (field.kind) {
    case 'select':
    case 'radio':
    case 'multiselect':
    case 'schoolLevel': {
      const options = fieldOptions(field) ?? [];
      const label = (v: unknown) => options.find((o) => o.value === v)?.label[locale] ?? String(v);
      return Array.isArray(value) ? list(value, label) : label(value);
    }
    case 'checkbox':
    case 'consent':
      return t(value === true ? 'ui.yes' : 'ui.no', locale);
    case 'language': {
      const one = (v: unknown) => {
        const lang = v as LanguageValue;
        const name = codeName('language', lang.code, locale);
        return lang.variety ? `${name} (${lang.variety})` : name;
      };
      return Array.isArray(value) ? list(value, one) : one(value);
    }
    case 'country':
      return Array.isArray(value) ? list(value, (v) => codeName('country', String(v), locale)) : codeName('country', String(value), locale);
    case 'date':
      return formatDate(String(value), locale);
    case 'datetime':
      return formatDate(String(value), locale, true);
    case 'likert':
      return likertPoints(field, locale).find((p) => p.value === value)?.label ?? String(value);
    case 'likertMatrix': {
      const points = likertPoints(field, locale);
      const answers = value as Record<string, unknown>;
      return field.rows
        .map((row) => `${row.label[locale]}: ${points.find((p) => p.value === answers[row.key])?.label ?? ui('notGiven', locale)}`)
        .join('; ');
    }
    case 'timeSlots':
      return list(value as unknown[], (v) => {
        const slot = v as Partial<TimeSlotValue>;
        return `${slot.date ? formatDate(slot.date, locale) : '—'} ${slot.from ?? '—'}–${slot.to ?? '—'}`;
      });
    case 'organisation':
      return organisationName ?? String(value);
    case 'signature': {
      const sig = value as { name?: string; confirmed?: boolean };
      return `${sig.name ?? '—'}${sig.confirmed ? ` — ${t('ui.signatureConfirm', locale)}` : ''}`;
    }
    default:
      return String(value);
  }
}
