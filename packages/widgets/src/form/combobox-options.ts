import { COUNTRY_CODES, LANGUAGES, countryName, languageName, type Locale } from '@ponte/forms';

export interface ChoiceOption {
  code: string;
  name: string;
}

const fold = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLocaleLowerCase();

/** a name for a code of either kind, in the locale */
export function codeName(kind: 'language' | 'country', code: string, locale: Locale): string {
  return kind === 'language' ? languageName(code, locale) : countryName(code, locale);
}

const cache = new Map<string, ChoiceOption[]>();

/**
 * Every choice, named in the locale: languages in order of demand in
 * Lombardy (the list's order), countries alphabetically.
 */
function allOptions(kind: 'language' | 'country', locale: Locale): ChoiceOption[] {
  const key = `${kind}.${locale}`;
  let list = cache.get(key);
  if (!list) {
    const codes = kind === 'language' ? LANGUAGES.map((l) => l.code) : COUNTRY_CODES;
    list = codes.map((code) => ({ code, name: codeName(kind, code, locale) }));
    if (kind === 'country') list.sort((a, b) => a.name.localeCompare(b.name, locale));
    cache.set(key, list);
  }
  return list;
}

/**
 * The choices matching what was typed: names that start with it first, then
 * names that contain it. A language field accepts any ISO 639-3 code, so a
 * three-letter code not in the list is offered as it is.
 */
export function filterOptions(kind: 'language' | 'country', locale: Locale, query: string): ChoiceOption[] {
  const all = allOptions(kind, locale);
  const q = fold(query.trim());
  if (!q) return all;
  const starts: ChoiceOption[] = [];
  const contains: ChoiceOption[] = [];
  for (const option of all) {
    const name = fold(option.name);
    if (name.startsWith(q) || option.code.toLowerCase() === q) starts.push(option);
    else if (name.includes(q)) contains.push(option);
  }
  const found = [...starts, ...contains];
  if (kind === 'language' && /^[a-z]{3}$/.test(q) && !found.some((o) => o.code === q)) {
    found.push({ code: q, name: `${languageName(q, locale)} (${q})` });
  }
  return found;
}

/** the dialects mediators are asked for, as suggestions for the variety note */
export function varietiesOf(code: string | undefined): readonly string[] {
  return LANGUAGES.find((l) => l.code === code)?.varieties ?? [];
}
