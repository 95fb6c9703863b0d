import { displayName } from './display-names.js';
import type { Locale } from './locale.js';

export interface LanguageEntry {
  /** ISO 639-3 */
  code: string;
  /** varieties mediators are asked for, as suggestions for the free dialect note */
  varieties?: readonly string[];
}

/*
 * The languages most asked for in Lombardy schools and services, in order
 * of demand. A language field accepts any ISO 639-3 code: this
 * list only orders the choices. Names come from Intl.DisplayNames.
 */
export const LANGUAGES: readonly LanguageEntry[] = Object.freeze([
  { code: 'ara', varieties: ['Darija', 'Egyptian', 'Tunisian', 'Levantine', 'Hassaniya'] },
  { code: 'zgh', varieties: ['Tarifit', 'Tachelhit', 'Central Atlas Tamazight'] },
  { code: 'sqi', varieties: ['Gheg', 'Tosk'] },
  { code: 'zho', varieties: ['Mandarin', 'Wenzhounese', 'Qingtianese', 'Fujianese', 'Cantonese'] },
  { code: 'pan' },
  { code: 'hin' },
  { code: 'tgl' },
  { code: 'urd' },
  { code: 'ron' },
  { code: 'rus' },
  { code: 'ben', varieties: ['Sylheti', 'Chittagonian'] },
  { code: 'ukr' },
  { code: 'spa' },
  { code: 'sin' },
  { code: 'tam' },
  { code: 'wol' },
  { code: 'fra' },
  { code: 'eng' },
  { code: 'pcm' },
  { code: 'tir' },
  { code: 'amh' },
  { code: 'prs' },
  { code: 'pus' },
  { code: 'fas' },
  { code: 'som' },
  { code: 'tur' },
  { code: 'kmr' },
  { code: 'por' },
  { code: 'srp' },
  { code: 'bos' },
  { code: 'mkd' },
  { code: 'bul' },
  { code: 'pol' },
  { code: 'swa' },
  { code: 'lin' },
  { code: 'ibo' },
  { code: 'yor' },
  { code: 'twi' },
  { code: 'ful' },
  { code: 'ita' },
] satisfies LanguageEntry[]);

const LANGUAGE_CODE = /^[a-z]{3}$/;

/** shape only: ISO 639-3 has about 8,000 codes, too many to ship */
export function isLanguageCode(code: string): boolean {
  return LANGUAGE_CODE.test(code);
}

export function languageName(code: string, locale: Locale): string {
  return displayName('language', code, locale);
}
