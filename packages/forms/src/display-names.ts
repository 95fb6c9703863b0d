import type { Locale } from './locale.js';

const displayNames = new Map<string, Intl.DisplayNames>();

/** a language's or a country's name in the locale, from Intl.DisplayNames; the code when it knows none */
export function displayName(type: 'language' | 'region', code: string, locale: Locale): string {
  const key = `${type} ${locale}`;
  let names = displayNames.get(key);
  if (!names) {
    names = new Intl.DisplayNames(locale, { type, fallback: 'code' });
    displayNames.set(key, names);
  }
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}
