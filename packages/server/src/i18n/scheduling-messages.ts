import type { Locale } from '@ponte/forms';

/** Messages of mediators, availability, appointments, budgets and feeds. */
export const SCHEDULING_MESSAGES = {
  mediatorNotFound: { it: 'Mediatore non trovato.', en: 'Mediator not found.' },
  mediatorInactive: { it: 'Questo mediatore non è attivo.', en: 'This mediator is not active.' },
  mediatorUserInvalid: {
    it: 'L’utente collegato deve avere il ruolo di mediatore in questo Ambito.',
    en: 'The linked user must have the mediator role in this Ambito.',
  },
  mediatorUserTaken: {
    it: 'Questo utente è già collegato a un altro mediatore.',
    en: 'This user is already linked to another mediator.',
  },
  mediatorRequired: {
    it: 'Indica il mediatore (mediatorId).',
    en: 'Say which mediator (mediatorId).',
  },
  seriesNeedsMediator: {
    it: 'Una consulenza senza mediatore si prenota un incontro alla volta.',
    en: 'A consultation without a mediator is booked one meeting at a time.',
  },
  ownAvailabilityOnly: {
    it: 'Un mediatore può modificare solo la propria disponibilità.',
    en: 'A mediator can only change their own availability.',
  },
  noMediatorProfile: {
    it: 'Il tuo utente non è collegato a un profilo di mediatore.',
    en: 'Your user is not linked to a mediator profile.',
  },
  timeRangeInvalid: {
    it: 'L’orario di fine deve seguire quello di inizio.',
    en: 'The end time must come after the start time.',
  },
  exceptionTimesPaired: {
    it: 'Indica sia l’ora di inizio sia quella di fine, oppure nessuna delle due (giornata intera).',
    en: 'Give both a start and an end time, or neither (the whole day).',
  },
  exceptionOverlap: {
    it: 'In questa data c’è già un’eccezione che si sovrappone ({id}): rimuovila prima.',
    en: 'An overlapping exception already exists on this date ({id}): remove it first.',
  },
  exceptionNotFound: { it: 'Eccezione non trovata.', en: 'Exception not found.' },
  appointmentNotFound: { it: 'Appuntamento non trovato.', en: 'Appointment not found.' },
  appointmentConflict: {
    it: 'Il mediatore è già impegnato (tempo di spostamento compreso): appuntamento {id} del {start}–{end}.',
    en: 'The mediator is already busy (travel time included): appointment {id} on {start}–{end}.',
  },
  seriesConflict: {
    it: '{count} date della serie sono in conflitto: nessun appuntamento è stato registrato.',
    en: '{count} dates of the series clash: no appointment was stored.',
  },
  seriesOverlapsItself: {
    it: 'Due date della serie si sovrappongono.',
    en: 'Two dates of the series overlap.',
  },
  budgetExceeded: {
    it: 'Ore insufficienti per AZIONE {action} nell’anno scolastico {schoolYear}: restano {remaining} min, ne servono {needed}.',
    en: 'Not enough hours for AZIONE {action} in school year {schoolYear}: {remaining} min left, {needed} needed.',
  },
  overrideNotAllowed: {
    it: 'Solo un coordinatore può forzare il monte ore.',
    en: 'Only a coordinator can override the hour budget.',
  },
  overrideReasonRequired: {
    it: 'Per forzare il monte ore indica una motivazione (overrideReason).',
    en: 'Give a reason to override the hour budget (overrideReason).',
  },
  outsideAvailability: {
    it: 'L’orario scelto non è tra le disponibilità libere del mediatore.',
    en: 'The time chosen is not among the mediator’s free slots.',
  },
  appointmentChanged: {
    it: 'L’appuntamento è stato modificato da qualcun altro nel frattempo: ricarica e riprova.',
    en: 'Someone else changed this appointment in the meantime: reload and try again.',
  },
  appointmentNotChangeable: {
    it: 'Un appuntamento annullato o già concluso non si può modificare.',
    en: 'A cancelled or completed appointment cannot be changed.',
  },
  outcomeTooEarly: {
    it: 'L’esito si registra solo dopo l’inizio dell’appuntamento.',
    en: 'The outcome can only be recorded after the appointment has started.',
  },
  startInPast: {
    it: 'L’orario scelto è già passato: scegline uno futuro.',
    en: 'The time chosen has already passed: choose a later one.',
  },
  placeRequired: {
    it: 'Per un incontro in presenza indica il luogo.',
    en: 'Give the place of an in-person meeting.',
  },
  windowTooLong: {
    it: 'L’intervallo richiesto è troppo ampio: al massimo {days} giorni.',
    en: 'The window asked for is too wide: at most {days} days.',
  },
  windowOrder: {
    it: 'La data finale deve seguire quella iniziale.',
    en: 'The end date must come after the start date.',
  },
  seriesTooLong: {
    it: 'Le date di una serie stanno entro {days} giorni l’una dall’altra.',
    en: 'The dates of a series lie within {days} days of each other.',
  },
  seriesShape: {
    it: 'Una serie è settimanale (weeklyCount) oppure a date indicate (starts), non entrambe.',
    en: 'A series is weekly (weeklyCount) or on given dates (starts), not both.',
  },
  feedNotFound: { it: 'Calendario non trovato.', en: 'Calendar feed not found.' },
  feedOwnerRequired: { it: 'Indica di chi è il calendario.', en: 'Say whose calendar it is.' },
  schoolYearInvalid: {
    it: 'Anno scolastico nel formato AAAA/AA, anni consecutivi (es. 2025/26).',
    en: 'School year as YYYY/YY, consecutive years (e.g. 2025/26).',
  },
} as const satisfies Record<string, Record<Locale, string>>;
