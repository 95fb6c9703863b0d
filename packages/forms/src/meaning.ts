import type { AppointmentMode, CitizenshipStatus, Gender, PlanAction, RequestUrgency } from './vocabulary.js';

/*
 * What each released form version means to the rest of Ponte: whether it is
 * a request, a report or a questionnaire, the AZIONE a request books under,
 * and which of its fields hold what the server, the widgets and the console
 * read (the language asked for, the urgency, the proposed times, a report's
 * session and outcome…), with what its option values stand for in Ponte's
 * own words (vocabulary.ts): 'presenza' → 'in_person', 'donna' → 'F',
 * 'svolto' → 'held'.
 *
 * Declared beside the definitions rather than inside them: a released
 * definition never changes (released.ts), and nothing here is validated or
 * shown to whoever fills the form. Stored data is read with the meaning of
 * the version it was sent with; a new version adds its own entry, even when
 * it is the same as the previous one. test/meaning.test.ts checks every entry
 * against its definition: each role names a field of the right kind and each
 * value an option of that field.
 */

export type FormKind = 'request' | 'report' | 'questionnaire';

/** A choice field and what some of its option values mean; an option left out means nothing to Ponte ('indifferente'). */
export interface ValueRole<T extends string> {
  field: string;
  values: Readonly<Record<string, T>>;
}

/**
 * The fields describing the people a form is about, for FAMI monitoring.
 * With `group` the other keys are fields of each item of that group; without
 * it they are top-level fields about one person.
 */
export interface BeneficiaryRoles {
  group?: string;
  /** the pseudonymous code the organisation uses for the person: the same code is the same person */
  code?: string;
  sex?: ValueRole<Gender>;
  ageBand?: string;
  birthYear?: string;
  /** a country field, one citizenship or several */
  citizenship?: string;
  /** whether the citizenship is known; without it, a 'XX' citizenship means stateless or unknown, which cannot be counted */
  citizenshipStatus?: ValueRole<CitizenshipStatus>;
}

/** Fields some requests and the questionnaire share with the organisation sending them. */
interface OrganisationRoles {
  /** the school's ministry code (codice meccanografico), prefilled from the organisation */
  schoolCode?: string;
  /** the site (plesso) of the organisation, offered from its list of sites */
  site?: string;
}

export interface RequestMeaning extends OrganisationRoles {
  kind: 'request';
  /** the AZIONE whose hours the request's appointments count against */
  action: PlanAction;
  /** the language asked for: a language field, whose value also carries the variety */
  language: string;
  /** other languages the people speak, which widen the choice of mediators */
  otherLanguages?: string;
  urgency?: ValueRole<RequestUrgency>;
  /** the requested gender of the mediator */
  mediatorGender?: ValueRole<Gender>;
  /** how the meeting is held; without it, in person */
  mode?: ValueRole<AppointmentMode>;
  place?: string;
  /** the length of each session, in minutes */
  duration?: string;
  /** how many sessions are asked for; without it, one */
  sessions?: string;
  /** the times proposed by the requester (a timeSlots field) */
  proposedSlots?: string;
  caseCode?: string;
  /** the name of a mediator who worked with the same people before */
  previousMediator?: string;
  /** what the request is for, in the requester's words */
  need?: string;
  beneficiaries: readonly BeneficiaryRoles[];
}

/** What a report says happened to its session: held, not held, or called off. */
export type SessionOutcome = 'held' | 'not_held' | 'cancelled';

export interface ReportMeaning {
  kind: 'report';
  /** the session's date and start and end times: the server holds the date to the appointment's */
  session: { date: string; start: string; end: string };
  status: ValueRole<SessionOutcome>;
  /** why a session was not held: the reason field, its value for "called off by the mediator", and the notice given in hours */
  notHeld: { reason: string; byMediator: string; noticeHours: string };
  /** the language the session was held in */
  language: string;
  mode: ValueRole<AppointmentMode>;
  /** what was done, and its outcome, in the mediator's words */
  description: string;
  outcomeNotes: string;
  beneficiaries: readonly BeneficiaryRoles[];
  /**
   * The counts of people present by role (integer fields): the family's
   * members (a family is reached when any is there), teachers, and other
   * workers (operators).
   */
  participants: { family: readonly string[]; teachers?: string; operators: string };
  /** the referent's rating of the session (a likert field), given with the countersignature */
  rating: string;
}

export interface QuestionnaireMeaning extends OrganisationRoles {
  kind: 'questionnaire';
  /** the field naming the school year an answer is for: one answer per organisation and school year, a later one corrects it */
  schoolYear: string;
  /** the hours of mediation the school had that year, prefilled from Ponte's records (organisations.hoursUsed) */
  mediationHours?: string;
}

export type FormMeaning = RequestMeaning | ReportMeaning | QuestionnaireMeaning;

// The released forms' shared choice lists (forms/shared-options.ts), in Ponte's words.
const MODE: Readonly<Record<string, AppointmentMode>> = { presenza: 'in_person', telefono: 'phone', video: 'video' };
const URGENCY: Readonly<Record<string, RequestUrgency>> = { ordinaria: 'ordinaria', urgente: 'urgente' };
const GENDER_PREFERENCE: Readonly<Record<string, Gender>> = { donna: 'F', uomo: 'M' };
const SEX: Readonly<Record<string, Gender>> = { femmina: 'F', maschio: 'M', altro: 'X' };

/** A.4's place of the session: at the service or at home is in person */
const serviceVenue: ValueRole<AppointmentMode> = { field: 'venue', values: { 'sede-servizio': 'in_person', domicilio: 'in_person', telefono: 'phone', video: 'video' } };
const urgency: ValueRole<RequestUrgency> = { field: 'urgency', values: URGENCY };
const mediatorGender: ValueRole<Gender> = { field: 'mediatorGender', values: GENDER_PREFERENCE };
/** the FAMI rows of A.3 and of both reports: one item per person */
const beneficiaryRows: BeneficiaryRoles = { group: 'beneficiaries', sex: { field: 'sex', values: SEX }, ageBand: 'ageBand', citizenship: 'citizenship' };

/** the rows of both reports from version 2 (forms/report-fields.ts beneficiaryRowsField) */
const beneficiaryRowsV2: BeneficiaryRoles = {
  group: 'beneficiaries',
  code: 'code',
  sex: { field: 'sex', values: SEX },
  ageBand: 'ageBand',
  citizenship: 'citizenships',
  citizenshipStatus: { field: 'citizenshipStatus', values: { nota: 'known', apolide: 'stateless', sconosciuta: 'unknown' } },
};

/** A.2 and A.4 share their session, status and outcome fields (forms/report-fields.ts). */
const reportFields = {
  kind: 'report',
  session: { date: 'sessionDate', start: 'startTime', end: 'endTime' },
  status: { field: 'status', values: { svolto: 'held', 'non-svolto': 'not_held', annullato: 'cancelled' } },
  notHeld: { reason: 'notHeldReason', byMediator: 'disdetta-mediatore', noticeHours: 'noticeHours' },
  language: 'languageUsed',
  description: 'description',
  outcomeNotes: 'outcome',
  beneficiaries: [beneficiaryRows],
} as const;

/** A.2's people present and rating: pupils and parents are the family; "other staff" are workers */
const schoolReportPeople = {
  participants: { family: ['participantsPupils', 'participantsParents'], teachers: 'participantsTeachers', operators: 'participantsOthers' },
  rating: 'referentRating',
} as const;

/** A.4's: adult clients and children are the family; "others" are not counted as workers */
const serviceReportPeople = {
  participants: { family: ['participantsAdults', 'participantsMinors'], operators: 'participantsOperators' },
  rating: 'serviceRating',
} as const;

/** A.1 and A.3 ask for a mediator with the same fields (test/meaning.test.ts holds each role to both definitions). */
const mediationRequestFields = {
  kind: 'request',
  language: 'language',
  otherLanguages: 'otherLanguages',
  urgency,
  mediatorGender,
  mode: { field: 'mode', values: MODE },
  place: 'place',
  duration: 'expectedDuration',
  proposedSlots: 'proposedSlots',
} as const;

const MEANINGS: Readonly<Record<string, FormMeaning>> = {
  'school-request@1': {
    ...mediationRequestFields,
    action: '1',
    schoolCode: 'mechanographicCode',
    site: 'site',
    sessions: 'sessions',
    previousMediator: 'previousMediator',
    need: 'need',
    beneficiaries: [{ sex: { field: 'pupilSex', values: SEX }, birthYear: 'pupilBirthYear', citizenship: 'pupilCitizenship' }],
  },
  'school-report@1': { ...reportFields, ...schoolReportPeople, mode: { field: 'mode', values: MODE } },
  'service-request@1': {
    ...mediationRequestFields,
    action: '2',
    caseCode: 'caseCode',
    need: 'purpose',
    beneficiaries: [beneficiaryRows],
  },
  'service-report@1': {
    ...reportFields,
    ...serviceReportPeople,
    mode: serviceVenue,
  },
  // The family's language is asked only when the family takes part: advice to a worker needs no mediator.
  // AZIONE 2, access to services, names the ethnoclinical consultation besides the services' mediation.
  'ethnoclinical-request@1': {
    kind: 'request',
    action: '2',
    language: 'consultationLanguage',
    urgency,
    mediatorGender,
    caseCode: 'caseCode',
    need: 'reasonDetails',
    beneficiaries: [{ sex: { field: 'childSex', values: SEX }, ageBand: 'childAgeBand' }],
  },
  'school-questionnaire@1': { kind: 'questionnaire', schoolCode: 'mechanographicCode', schoolYear: 'schoolYear', mediationHours: 'mediationHours' },
  'school-report@2': { ...reportFields, ...schoolReportPeople, mode: { field: 'mode', values: MODE }, beneficiaries: [beneficiaryRowsV2] },
  'service-report@2': {
    ...reportFields,
    ...serviceReportPeople,
    mode: serviceVenue,
    beneficiaries: [beneficiaryRowsV2],
  },
};

/** The meaning of a form version; of its newest version when `version` is omitted; undefined for an unknown one. */
export function formMeaning(formId: string, version?: number): FormMeaning | undefined {
  if (version === undefined) {
    const versions = Object.keys(MEANINGS).flatMap((ref) => (ref.startsWith(`${formId}@`) ? [Number(ref.slice(formId.length + 1))] : []));
    if (versions.length === 0) return undefined;
    version = Math.max(...versions);
  }
  const ref = `${formId}@${version}`;
  return Object.hasOwn(MEANINGS, ref) ? MEANINGS[ref] : undefined;
}

/** The forms among `formIds` that are of `kind`, in their order: a form keeps its kind in every version (test/meaning.test.ts). */
export function formsOfKind(formIds: readonly string[], kind: FormKind): string[] {
  return formIds.filter((id) => formMeaning(id)?.kind === kind);
}

/**
 * What the value of a role's field stands for in `data`; undefined when the
 * role is absent, the field empty or its value one the role leaves out.
 * Data stored under any version is read forever: a value of an unexpected
 * shape counts as absent.
 */
export function roleValue<T extends string>(role: ValueRole<T> | undefined, data: Readonly<Record<string, unknown>>): T | undefined {
  const value = role ? data[role.field] : undefined;
  return typeof value === 'string' && Object.hasOwn(role!.values, value) ? role!.values[value] : undefined;
}
