import type { Locale } from '@ponte/forms';

/**
 * The widget's language: its `locale` attribute, else the page's
 * `<html lang>`, else Italian (the language of the service).
 */
export function resolveLocale(attribute: string | null | undefined): Locale {
  const tag = (attribute || document.documentElement.lang || 'it').toLowerCase();
  return tag.startsWith('en') ? 'en' : 'it';
}

export function formatDate(iso: string, locale: Locale, withTime = false): string {
  // A bare date is a calendar day, not an instant: read it at noon UTC so no
  // time zone moves it to the day before.
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T12:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'long',
    ...(withTime ? { timeStyle: 'short' } : {}),
    ...(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? { timeZone: 'UTC' } : {}),
  }).format(date);
}
