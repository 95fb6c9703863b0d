import type { MediatorLanguage } from '../mediators/mediator.repository.js';

/*
 * NOTE: forms ask for a macrolanguage with a variety note ('ara' + Darija,
 * 'zho' + Wenzhounese: packages/forms/src/languages.ts), while a mediator's
 * profile often names the individual language ('ary', 'wuu'). ISO 639-3
 * relates the two through its macrolanguage mappings
 * (https://iso639-3.sil.org/code_tables/macrolanguage_mappings); these are
 * the ones of the languages Lombardy's services meet (LANGUAGES in
 * packages/forms/src/languages.ts, and a few more).
 */
const MACROLANGUAGES: Readonly<Record<string, readonly string[]>> = {
  ara: ['arb', 'ary', 'arq', 'aeb', 'arz', 'aec', 'apc', 'ajp', 'acm', 'apd', 'ayl', 'mey', 'shu', 'afb', 'ars', 'acw', 'ayp', 'ssh'],
  zho: ['cmn', 'wuu', 'yue', 'nan', 'cdo', 'cpx', 'hak', 'gan', 'hsn', 'cjy', 'czh', 'czo', 'mnp', 'lzh'],
  sqi: ['aln', 'als', 'aae', 'aat'],
  fas: ['pes', 'prs'],
  pus: ['pbt', 'pbu', 'pst'],
  kur: ['kmr', 'ckb', 'sdh'],
  lah: ['pnb', 'skr', 'hno', 'phr', 'xhe', 'jat', 'hnd'],
  hbs: ['srp', 'hrv', 'bos', 'cnr'],
  ful: ['fuc', 'fuf', 'ffm', 'fue', 'fuh', 'fuq', 'fuv', 'fub', 'fui'],
  aka: ['twi', 'fat'],
  swa: ['swh', 'swc'],
  msa: ['zsm', 'ind'],
  aze: ['azj', 'azb'],
  uzb: ['uzn', 'uzs'],
  nep: ['npi', 'dty'],
  orm: ['gax', 'gaz', 'hae', 'orc'],
};

const MACRO_OF: ReadonlyMap<string, string> = new Map(
  Object.entries(MACROLANGUAGES).flatMap(([macro, members]) => members.map((m) => [m, macro] as const)),
);

/**
 * Whether a mediator who speaks `spoken` speaks the language `requested`:
 * the same code, or one is the macrolanguage of the other. Two members of one
 * macrolanguage (Moroccan and Egyptian Arabic) are not the same language.
 */
export function sameLanguage(requested: string, spoken: string): boolean {
  return requested === spoken || MACRO_OF.get(spoken) === requested || MACRO_OF.get(requested) === spoken;
}

/** Every code that `sameLanguage` accepts for a request: what the candidate query looks for. */
export function codesServing(requested: string): string[] {
  const macro = MACRO_OF.get(requested);
  return [...new Set([requested, ...(MACROLANGUAGES[requested] ?? []), ...(macro ? [macro] : [])])];
}

/** Free text as compared (varieties, names): "Darija", "darija " and "Dárija" are one. */
export function textKey(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/gu, ' ').trim();
}

/** Levels from lowest to highest, as profiles store them (trpc/scheduling-inputs.ts). */
export const LEVELS = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'native'] as const;

export interface LanguageFit {
  /** the level of the entry that serves the request best */
  level: string;
  /** whether it is the variety asked for; null when the request names none */
  variety: boolean | null;
}

/**
 * How well a mediator's languages serve a request's language: the best entry,
 * the asked-for variety first, then the very code asked for (Arabic at C2
 * serves an Egyptian family better than native Moroccan Arabic), then the
 * higher level. Null when none serves.
 */
export function languageFit(spoken: readonly MediatorLanguage[], requested: { code: string; variety: string | null }): LanguageFit | null {
  const asked = requested.variety ? textKey(requested.variety) : '';
  let best: LanguageFit | null = null;
  let bestRank = -1;
  for (const entry of spoken) {
    if (!sameLanguage(requested.code, entry.code)) continue;
    const fit: LanguageFit = { level: entry.level, variety: asked ? textKey(entry.variety) === asked : null };
    const r = (fit.variety ? 100 : 0) + (entry.code === requested.code ? 10 : 0) + LEVELS.indexOf(entry.level as (typeof LEVELS)[number]);
    if (!best || r > bestRank) [best, bestRank] = [fit, r];
  }
  return best;
}
