import type { Locale } from '@ponte/forms';

/*
 * Calendar days as 'YYYY-MM-DD' strings. The server answers free times with
 * their local day and wall-clock time in the tenant's zone, so the widget
 * never converts instants itself: whatever the browser's zone, it shows
 * what the server computed.
 */

const noonUtc = (date: string) => new Date(`${date}T12:00:00Z`);

/** today in the browser: only where a search starts, the server never offers a time already past */
export function localToday(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

export function addDays(date: string, days: number): string {
  const d = noonUtc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** "Lunedì 11 gennaio": a heading, so its first letter only is a capital (Italian months and weekdays are lower case) */
export function dayLabel(date: string, locale: Locale): string {
  const label = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(noonUtc(date));
  return label.charAt(0).toLocaleUpperCase(locale) + label.slice(1);
}
