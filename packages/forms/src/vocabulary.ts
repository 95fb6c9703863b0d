import type { LocalizedText } from './locale.js';

/*
 * Ponte's own words, apart from any form: the statuses of a request and of an
 * appointment, how a meeting is held, the plan's AZIONI, a request's urgency
 * and a person's gender. The server stores and answers these codes; the
 * widgets and the console show them with these labels, one per code and
 * language, so that a status reads the same wherever it is shown. A form's
 * own option values ('presenza', 'donna', 'svolto') are mapped to these codes
 * by its meaning (meaning.ts), never here.
 *
 * Labels are written as they stand alone, capitalised; inside a sentence
 * their first letter is lower-cased («approvata», "in presenza").
 * Kept apart from the forms and from the request lifecycle's moves
 * (request-lifecycle.ts) so that a widget showing a status pulls in this
 * file only.
 */

/** The statuses of a request (A.1, A.3, A.5); its moves are in request-lifecycle.ts. */
export const REQUEST_STATUSES = [
  'received',
  'in_review',
  'approved',
  'rejected',
  'scheduled',
  'held',
  'not_held',
  'reported',
  'closed',
  'withdrawn',
  'cancelled',
] as const;

export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const REQUEST_STATUS_LABELS: Readonly<Record<RequestStatus, LocalizedText>> = {
  received: { it: 'Ricevuta', en: 'Received' },
  in_review: { it: 'In valutazione', en: 'Under review' },
  approved: { it: 'Approvata', en: 'Approved' },
  rejected: { it: 'Non accolta', en: 'Rejected' },
  scheduled: { it: 'Programmata', en: 'Scheduled' },
  held: { it: 'Svolta', en: 'Held' },
  not_held: { it: 'Non svolta', en: 'Not held' },
  reported: { it: 'Rendicontata', en: 'Reported' },
  closed: { it: 'Chiusa', en: 'Closed' },
  withdrawn: { it: 'Ritirata', en: 'Withdrawn' },
  cancelled: { it: 'Annullata', en: 'Cancelled' },
};

/** How an appointment is held. */
export const APPOINTMENT_MODES = ['in_person', 'phone', 'video'] as const;

export type AppointmentMode = (typeof APPOINTMENT_MODES)[number];

export const APPOINTMENT_MODE_LABELS: Readonly<Record<AppointmentMode, LocalizedText>> = {
  in_person: { it: 'In presenza', en: 'In person' },
  phone: { it: 'Al telefono', en: 'By phone' },
  video: { it: 'In videochiamata', en: 'By video call' },
};

/** The statuses of one appointment (a request's status follows them). */
export const APPOINTMENT_STATUSES = ['scheduled', 'cancelled', 'held', 'not_held'] as const;

export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

export const APPOINTMENT_STATUS_LABELS: Readonly<Record<AppointmentStatus, LocalizedText>> = {
  scheduled: { it: 'Programmato', en: 'Scheduled' },
  cancelled: { it: 'Annullato', en: 'Cancelled' },
  held: { it: 'Svolto', en: 'Held' },
  not_held: { it: 'Non svolto', en: 'Not held' },
};

/**
 * The AZIONI of the integration plan whose hours appointments count against:
 * 1 the schools', 2 access to services (the ethnoclinical consultation
 * included), 4 participation. AZIONE 3 funds no mediation hours.
 */
export const PLAN_ACTIONS = ['1', '2', '4'] as const;

export type PlanAction = (typeof PLAN_ACTIONS)[number];

export const PLAN_ACTION_LABELS: Readonly<Record<PlanAction, LocalizedText>> = {
  '1': { it: 'Azione 1 – scuole', en: 'Action 1 – schools' },
  '2': { it: 'Azione 2 – servizi', en: 'Action 2 – services' },
  '4': { it: 'Azione 4 – partecipazione', en: 'Action 4 – participation' },
};

/**
 * A request's urgency, as the coordinator's queue stores and filters it.
 * The codes are the words the queue has always answered (requests.queue's
 * `urgency`), kept so that no integration breaks; the first is the default.
 */
export const REQUEST_URGENCIES = ['ordinaria', 'urgente'] as const;

export type RequestUrgency = (typeof REQUEST_URGENCIES)[number];

export const REQUEST_URGENCY_LABELS: Readonly<Record<RequestUrgency, LocalizedText>> = {
  ordinaria: { it: 'Ordinaria', en: 'Ordinary' },
  urgente: { it: 'Urgente', en: 'Urgent' },
};

/** A person's gender or sex as Ponte records it: a mediator's, a requested one, a beneficiary's ('X' other or not stated). */
export const GENDERS = ['F', 'M', 'X'] as const;

export type Gender = (typeof GENDERS)[number];

/** Whether a beneficiary's citizenship is known, the person stateless, or nobody knows (the reports' beneficiary rows from version 2). */
export const CITIZENSHIP_STATUSES = ['known', 'stateless', 'unknown'] as const;

export type CitizenshipStatus = (typeof CITIZENSHIP_STATUSES)[number];

/**
 * What a beneficiary is to the fund (docs/architecture.md#beneficiaries-counted-once):
 * a third-country national or a stateless person, both counted; an Italian or
 * other EU citizen, whatever else they hold, and a person of unknown
 * citizenship, neither counted.
 */
export const FAMI_STATUSES = ['third_country', 'stateless', 'eu', 'unknown'] as const;

export type FamiStatus = (typeof FAMI_STATUSES)[number];

export const FAMI_STATUS_LABELS: Readonly<Record<FamiStatus, LocalizedText>> = {
  third_country: { it: 'Cittadino di Paese terzo', en: 'Third-country national' },
  stateless: { it: 'Apolide', en: 'Stateless' },
  eu: { it: 'Cittadino italiano o UE', en: 'Italian or EU citizen' },
  unknown: { it: 'Cittadinanza non nota', en: 'Citizenship unknown' },
};
