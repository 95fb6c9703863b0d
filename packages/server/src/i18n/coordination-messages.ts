import type { Locale } from '@ponte/forms';

/**
 * Messages of coordination: matching's errors, the reasons a suggestion list
 * is empty, and the pieces of a suggestion's one-line explanation.
 */
export const COORDINATION_MESSAGES = {
  notARequest: {
    it: 'Questa pratica non è una richiesta di mediazione o di consulenza: non si abbinano mediatori.',
    en: 'This submission is not a request for mediation or consultation: there is no mediator to match.',
  },
  matchNoLanguage: {
    it: 'La richiesta non indica una lingua per la mediazione: non serve un mediatore, oppure va chiesta a chi l’ha inviata.',
    en: 'The request names no language for mediation: no mediator is needed, or ask its sender which language.',
  },
  matchNoSpeaker: {
    it: 'Nessun mediatore attivo dell’Ambito parla la lingua richiesta.',
    en: 'No active mediator of the Ambito speaks the language requested.',
  },
  whyLanguage: { it: 'parla la lingua richiesta ({level})', en: 'speaks the language requested ({level})' },
  whyVariety: { it: 'parla la varietà richiesta ({level})', en: 'speaks the variety requested ({level})' },
  whyNoVariety: { it: 'parla la lingua ({level}) ma non la varietà richiesta', en: 'speaks the language ({level}) but not the variety requested' },
  whyNative: { it: 'madrelingua', en: 'native' },
  whyLevel: { it: 'livello {level}', en: 'level {level}' },
  whyGender: { it: 'genere come richiesto', en: 'gender as requested' },
  whyNoGender: { it: 'genere diverso da quello richiesto', en: 'not the gender requested' },
  whyNamed: { it: 'indicato da chi richiede come mediatore precedente', en: 'named by the requester as the previous mediator' },
  whySameCase: { it: 'incontri già svolti o fissati per lo stesso caso: {count}', en: 'sessions held or booked on the same case: {count}' },
  whyOrganisation: { it: 'incontri con questa organizzazione: {count}', en: 'sessions with this organisation: {count}' },
  whyFreeSlots: { it: 'date proposte libere: {free} su {total}', en: 'proposed times free: {free} of {total}' },
  whyNoFreeSlots: { it: 'non disponibile nelle date proposte', en: 'not free at the proposed times' },
  whyLoad: { it: 'minuti già prenotati nel mese: {minutes}', en: 'minutes already booked in the month: {minutes}' },
} as const satisfies Record<string, Record<Locale, string>>;
