import type { Locale } from '@ponte/forms';

/* The booking widget's own strings: kept out of the chunk the form widgets share. */
const BOOKING_UI = {
  heading: { it: 'Prenota un mediatore', en: 'Book a mediator' },
  intro: {
    it: 'Scegli la lingua e la modalità: ti mostriamo gli orari liberi delle prossime settimane.',
    en: 'Choose the language and how you will meet: we show the free times of the coming weeks.',
  },
  language: { it: 'Lingua', en: 'Language' },
  chooseLanguage: { it: 'Scegli una lingua', en: 'Choose a language' },
  variety: { it: 'Variante o dialetto', en: 'Variety or dialect' },
  anyVariety: { it: 'Qualsiasi', en: 'Any' },
  mode: { it: 'Modalità', en: 'How' },
  duration: { it: 'Durata', en: 'Length' },
  minutes: { it: '{n} minuti', en: '{n} minutes' },
  search: { it: 'Cerca orari liberi', en: 'Find free times' },
  searching: { it: 'Ricerca in corso…', en: 'Searching…' },
  loadingLanguages: { it: 'Caricamento delle lingue…', en: 'Loading languages…' },
  noLanguages: { it: 'Al momento nessun mediatore è disponibile.', en: 'No mediator is available at the moment.' },
  languageRequired: { it: 'Lingua: scegli una lingua.', en: 'Language: choose a language.' },
  freeTimes: { it: 'Orari liberi', en: 'Free times' },
  range: { it: 'Dal {from} al {to}', en: 'From {from} to {to}' },
  earlier: { it: 'Orari precedenti', en: 'Earlier times' },
  later: { it: 'Orari successivi', en: 'Later times' },
  noSlots: { it: 'Nessun orario libero in questi giorni. Prova gli orari successivi.', en: 'No free time on these days. Try later times.' },
  slotTaken: { it: 'Quell’orario è stato appena prenotato da altri: scegline un altro.', en: 'Someone has just booked that time: choose another one.' },
  confirmHeading: { it: 'Conferma la prenotazione', en: 'Confirm the booking' },
  when: { it: 'Quando', en: 'When' },
  place: { it: 'Luogo dell’incontro', en: 'Meeting place' },
  placeHint: {
    it: 'Indirizzo e stanza, così il mediatore sa dove andare; mai il nome di una persona: compare nei calendari.',
    en: 'Address and room, so the mediator knows where to go; never a person’s name: it appears in calendars.',
  },
  placeRequired: { it: 'Luogo dell’incontro: campo obbligatorio.', en: 'Meeting place: this field is required.' },
  caseCode: { it: 'Codice del caso (facoltativo)', en: 'Case code (optional)' },
  caseCodeHint: {
    it: 'Un codice interno, al massimo 4 lettere all’inizio e poi cifre, mai un nome: compare nei calendari. Esempio: SS-2026-014.',
    en: 'An internal code, at most 4 letters at the start and then digits, never a name: it appears in calendars. Example: SS-2026-014.',
  },
  confirm: { it: 'Conferma prenotazione', en: 'Confirm booking' },
  booking: { it: 'Prenotazione in corso…', en: 'Booking…' },
  bookedHeading: { it: 'Prenotazione confermata', en: 'Booking confirmed' },
  reference: { it: 'Riferimento', en: 'Reference' },
  addToCalendar: { it: 'Aggiungi al calendario (.ics)', en: 'Add to calendar (.ics)' },
  bookAnother: { it: 'Prenota un altro appuntamento', en: 'Book another appointment' },
} as const satisfies Record<string, { it: string; en: string }>;

export type BookingUiKey = keyof typeof BOOKING_UI;

/** a string in the widget's language, with `{name}` placeholders filled */
export function say(key: BookingUiKey, locale: Locale, params: Record<string, string | number> = {}): string {
  return BOOKING_UI[key][locale].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}
