import type { FieldDefinition, LanguageValue, Locale, TimeSlotValue } from '@ponte/forms';
import { formatDate } from '../internal/locale.js';
import { t, ui } from '../internal/ui-messages.js';
import { codeName } from './combobox-options.js';
import { answerOptions } from './answer-options.js';

/**
 * An answer in words, for the summary step: option labels rather than
 * codes, dates in the locale, Sì/No. Groups are drawn by the summary itself.
 */
export function displayValue(field: FieldDefinition, value: unknown, locale: Locale, organisationName?: string): string {
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && !value.length)) {
    return ui('notGiven', locale);
  }
  const list = (items: unknown[], one: (v: unknown) => string) => items.map(one).join(', ');
  const options = answerOptions(field, locale);
  if (options && field.kind !== 'likertMatrix') {
    const label = (v: unknown) => options.find((o) => o.value === v)?.label ?? String(v);
    return Array.isArray(value) ? list(value, label) : label(value);
  }
  switch (field.kind) {
    case 'language':
    case 'country': {
      const one = (v: unknown) => {
        const lang = v as string | LanguageValue;
        const name = codeName(field.kind, typeof lang === 'string' ? lang : lang.code, locale);
        return typeof lang !== 'string' && lang.variety ? `${name} (${lang.variety})` : name;
      };
      return Array.isArray(value) ? list(value, one) : one(value);
    }
    case 'date':
      return formatDate(String(value), locale);
    case 'datetime':
      return formatDate(String(value), locale, true);
    case 'likertMatrix': {
      const points = options ?? [];
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
