import type { Locale } from '@ponte/forms';

/** Messages of what the Ambito accounts to the fund with: the quarterly narrative. */
export const ACCOUNTING_MESSAGES = {
  narrativeChanged: {
    it: 'Il testo di questo trimestre è stato salvato da qualcun altro nel frattempo: ricarica, riporta le tue modifiche e salva di nuovo.',
    en: 'Someone else saved this quarter’s text in the meantime: reload, bring your changes over and save again.',
  },
} as const satisfies Record<string, Record<Locale, string>>;
