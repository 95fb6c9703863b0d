import type { Locale } from '@ponte/forms';

/**
 * Messages of the request lifecycle and of the reports bound to appointments.
 * Status names reach them as localized parameters (requests/lifecycle.ts STATUS_NAMES).
 */
export const REQUEST_MESSAGES = {
  transitionNotAllowed: {
    it: 'La richiesta è «{from}»: non può diventare «{to}». Da «{from}» può diventare: {next}.',
    en: 'The request is “{from}”: it cannot become “{to}”. From “{from}” it can become: {next}.',
  },
  transitionForbidden: {
    it: 'Il tuo ruolo non può portare la richiesta da «{from}» a «{to}».',
    en: 'Your role cannot move the request from “{from}” to “{to}”.',
  },
  consultationForClinicians: {
    it: 'Le consulenze etnocliniche (A.5) sono valutate dal team clinico: il coordinamento ne vede solo lo stato e le date.',
    en: 'Ethnoclinical consultations (A.5) are reviewed by the clinical team: coordinators see only their status and dates.',
  },
  consultationBookedByClinicians: {
    it: 'Le consulenze etnocliniche (A.5) le programma il team clinico: il coordinamento ne vede solo l’appuntamento (data, mediatore, organizzazione).',
    en: 'Ethnoclinical consultations (A.5) are scheduled by the clinical team: coordinators see only that the appointment exists (time, mediator, organisation).',
  },
  clinicianBooksConsultationsOnly: {
    it: 'Il team clinico prenota solo gli appuntamenti delle consulenze etnocliniche (A.5) approvate: indica la consulenza (submissionId).',
    en: 'The clinical team books appointments only for approved ethnoclinical consultations (A.5): name the consultation (submissionId).',
  },
  requestChanged: {
    it: 'La richiesta è stata modificata da qualcun altro nel frattempo: ricarica e riprova.',
    en: 'Someone else changed this request in the meantime: reload and try again.',
  },
  reasonRequired: {
    it: 'Motivo: scrivi perché; chi ha inviato la richiesta lo leggerà.',
    en: 'Reason: say why; whoever sent the request will read it.',
  },
  requestRefRequired: {
    it: 'Indica la richiesta con id oppure con trackingCode: uno dei due, non entrambi.',
    en: 'Name the request by id or by trackingCode: one of the two, not both.',
  },
  withdrawKeyNeedsCode: {
    it: 'Con la chiave pubblica, indica il codice di tracciamento della richiesta (trackingCode).',
    en: 'With a publishable key, give the request’s tracking code (trackingCode).',
  },
  withdrawStaffRequest: {
    it: 'Questa richiesta è stata inviata da un utente del personale: la ritira chi l’ha inviata, dopo aver eseguito l’accesso.',
    en: 'This request was sent by a member of staff: whoever sent it withdraws it, once signed in.',
  },
  bookingNeedsApproval: {
    it: 'La richiesta {protocol} è «{status}»: si prenotano appuntamenti solo per una richiesta approvata o già programmata.',
    en: 'Request {protocol} is “{status}”: appointments are booked only for a request that is approved or already scheduled.',
  },
  bookingNotARequest: {
    it: 'submissionId: questo invio non è una richiesta (A.1, A.3 o A.5), quindi non gli si collegano appuntamenti.',
    en: 'submissionId: this submission is not a request (A.1, A.3 or A.5), so no appointment can be linked to it.',
  },
  bookingWrongAction: {
    it: 'AZIONE {action}: gli appuntamenti della richiesta {protocol} si prenotano sull’AZIONE {expected}, quella del suo modulo.',
    en: 'AZIONE {action}: appointments for request {protocol} are booked under AZIONE {expected}, the one of its form.',
  },
  requestHoursExceeded: {
    it: 'La richiesta {protocol} ha {authorised} ore autorizzate: ne sono già prenotate {booked} e questa prenotazione ne chiede {needed}. Il coordinamento può forzarla indicando il motivo.',
    en: 'Request {protocol} has {authorised} hours authorised: {booked} are booked already and this booking asks for {needed}. A coordinator can override, giving a reason.',
  },
  requestSessionStarted: {
    it: 'La richiesta {protocol} ha un incontro già iniziato (appuntamento {id} del {start}): non può più diventare «{to}». Registra prima l’esito di quell’incontro.',
    en: 'Request {protocol} has a session that has already started (appointment {id} on {start}): it can no longer become “{to}”. Record that session’s outcome first.',
  },
  outcomeFromReport: {
    it: 'L’appuntamento ha già la sua scheda report: l’esito si corregge nella scheda.',
    en: 'This appointment has its report already: correct the outcome in the report.',
  },
  reportNotFound: { it: 'Scheda report non trovata.', en: 'Report not found.' },
  reportByMediator: {
    it: 'La scheda report la compila e la corregge il mediatore che ha tenuto l’incontro.',
    en: 'The report is filed and corrected by the mediator who held the session.',
  },
  reportOwnAppointmentsOnly: {
    it: 'Questo appuntamento è assegnato a un altro mediatore: puoi compilare la scheda report solo dei tuoi appuntamenti.',
    en: 'This appointment is assigned to another mediator: you can only file reports on your own appointments.',
  },
  reportOwnOnly: {
    it: 'Questa scheda report è di un altro mediatore: puoi correggere solo le tue.',
    en: 'This report belongs to another mediator: you can only correct your own.',
  },
  reportExists: {
    it: 'Questo appuntamento ha già la sua scheda report ({id}): correggi quella.',
    en: 'This appointment has a report already ({id}): correct that one.',
  },
  reportAppointmentCancelled: {
    it: 'L’appuntamento è stato annullato: non ha una scheda report.',
    en: 'The appointment was cancelled: it takes no report.',
  },
  reportTooEarly: {
    it: 'La scheda report si compila dopo l’inizio dell’incontro.',
    en: 'The report can only be filed after the session has started.',
  },
  reportDateMismatch: {
    it: '{label}: deve essere il giorno dell’appuntamento ({date}).',
    en: '{label}: must be the day of the appointment ({date}).',
  },
  reportCountersignField: {
    it: '{label}: la compila il referente quando vista la scheda.',
    en: '{label}: filled in by the referent when countersigning.',
  },
  reportCountersigned: {
    it: 'La scheda report è già stata vistata: solo il coordinamento può riaprirla.',
    en: 'The report has been countersigned: only a coordinator can reopen it.',
  },
  reportChanged: {
    it: 'La scheda report è stata modificata da qualcun altro nel frattempo: ricarica e riprova.',
    en: 'Someone else changed this report in the meantime: reload and try again.',
  },
  reportNotCountersigned: {
    it: 'La scheda report non è ancora vistata: il mediatore può ancora correggerla, non serve riaprirla.',
    en: 'The report is not countersigned yet: its mediator can still correct it, there is nothing to reopen.',
  },
  countersignByRequester: {
    it: 'Vista la scheda report un referente dell’organizzazione che ha ricevuto l’intervento.',
    en: 'The report is countersigned by a referent of the organisation that received the session.',
  },
} as const satisfies Record<string, Record<Locale, string>>;
