import { displayName } from './display-names.js';
import type { Locale } from './locale.js';
import { message } from './messages.js';

/*
 * Codes only: display names come from Intl.DisplayNames, so the browser
 * bundle carries no table of country names.
 * NOTE: grouped by first letter ("ADEF…" is AD AE AF…): a flat list of
 * 249 two-letter codes is the least compressible text of the widget bundle,
 * and this spelling of it gzips to half (some 400 bytes less, for the
 * widgets' gzip budget: docs/architecture.md#bundles-and-budgets).
 */
const ISO_3166_1_BY_FIRST_LETTER =
  'ADEFGILMOQRSTUWXZ BABDEFGHIJLMNOQRSTVWYZ CACDFGHIKLMNORUVWXYZ DEJKMOZ ECEGHRST FIJKMOR ' +
  'GABDEFGHILMNPQRSTUWY HKMNRTU IDELMNOQRST JEMOP KEGHIMNPRWYZ LABCIKRSTUVY MACDEFGHKLMNOPQRSTUVWXYZ ' +
  'NACEFGILOPRUZ OM PAEFGHKLMNRSTWY QA REOSUW SABCDEGHIJKLMNORSTVXYZ TCDFGHJKLMNORTVWZ UAGMSYZ VACEGINU ' +
  'WFS YET ZAMW';

/** AD, AE, AF… from "ADEF…": the first letter, then each second letter */
const ISO_3166_1 = ISO_3166_1_BY_FIRST_LETTER.split(' ').flatMap(([first, ...seconds]) => seconds.map((second) => first + second));

/** code for a stateless person or an unknown citizenship; a third country for FAMI */
export const STATELESS = 'XX';

/**
 * ISO 3166-1 alpha-2, plus XK (Kosovo: user-assigned, but the code the EU and
 * CLDR use, and Kosovar families are many in Lombardy) and XX (stateless or
 * unknown).
 */
export const COUNTRY_CODES: readonly string[] = Object.freeze([...ISO_3166_1, 'XK', STATELESS].sort());

const KNOWN = new Set(COUNTRY_CODES);

/** the 27 member states since 1 February 2020 */
const EU_MEMBERS = new Set(
  'AT BE BG HR CY CZ DK EE FI FR DE GR IE IT LV LT LU MT NL PL PT RO SK SI ES SE HU'.split(' '),
);

export function isCountryCode(code: string): boolean {
  return KNOWN.has(code);
}

export function isEuMember(iso2: string): boolean {
  return EU_MEMBERS.has(iso2.toUpperCase());
}

/**
 * AMIF Reg. (EU) 516/2014 art. 2: a third-country national is anyone who is
 * not a Union citizen, so Switzerland, Norway and stateless people count.
 * Unknown codes are neither EU nor third country.
 */
export function isThirdCountry(iso2: string): boolean {
  const code = iso2.toUpperCase();
  return KNOWN.has(code) && !EU_MEMBERS.has(code);
}

export function countryName(code: string, locale: Locale): string {
  return code === STATELESS ? message('ui.stateless', locale) : displayName('region', code, locale);
}
