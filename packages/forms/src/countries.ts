import type { Locale } from './locale.js';
import { message } from './messages.js';

/*
 * Codes only: display names come from Intl.DisplayNames, so the browser
 * bundle carries no table of country names.
 */
const ISO_3166_1 =
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
  'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO ' +
  'FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE ' +
  'JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO ' +
  'MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW ' +
  'PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM ' +
  'TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW';

/** code for a stateless person or an unknown citizenship; a third country for FAMI */
export const STATELESS = 'XX';

/**
 * ISO 3166-1 alpha-2, plus XK (Kosovo: user-assigned, but the code the EU and
 * CLDR use, and Kosovar families are many in Lombardy) and XX (stateless or
 * unknown).
 */
export const COUNTRY_CODES: readonly string[] = Object.freeze([...ISO_3166_1.split(' '), 'XK', STATELESS].sort());

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

const regionNames = new Map<Locale, Intl.DisplayNames>();

export function countryName(code: string, locale: Locale): string {
  if (code === STATELESS) return message('ui.stateless', locale);
  let names = regionNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames(locale, { type: 'region', fallback: 'code' });
    regionNames.set(locale, names);
  }
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}
