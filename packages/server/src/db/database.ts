import type { AppointmentMode, AppointmentStatus, FamiStatus, Gender, PlanAction } from '@ponte/forms';
import type { ColumnType, Kysely, Transaction } from 'kysely';

/**
 * The tables as Kysely sees them. Columns are snake_case; repositories map
 * rows to camelCase domain objects. Timestamps are written as ISO strings and
 * come back as `Date` from PostgreSQL and as strings from SQLite: read them
 * through `toIso()`. JSON columns come back parsed from PostgreSQL (jsonb) and
 * as text from SQLite: read them through `fromJson()`.
 */
type Timestamp = ColumnType<Date | string, string, string>;
type Json = ColumnType<unknown, string, string>;
/** PostgreSQL's bigint and count() come back as strings. */
type Int = ColumnType<number | string, number, number>;

export interface TenantTable {
  id: string;
  slug: string;
  name: string;
  time_zone: string;
  created_at: Timestamp;
}

export interface OrganisationTable {
  id: string;
  tenant_id: string;
  kind: 'school' | 'service';
  name: string;
  /** Codice meccanografico of a school (10 characters), null for services. */
  mechanographic_code: string | null;
  /** For services: servizio sociale di base, tutela minori, consultorio… */
  service_type: string | null;
  created_at: Timestamp;
}

export interface OrganisationSiteTable {
  id: string;
  tenant_id: string;
  organisation_id: string;
  name: string;
  mechanographic_code: string | null;
}

export interface UserTable {
  id: string;
  tenant_id: string;
  organisation_id: string | null;
  email: string;
  display_name: string;
  role: 'admin' | 'coordinator' | 'mediator' | 'requester' | 'clinician';
  password_hash: string;
  disabled_at: Timestamp | null;
  created_at: Timestamp;
}

export interface SessionTable {
  id: string;
  tenant_id: string;
  user_id: string;
  token_hash: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
}

export interface PublishableKeyTable {
  id: string;
  tenant_id: string;
  organisation_id: string;
  key: string;
  label: string;
  created_at: Timestamp;
  revoked_at: Timestamp | null;
}

export interface PublishableKeyOriginTable {
  key_id: string;
  /** Normalised origin: scheme://host[:port], no trailing slash. */
  origin: string;
}

export interface MediatorTable {
  id: string;
  tenant_id: string;
  user_id: string | null;
  display_name: string;
  gender: 'F' | 'M' | 'X' | null;
  /** Areas served (comuni, zones): a JSON array of strings; '[]' when not given. */
  areas: ColumnType<unknown, string | undefined, string>;
  disabled_at: Timestamp | null;
  created_at: Timestamp;
}

export interface MediatorLanguageTable {
  mediator_id: string;
  tenant_id: string;
  /** ISO 639-3. */
  language_code: string;
  /** Darija, Sylheti, Wenzhounese… or '' when the standard language. */
  variety: string;
  /** CEFR-like level: A2…C2, or 'native'. */
  level: string;
}

export interface SubmissionTable {
  id: string;
  tenant_id: string;
  organisation_id: string;
  form_id: string;
  form_version: number;
  /** 'YYYY/NNNNNN', numbered per tenant per year. */
  protocol: string;
  protocol_year: number;
  protocol_seq: number;
  tracking_code: string;
  status: string;
  data: Json;
  submitted_via: 'key' | 'staff';
  submitted_by_user_id: string | null;
  publishable_key_id: string | null;
  idempotency_key: string | null;
  /** Fingerprint of the request a retry must match to get the same receipt. */
  request_hash: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** Hours the reviewer authorised, in minutes (migration 0003); null until approved. */
  authorised_minutes: ColumnType<number | null, number | null | undefined, number | null>;
  /** An A.1/A.3's language code and urgency, for the queue; null for A.5 and non-requests. */
  queue_language: ColumnType<string | null, string | null | undefined, string | null>;
  queue_urgency: ColumnType<string | null, string | null | undefined, string | null>;
  /**
   * The period a form answered once per organisation and period is for (the
   * questionnaire: its school year, '2025/26'); null for every other form
   * (migration 0009). One row per tenant, organisation, form and period.
   */
  answers_for: ColumnType<string | null, string | null | undefined, string | null>;
}

/** An answer a later one replaced (the questionnaire's corrections, migration 0009): what it said, and who sent it when. */
export interface SubmissionRevisionTable {
  id: string;
  tenant_id: string;
  submission_id: string;
  /** 1 for the first answer, 2 for the first correction's predecessor… in the order they were replaced */
  revision: number;
  form_version: number;
  data: Json;
  request_hash: string;
  submitted_via: 'key' | 'staff';
  submitted_by_user_id: string | null;
  publishable_key_id: string | null;
  /** when this answer was sent */
  submitted_at: Timestamp;
  /** when a later answer replaced it */
  replaced_at: Timestamp;
}

export interface RequestStatusChangeTable {
  id: string;
  tenant_id: string;
  submission_id: string;
  seq: number;
  from_status: string;
  to_status: string;
  at: Timestamp;
  actor_kind: 'user' | 'key' | 'system';
  actor_id: string | null;
  reason: string | null;
}

export interface ReportTable {
  id: string;
  tenant_id: string;
  appointment_id: string;
  submission_id: string | null;
  organisation_id: string;
  mediator_id: string;
  form_id: string;
  form_version: number;
  data: Json;
  outcome: 'held' | 'not_held';
  delivered_minutes: number;
  counted_minutes: number;
  status: 'filed' | 'countersigned';
  revision: number;
  filed_by_user_id: string;
  filed_at: Timestamp;
  updated_at: Timestamp;
  countersigned_at: Timestamp | null;
  countersigned_by_user_id: string | null;
  /** who was present at a held session, by role, and the referent's rating (migration 0012, reports/report-presence.ts) */
  family_present: ColumnType<number, number | undefined, number>;
  teachers_present: ColumnType<number, number | undefined, number>;
  operators_present: ColumnType<number, number | undefined, number>;
  rating: ColumnType<number | null, number | null | undefined, number | null>;
}

/**
 * One beneficiary row of a held session's report, as its form version reads
 * it (migration 0010, reports/report-beneficiaries.ts): what the indicators
 * count unique third-country beneficiaries from.
 */
export interface ReportBeneficiaryTable {
  report_id: string;
  /** the row's place in the report's list */
  position: number;
  tenant_id: string;
  organisation_id: string;
  /** the session's start, its appointment's */
  session_at: Timestamp;
  /** the person: the organisation and its pseudonymous code, or, for a report without codes (version 1), the row itself */
  person_key: string;
  sex: Gender | null;
  age_band: string | null;
  /** the first citizenship recorded; null when stateless or unknown */
  citizenship: string | null;
  /** every citizenship recorded, space-separated, in the order given */
  citizenships: string;
  fami_status: FamiStatus;
}

export interface ProtocolCounterTable {
  tenant_id: string;
  year: number;
  last_seq: Int;
}

export interface AuditEventTable {
  id: string;
  tenant_id: string | null;
  at: Timestamp;
  actor_kind: 'user' | 'key' | 'system' | 'anonymous';
  actor_id: string | null;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  details: Json;
}

/** One state change, written in its transaction (events/emit.ts). */
export interface DomainEventTable {
  id: string;
  tenant_id: string;
  occurred_at: Timestamp;
  type: string;
  actor_kind: 'user' | 'key' | 'system' | 'anonymous';
  actor_id: string | null;
  payload: Json;
}

export interface TenantSettingsTable {
  tenant_id: string;
  travel_buffer_minutes: number;
  cancellation_notice_hours: number;
  minimum_billable_minutes: number;
  slot_step_minutes: number;
  updated_at: Timestamp;
}

export interface AvailabilityRuleTable {
  id: string;
  tenant_id: string;
  mediator_id: string;
  /** ISO weekday, 1 Monday … 7 Sunday. */
  weekday: number;
  /** Local wall-clock 'HH:MM' in the tenant's zone. */
  start_time: string;
  end_time: string;
  /** Local dates 'YYYY-MM-DD', inclusive; null: open-ended. */
  valid_from: string | null;
  valid_to: string | null;
  created_at: Timestamp;
}

export interface AvailabilityExceptionTable {
  id: string;
  tenant_id: string;
  mediator_id: string;
  /** Local date 'YYYY-MM-DD'. */
  date: string;
  kind: 'unavailable' | 'available';
  /** Local 'HH:MM'; both null: the whole day. */
  start_time: string | null;
  end_time: string | null;
  note: string;
  created_at: Timestamp;
}

export interface AppointmentSeriesTable {
  id: string;
  tenant_id: string;
  mediator_id: string;
  organisation_id: string;
  created_at: Timestamp;
}

// Ponte's words for these columns, shared with the widgets and the console (@ponte/forms vocabulary.ts).
export type { AppointmentMode, AppointmentStatus, PlanAction } from '@ponte/forms';

export interface AppointmentTable {
  id: string;
  tenant_id: string;
  /** null: a consultation (A.5) the clinicians hold without a mediator (migration 0005). */
  mediator_id: string | null;
  organisation_id: string;
  submission_id: string | null;
  series_id: string | null;
  action: PlanAction;
  /** 'YYYY/YY' */
  school_year: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  /** ends_at plus the travel buffer for in-person appointments (see migration 0002). */
  buffer_until: Timestamp;
  mode: AppointmentMode;
  place: string;
  place_key: string;
  case_code: string;
  status: AppointmentStatus;
  sequence: number;
  billed_minutes: number;
  cancelled_at: Timestamp | null;
  cancellation: 'in_time' | 'late' | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** on a booking's first appointment only: the caller's idempotency key and a fingerprint of the request (migration 0004) */
  idempotency_key: string | null;
  request_hash: string | null;
}

export interface HourBudgetTable {
  id: string;
  tenant_id: string;
  organisation_id: string;
  action: PlanAction;
  school_year: string;
  minutes_granted: number;
  updated_at: Timestamp;
}

export interface IcalFeedTable {
  id: string;
  tenant_id: string;
  owner_kind: 'mediator' | 'organisation';
  owner_id: string;
  token_hash: string;
  created_at: Timestamp;
  revoked_at: Timestamp | null;
}

/**
 * How many writes the appointments of a mediator or an organisation have
 * seen (migration 0007): what its calendar feed's version names. No row: none yet.
 */
export interface ScheduleVersionTable {
  tenant_id: string;
  owner_kind: 'mediator' | 'organisation';
  owner_id: string;
  writes: number;
}

/**
 * One row (id 1): how many writes the tables a publishable key's read reads
 * have seen, counted by triggers (migration 0008); see auth/key-reads.ts.
 */
export interface CredentialChangesTable {
  id: number;
  count: number;
}

/**
 * The narrative of the fund's quarterly monitoring sheet, one per tenant,
 * year and quarter (migration 0011, indicators/narrative.repository.ts).
 */
export interface QuarterlyNarrativeTable {
  id: string;
  tenant_id: string;
  year: number;
  /** 1 to 4: January–March … October–December */
  quarter: number;
  activities: string;
  strengths: string;
  deviations: string;
  problems: string;
  networks: string;
  /** 1 when first written, one more at every save */
  revision: number;
  created_at: Timestamp;
  updated_at: Timestamp;
  updated_by_user_id: string;
}

export interface Database {
  tenants: TenantTable;
  organisations: OrganisationTable;
  organisation_sites: OrganisationSiteTable;
  users: UserTable;
  sessions: SessionTable;
  publishable_keys: PublishableKeyTable;
  publishable_key_origins: PublishableKeyOriginTable;
  mediators: MediatorTable;
  mediator_languages: MediatorLanguageTable;
  submissions: SubmissionTable;
  submission_revisions: SubmissionRevisionTable;
  protocol_counters: ProtocolCounterTable;
  audit_events: AuditEventTable;
  domain_events: DomainEventTable;
  tenant_settings: TenantSettingsTable;
  availability_rules: AvailabilityRuleTable;
  availability_exceptions: AvailabilityExceptionTable;
  appointment_series: AppointmentSeriesTable;
  appointments: AppointmentTable;
  hour_budgets: HourBudgetTable;
  ical_feeds: IcalFeedTable;
  schedule_versions: ScheduleVersionTable;
  credential_changes: CredentialChangesTable;
  request_status_changes: RequestStatusChangeTable;
  reports: ReportTable;
  report_beneficiaries: ReportBeneficiaryTable;
  quarterly_narratives: QuarterlyNarrativeTable;
}

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** A repository function takes either the database or an open transaction. */
export type DbOrTx = Db | Tx;
