import { message, type Locale, type MessageKey } from '@ponte/forms';

/*
 * The widgets' own chrome, in Italian and English. Strings that the forms
 * catalogue already has (Avanti, Riepilogo, Conferma e invia…) come from
 * there through `t()`, so both packages say the same thing.
 */
const UI = {
  loading: { it: 'Caricamento del modulo…', en: 'Loading the form…' },
  loadFailed: { it: 'Impossibile caricare il modulo.', en: 'The form could not be loaded.' },
  needsAppointment: {
    it: 'Una scheda report si compila per un appuntamento del mediatore: manca appointment-id.',
    en: 'A report is filled in for one of the mediator’s appointments: appointment-id is missing.',
  },
  retry: { it: 'Riprova', en: 'Try again' },
  draftFound: { it: 'Hai una bozza salvata il {date}.', en: 'You have a draft saved on {date}.' },
  resume: { it: 'Riprendi', en: 'Resume' },
  restart: { it: 'Ricomincia', en: 'Start over' },
  stepOf: { it: 'Passo {n} di {total}', en: 'Step {n} of {total}' },
  steps: { it: 'Passi del modulo', en: 'Form steps' },
  edit: { it: 'Modifica', en: 'Change' },
  sending: { it: 'Invio in corso…', en: 'Sending…' },
  notGiven: { it: 'Non indicato', en: 'Not given' },
  receiptHeading: { it: 'Richiesta inviata', en: 'Request sent' },
  reportFiled: { it: 'Scheda report inviata', en: 'Report filed' },
  receiptKeep: {
    it: 'Conserva il codice: serve per seguire lo stato della richiesta.',
    en: 'Keep the code: you need it to follow the request.',
  },
  answerReplaced: {
    it: 'Questa risposta sostituisce quella già inviata per lo stesso anno scolastico, che resta nello storico.',
    en: 'This answer replaces the one already sent for the same school year, which is kept in the history.',
  },
  copyCode: { it: 'Copia codice', en: 'Copy code' },
  copied: { it: 'Codice copiato.', en: 'Code copied.' },
  copyFailed: {
    it: 'Copia non riuscita: seleziona il codice e copialo a mano.',
    en: 'Could not copy: select the code and copy it by hand.',
  },
  newForm: { it: 'Compila un nuovo modulo', en: 'Fill in a new form' },
  itemAdded: { it: '{item} aggiunto.', en: '{item} added.' },
  itemRemoved: { it: '{item} rimosso.', en: '{item} removed.' },
  characters: { it: '{n} caratteri su {max}', en: '{n} of {max} characters' },
  results: { it: '{n} risultati disponibili.', en: '{n} results available.' },
  noResults: { it: 'Nessun risultato.', en: 'No results.' },
  chosen: { it: 'Scelte', en: 'Chosen' },
  orgMissing: {
    it: 'Organizzazione non disponibile: manca la chiave pubblica.',
    en: 'Organisation not available: the publishable key is missing.',
  },
  honeypot: { it: 'Lascia vuoto questo campo', en: 'Leave this field empty' },
  signatureStatement: { it: 'Confermo che i dati sono corretti.', en: 'I confirm that the data are correct.' },
} as const satisfies Record<string, { it: string; en: string }>;

export type UiKey = keyof typeof UI;

/**
 * a widget string in the locale, its `{name}` placeholders filled. Its numbers
 * are steps and counts, whole numbers written alike in Italian and English,
 * so they go in as they are: the catalogue's interpolate() formats them with
 * Intl.NumberFormat, whose first use on a page costs some 20 ms (the locale's
 * data is loaded), and the step count is drawn on the way to the first field.
 */
export function ui(key: UiKey, locale: Locale, params?: Record<string, string | number>): string {
  const template: string = UI[key][locale];
  return params ? template.replace(/\{(\w+)\}/g, (whole, name: string) => `${params[name] ?? whole}`) : template;
}

/** a string of the shared forms catalogue */
export const t = (key: MessageKey, locale: Locale, params?: Record<string, string | number>): string =>
  message(key, locale, params);

