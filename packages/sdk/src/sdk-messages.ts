import type { Locale } from '@ponte/forms';

/**
 * The few messages the SDK writes itself: for failures where no answer came
 * from the server, which otherwise speaks the caller's language on its own.
 */
const SDK_MESSAGES = {
  network: {
    it: 'Impossibile contattare il servizio Ponte. Controlla la connessione e riprova.',
    en: 'Could not reach the Ponte service. Check your connection and try again.',
  },
  aborted: {
    it: 'La richiesta è stata annullata.',
    en: 'The request was cancelled.',
  },
  unexpected: {
    it: 'Si è verificato un errore imprevisto. Riprova più tardi.',
    en: 'Something unexpected went wrong. Please try again later.',
  },
} as const satisfies Record<string, Record<Locale, string>>;

export type SdkMessageKey = keyof typeof SDK_MESSAGES;

export function sdkMessage(key: SdkMessageKey, locale: Locale): string {
  return SDK_MESSAGES[key][locale === 'en' ? 'en' : 'it'];
}
