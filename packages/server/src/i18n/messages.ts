import type { Locale, LocalizedText } from '@ponte/forms';
import { ACCOUNTING_MESSAGES } from './accounting-messages.js';
import { COORDINATION_MESSAGES } from './coordination-messages.js';
import { REQUEST_MESSAGES } from './request-messages.js';
import { SCHEDULING_MESSAGES } from './scheduling-messages.js';

/**
 * The server's own messages, for errors that are not about a form field.
 * Form field messages come from @ponte/forms, so widgets and server agree.
 */
const MESSAGES = {
  internal: {
    it: 'Si è verificato un errore interno. Riprova più tardi.',
    en: 'Something went wrong on our side. Please try again later.',
  },
  invalidInput: {
    it: 'Alcuni dati non sono validi: {fields}.',
    en: 'Some data is not valid: {fields}.',
  },
  textNotWellFormed: {
    it: 'Alcuni dati non sono validi: {fields} contiene caratteri non ammessi.',
    en: 'Some data is not valid: {fields} contains characters that are not allowed.',
  },
  malformedRequest: {
    it: 'La richiesta non è leggibile: il corpo non è JSON valido.',
    en: 'The request cannot be read: its body is not valid JSON.',
  },
  unsupportedMediaType: {
    it: 'Formato non supportato: invia i dati come application/json.',
    en: 'Unsupported format: send the data as application/json.',
  },
  procedureNotFound: {
    it: 'Questa operazione non esiste.',
    en: 'This operation does not exist.',
  },
  methodNotSupported: {
    it: 'Metodo HTTP non consentito per questa operazione.',
    en: 'HTTP method not allowed for this operation.',
  },
  formInvalid: {
    it: 'Il modulo contiene errori: controlla i campi indicati.',
    en: 'The form has errors: please check the fields shown.',
  },
  tooManyRequests: {
    it: 'Troppe richieste. Riprova tra {seconds} secondi.',
    en: 'Too many requests. Try again in {seconds} seconds.',
  },
  payloadTooLarge: {
    it: 'I dati inviati sono troppo grandi.',
    en: 'The data sent is too large.',
  },
  signInRequired: {
    it: 'Accedi per continuare.',
    en: 'Please sign in to continue.',
  },
  sessionExpired: {
    it: 'La sessione è scaduta o non è valida: accedi di nuovo.',
    en: 'Your session has expired or is not valid: please sign in again.',
  },
  signInNotBatched: {
    it: 'L’accesso va richiesto da solo, non in un gruppo di chiamate.',
    en: 'Sign in with a request of its own, not within a batch.',
  },
  badCredentials: {
    it: 'E-mail o password non corretti.',
    en: 'Wrong e-mail or password.',
  },
  keyRequired: {
    it: 'Serve una chiave pubblica (publishable key) o un accesso del personale.',
    en: 'A publishable key or a staff sign-in is required.',
  },
  keyUnknown: {
    it: 'La chiave pubblica non è valida o è stata revocata.',
    en: 'The publishable key is not valid or has been revoked.',
  },
  keyWrongOrigin: {
    it: 'Questa chiave pubblica non è autorizzata per il sito {origin}.',
    en: 'This publishable key is not allowed on the site {origin}.',
  },
  forbiddenRole: {
    it: 'Il tuo ruolo non consente questa operazione.',
    en: 'Your role does not allow this.',
  },
  formUnknown: {
    it: 'Il modulo «{formId}» versione {version} non esiste.',
    en: 'The form “{formId}” version {version} does not exist.',
  },
  formNotForOrganisation: {
    it: 'Questo modulo non può essere inviato da questa organizzazione.',
    en: 'This form cannot be sent by this organisation.',
  },
  formFilledByMediator: {
    it: 'Questo modulo è compilato dal mediatore dopo l’incontro, per il suo appuntamento (reports.file).',
    en: 'This form is filled in by the mediator after the meeting, for their appointment (reports.file).',
  },
  organisationRequired: {
    it: 'Indica l’organizzazione per cui invii il modulo (organisationId).',
    en: 'Say which organisation you are sending the form for (organisationId).',
  },
  keyOtherOrganisation: {
    it: 'Una chiave pubblica può inviare moduli solo per la propria organizzazione.',
    en: 'A publishable key can only send forms for its own organisation.',
  },
  invalidCursor: {
    it: 'Il cursore di paginazione non è valido: usa il valore nextCursor ricevuto.',
    en: 'The page cursor is not valid: use the nextCursor value you received.',
  },
  organisationUnknown: {
    it: 'Organizzazione non trovata.',
    en: 'Organisation not found.',
  },
  organisationMismatch: {
    it: '{label}: deve essere l’organizzazione che invia il modulo.',
    en: '{label}: must be the organisation sending the form.',
  },
  idempotencyConflict: {
    it: 'Questa chiave di idempotenza è già stata usata per un invio diverso.',
    en: 'This idempotency key was already used for a different submission.',
  },
  honeypot: {
    it: 'Invio rifiutato.',
    en: 'Submission refused.',
  },
  submissionNotFound: {
    it: 'Richiesta non trovata.',
    en: 'Request not found.',
  },
  trackingNotFound: {
    it: 'Nessuna richiesta corrisponde a questo codice di tracciamento.',
    en: 'No request matches this tracking code.',
  },
  specialCategoryRestricted: {
    it: 'Il contenuto di questa richiesta è riservato al team clinico e a chi l’ha inviata.',
    en: 'The content of this request is reserved for the clinical team and its requester.',
  },
  ...SCHEDULING_MESSAGES,
  ...COORDINATION_MESSAGES,
  ...REQUEST_MESSAGES,
  ...ACCOUNTING_MESSAGES,
} as const satisfies Record<string, Record<Locale, string>>;

export type ServerMessageKey = keyof typeof MESSAGES;

/** A value put into a message: as it is, or (a status name, say) in each language. */
export type MessageParam = string | number | LocalizedText;

export function serverMessage(
  key: ServerMessageKey,
  locale: Locale,
  params: Record<string, MessageParam> = {},
): string {
  return MESSAGES[key][locale].replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    return printable(typeof value === 'object' ? value[locale] : String(value ?? ''));
  });
}

/** A value echoed into a message, with control and bidi-override characters made visible as '�'. */
function printable(value: string): string {
  return value.slice(0, 200).replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '\ufffd');
}

/** Picks the caller's language: an explicit x-ponte-locale, else Accept-Language, else Italian. */
export function pickLocale(explicit: string | undefined, acceptLanguage: string | undefined): Locale {
  const wanted = (explicit ?? acceptLanguage ?? '').toLowerCase();
  for (const part of wanted.split(',')) {
    const tag = part.trim().slice(0, 2);
    if (tag === 'it' || tag === 'en') return tag;
  }
  return 'it';
}
