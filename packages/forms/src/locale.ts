export type Locale = 'it' | 'en';

export const LOCALES: readonly Locale[] = Object.freeze(['it', 'en'] as const);

export interface LocalizedText {
  it: string;
  en: string;
}

export function isLocale(value: unknown): value is Locale {
  return value === 'it' || value === 'en';
}
