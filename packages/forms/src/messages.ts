import type { Locale, LocalizedText } from './locale.js';

/*
 * The it/en catalogue shared by validation errors and the widgets' chrome.
 * Error texts start lower-case because they follow the field's label:
 * «Docente richiedente: campo obbligatorio.» Plurals are avoided by phrasing
 * counts as "(minimo 2)" so that no plural rules are needed.
 */
const CATALOGUE = {
  'error.required': { it: 'campo obbligatorio.', en: 'this field is required.' },
  'error.invalid': { it: 'valore non valido.', en: 'invalid value.' },
  'error.notText': { it: 'deve essere un testo.', en: 'must be text.' },
  'error.notNumber': { it: 'deve essere un numero.', en: 'must be a number.' },
  'error.notInteger': { it: 'deve essere un numero intero.', en: 'must be a whole number.' },
  'error.notBoolean': { it: 'deve essere sì o no.', en: 'must be yes or no.' },
  'error.notList': { it: 'deve essere un elenco.', en: 'must be a list.' },
  'error.notObject': { it: 'dati non validi.', en: 'invalid data.' },
  'error.tooShort': { it: 'testo troppo corto (minimo {min} caratteri).', en: 'too short (at least {min} characters).' },
  'error.tooLong': { it: 'testo troppo lungo (massimo {max} caratteri).', en: 'too long (at most {max} characters).' },
  'error.belowMin': { it: 'il valore minimo è {min}.', en: 'must be at least {min}.' },
  'error.aboveMax': { it: 'il valore massimo è {max}.', en: 'must be at most {max}.' },
  'error.tooEarly': { it: 'non può essere prima di {min}.', en: 'must not be before {min}.' },
  'error.tooLate': { it: 'non può essere dopo {max}.', en: 'must not be after {max}.' },
  'error.email': { it: 'indirizzo e-mail non valido.', en: 'invalid e-mail address.' },
  'error.phone': { it: 'numero di telefono non valido.', en: 'invalid phone number.' },
  'error.date': { it: 'data non valida.', en: 'invalid date.' },
  'error.time': { it: 'ora non valida.', en: 'invalid time.' },
  'error.datetime': { it: 'data e ora non valide.', en: 'invalid date and time.' },
  'error.controlCharacters': { it: 'contiene caratteri non ammessi.', en: 'contains characters that are not allowed.' },
  'error.pattern': { it: 'formato non valido.', en: 'invalid format.' },
  'error.option': { it: 'scelta non valida.', en: 'not one of the available choices.' },
  'error.duplicate': { it: 'la stessa scelta compare più volte.', en: 'the same choice appears more than once.' },
  'error.tooFewItems': { it: 'troppo pochi elementi (minimo {min}).', en: 'too few items (at least {min}).' },
  'error.tooManyItems': { it: 'troppi elementi (massimo {max}).', en: 'too many items (at most {max}).' },
  'error.tooFewSelected': { it: 'troppo poche scelte (minimo {min}).', en: 'too few choices (at least {min}).' },
  'error.tooManySelected': { it: 'troppe scelte (massimo {max}).', en: 'too many choices (at most {max}).' },
  'error.unknownField': { it: 'campo non previsto da questo modulo.', en: 'this field is not part of the form.' },
  'error.consent': { it: 'è necessario confermare per procedere.', en: 'you must confirm this to continue.' },
  'error.signature': { it: 'la firma deve essere confermata.', en: 'the signature must be confirmed.' },
  'error.language': { it: 'codice lingua non valido (ISO 639-3).', en: 'invalid language code (ISO 639-3).' },
  'error.country': { it: 'paese non valido.', en: 'unknown country.' },
  'error.likert': { it: 'scegliere un valore da 1 a {points}.', en: 'choose a value from 1 to {points}.' },
  'error.timeOrder': {
    it: "l'ora di fine deve essere successiva all'ora di inizio.",
    en: 'the end time must be later than the start time.',
  },
  'error.lt': { it: 'deve essere minore di «{other}».', en: 'must be less than “{other}”.' },
  'error.lte': { it: 'non può superare «{other}».', en: 'must not exceed “{other}”.' },
  'error.gt': { it: 'deve essere maggiore di «{other}».', en: 'must be greater than “{other}”.' },
  'error.gte': { it: 'non può essere minore di «{other}».', en: 'must not be less than “{other}”.' },
  'error.earlier': { it: 'deve essere precedente a «{other}».', en: 'must be earlier than “{other}”.' },
  'error.notAfter': { it: 'non può essere successivo a «{other}».', en: 'must not be later than “{other}”.' },
  'error.later': { it: 'deve essere successivo a «{other}».', en: 'must be later than “{other}”.' },
  'error.notBefore': { it: 'non può essere precedente a «{other}».', en: 'must not be earlier than “{other}”.' },
  'error.missingRow': { it: 'manca la riga per «{value}».', en: 'the row for “{value}” is missing.' },
  'error.extraRow': {
    it: '«{value}» non è tra le scelte di «{source}».',
    en: '“{value}” is not among the choices in “{source}”.',
  },
  'error.duplicateRow': { it: 'c’è più di una riga per «{value}».', en: 'there is more than one row for “{value}”.' },
  'error.minFilled': {
    it: 'troppo pochi campi compilati tra questi (minimo {min}).',
    en: 'too few of these fields are filled in (at least {min}).',
  },

  'ui.optional': { it: 'facoltativo', en: 'optional' },
  'ui.yes': { it: 'Sì', en: 'Yes' },
  'ui.no': { it: 'No', en: 'No' },
  'ui.dontKnow': { it: 'Non so', en: 'Don’t know' },
  'ui.select': { it: 'Seleziona…', en: 'Select…' },
  'ui.addItem': { it: 'Aggiungi', en: 'Add' },
  'ui.removeItem': { it: 'Rimuovi', en: 'Remove' },
  'ui.itemNumber': { it: '{item} n. {n}', en: '{item} no. {n}' },
  'ui.next': { it: 'Avanti', en: 'Next' },
  'ui.back': { it: 'Indietro', en: 'Back' },
  'ui.summary': { it: 'Riepilogo', en: 'Summary' },
  'ui.confirmAndSend': { it: 'Conferma e invia', en: 'Confirm and send' },
  'ui.declarationNotice': {
    it: 'I dati inseriti hanno valore di dichiarazione.',
    en: 'The data you enter have the value of a declaration.',
  },
  'ui.errorSummary': { it: 'Il modulo contiene errori: correggi i campi indicati.', en: 'The form has errors: please correct the fields listed.' },
  'ui.submitted': { it: 'Modulo inviato.', en: 'Form sent.' },
  'ui.protocolNumber': { it: 'Numero di protocollo', en: 'Protocol number' },
  'ui.trackingCode': { it: 'Codice per seguire la pratica', en: 'Tracking code' },
  'ui.slotDate': { it: 'Data', en: 'Date' },
  'ui.slotFrom': { it: 'Dalle', en: 'From' },
  'ui.slotTo': { it: 'Alle', en: 'To' },
  'ui.languageVariety': { it: 'Dialetto o varietà', en: 'Dialect or variety' },
  'ui.signatureName': { it: 'Nome e cognome di chi firma', en: 'Full name of the signer' },
  'ui.signatureConfirm': { it: 'Confermo e firmo', en: 'I confirm and sign' },
  'ui.stateless': { it: 'Apolide o cittadinanza sconosciuta', en: 'Stateless or unknown citizenship' },

  'schoolLevel.servizi-0-6': { it: 'Servizi educativi 0-6 anni', en: 'Early childhood services (0-6)' },
  'schoolLevel.infanzia': { it: 'Scuola dell’infanzia', en: 'Pre-primary school' },
  'schoolLevel.primaria': { it: 'Scuola primaria', en: 'Primary school' },
  'schoolLevel.secondaria-1': { it: 'Scuola secondaria di I grado', en: 'Lower secondary school' },
  'schoolLevel.secondaria-2': { it: 'Scuola secondaria di II grado', en: 'Upper secondary school' },
  'schoolLevel.cpia': { it: 'CPIA (istruzione degli adulti)', en: 'CPIA (adult education centre)' },
} as const satisfies Record<string, LocalizedText>;

export type MessageKey = keyof typeof CATALOGUE;

// Pure: a bundle that never reads the list (the widgets) drops it.
export const MESSAGE_KEYS = /* @__PURE__ */ Object.freeze(Object.keys(CATALOGUE) as MessageKey[]);

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(CATALOGUE, key);
}

/** both languages of a catalogue entry, for texts resolved later in the caller's locale */
export function messageText(key: MessageKey): LocalizedText {
  return CATALOGUE[key];
}

export function message(key: MessageKey, locale: Locale, params?: Record<string, string | number>): string {
  const template: string = CATALOGUE[key][locale];
  return params ? interpolate(template, locale, params) : template;
}

/**
 * Fills `{name}` placeholders. Numbers get the locale's decimal sign (1,5 in
 * Italian) but no grouping, which would print a year as 2,026 in English.
 */
export function interpolate(template: string, locale: Locale, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? new Intl.NumberFormat(locale, { useGrouping: false }).format(value) : value;
  });
}
