import type { LocalizedText } from './locale.js';
import type { MessageKey } from './messages.js';
import type { SchoolLevel } from './school-levels.js';

/**
 * How sensitive a field's value is. It drives what the server may log, export,
 * put in iCal feeds and keep after the retention period:
 * `minor` is about a child, `special` is GDPR art. 9 data (health, ethnic
 * origin) or judicial data (art. 10).
 */
export type PrivacyClass = 'public' | 'personal' | 'minor' | 'special';

export type FormId =
  | 'school-request'
  | 'school-report'
  | 'service-request'
  | 'service-report'
  | 'ethnoclinical-request'
  | 'school-questionnaire';

export const FORM_IDS: readonly FormId[] = Object.freeze([
  'school-request',
  'school-report',
  'service-request',
  'service-report',
  'ethnoclinical-request',
  'school-questionnaire',
] as const);

export type ConditionValue = string | number | boolean;

/**
 * When a field or section is shown. A `field` reference resolves first among
 * the sibling fields of the same group item, then among top-level fields.
 * A field that is itself hidden counts as empty.
 */
export type Condition =
  | { field: string; equals: ConditionValue }
  | { field: string; notEquals: ConditionValue }
  | { field: string; in: readonly ConditionValue[] }
  /** a multi-valued field (multiselect, multiple language/country/schoolLevel) contains the value */
  | { field: string; includes: string }
  | { field: string; filled: boolean }
  | { all: readonly Condition[] }
  | { any: readonly Condition[] }
  | { not: Condition };

export interface FieldOption {
  value: string;
  label: LocalizedText;
}

interface FieldBase<K extends string> {
  /** camelCase; unique in the form (or within its group). It is the key in the submitted data. */
  key: string;
  kind: K;
  label: LocalizedText;
  help?: LocalizedText;
  /** required when visible; a hidden field is never required */
  required?: boolean;
  when?: Condition;
  privacy: PrivacyClass;
}

/** Strings are trimmed; an empty or blank string counts as missing. */
export interface TextField extends FieldBase<'text'> {
  maxLength: number;
  minLength?: number;
  /** regular expression source, matched against the whole trimmed value */
  pattern?: string;
  /** HTML autocomplete token (WCAG 1.3.5) for widgets */
  autocomplete?: string;
}

export interface TextareaField extends FieldBase<'textarea'> {
  maxLength: number;
  minLength?: number;
}

export interface EmailField extends FieldBase<'email'> {
  autocomplete?: string;
}

export interface PhoneField extends FieldBase<'phone'> {
  autocomplete?: string;
}

export interface IntegerField extends FieldBase<'integer'> {
  min?: number;
  max?: number;
}

export interface DecimalField extends FieldBase<'decimal'> {
  min?: number;
  max?: number;
  /** rendering hint for the input's step attribute; not validated */
  step?: number;
}

/** whole minutes */
export interface DurationField extends FieldBase<'duration'> {
  min?: number;
  max?: number;
}

/** 'YYYY-MM-DD' */
export interface DateField extends FieldBase<'date'> {
  min?: string;
  max?: string;
}

/** 'HH:MM' */
export interface TimeField extends FieldBase<'time'> {
  min?: string;
  max?: string;
}

/** 'YYYY-MM-DDTHH:MM', local wall-clock time of the tenant's zone */
export interface DateTimeField extends FieldBase<'datetime'> {
  min?: string;
  max?: string;
}

export interface SelectField extends FieldBase<'select'> {
  options: readonly FieldOption[];
}

export interface RadioField extends FieldBase<'radio'> {
  options: readonly FieldOption[];
}

export interface MultiselectField extends FieldBase<'multiselect'> {
  options: readonly FieldOption[];
  minSelected?: number;
  maxSelected?: number;
}

/**
 * A yes/no answer. When `required`, an answer must be given, `false`
 * included: widgets render a required checkbox as a yes/no choice so that
 * "no" is an answer rather than an untouched box.
 */
export interface CheckboxField extends FieldBase<'checkbox'> {}

/** when required, the value must be literally `true` */
export interface ConsentField extends FieldBase<'consent'> {}

/** value `{ code, variety? }`: an ISO 639-3 code and a free dialect note */
export interface LanguageField extends FieldBase<'language'> {
  multiple?: boolean;
  /** only with `multiple`; default 20 */
  maxSelected?: number;
}

/**
 * ISO 3166-1 alpha-2 or 'XX' (stateless/unknown). A single-valued country
 * field gets a derived `<key>ThirdCountry: boolean` in the validated output.
 */
export interface CountryField extends FieldBase<'country'> {
  multiple?: boolean;
  /**
   * Countries only, without 'XX': for a form that asks apart whether the
   * citizenship is known or the person stateless (the reports' beneficiary
   * rows from version 2), where one code for both cannot be counted.
   */
  countriesOnly?: boolean;
  /** only with `multiple`; default 20 */
  maxSelected?: number;
}

export interface SchoolLevelField extends FieldBase<'schoolLevel'> {
  multiple?: boolean;
  /** restricts the choice; all levels when omitted */
  levels?: readonly SchoolLevel[];
  minSelected?: number;
  maxSelected?: number;
}

export interface LikertField extends FieldBase<'likert'> {
  /** default 5 */
  points?: number;
  /** one label per point, lowest first */
  pointLabels?: readonly LocalizedText[];
  /** accepts the string 'dontKnow' */
  allowDontKnow?: boolean;
}

export interface LikertRow {
  key: string;
  label: LocalizedText;
}

/** value `Record<rowKey, 1..points | 'dontKnow'>`; when required every row must be answered */
export interface LikertMatrixField extends FieldBase<'likertMatrix'> {
  rows: readonly LikertRow[];
  points?: number;
  pointLabels?: readonly LocalizedText[];
  allowDontKnow?: boolean;
}

/** a repeatable block: value is an array of objects keyed by the child fields' keys */
export interface GroupField extends FieldBase<'group'> {
  fields: readonly GroupChildField[];
  minItems?: number;
  maxItems: number;
  /** heading of one item, numbered by the renderer: «Beneficiario n. 2» */
  itemLabel: LocalizedText;
}

/** value: array of `{ date: 'YYYY-MM-DD', from: 'HH:MM', to: 'HH:MM' }` with to > from */
export interface TimeSlotsField extends FieldBase<'timeSlots'> {
  minItems?: number;
  maxItems: number;
}

/** the id of an organisation of the tenant; the server checks that it exists */
export interface OrganisationField extends FieldBase<'organisation'> {
  organisationKind?: 'school' | 'service';
}

/**
 * value `{ name, confirmed: true }`: an authenticated confirmation, not a
 * drawing; the server stamps who signed and when.
 */
export interface SignatureField extends FieldBase<'signature'> {
  /** what the signer declares by confirming */
  statement?: LocalizedText;
}

export type FieldDefinition =
  | TextField
  | TextareaField
  | EmailField
  | PhoneField
  | IntegerField
  | DecimalField
  | DurationField
  | DateField
  | TimeField
  | DateTimeField
  | SelectField
  | RadioField
  | MultiselectField
  | CheckboxField
  | ConsentField
  | LanguageField
  | CountryField
  | SchoolLevelField
  | LikertField
  | LikertMatrixField
  | GroupField
  | TimeSlotsField
  | OrganisationField
  | SignatureField;

export type FieldKind = FieldDefinition['kind'];

/** groups do not nest */
export type GroupChildField = Exclude<FieldDefinition, GroupField>;

/**
 * A cross-field rule. Each may carry its own message (`message`, or a
 * catalogue `messageKey`); otherwise a default message for its kind is used.
 */
export type CrossFieldCheck = CompareCheck | OneRowPerCheck | MinFilledCheck;

interface CheckBase {
  message?: LocalizedText;
  messageKey?: MessageKey;
}

/**
 * `field` <op> `than`, for numbers or for values of the same temporal kind
 * (date, time, datetime compare as strings). With `group`, both keys resolve
 * inside each item of that group (`than` may also name a top-level field).
 * Skipped when either side is empty or hidden. The error sits on `field`.
 */
export interface CompareCheck extends CheckBase {
  kind: 'lt' | 'lte' | 'gt' | 'gte';
  field: string;
  than: string;
  group?: string;
}

/** `group` holds exactly one item per value chosen in the multi-valued `source`, identified by the item's `field` */
export interface OneRowPerCheck extends CheckBase {
  kind: 'oneRowPer';
  group: string;
  field: string;
  source: string;
}

/** at least `min` of the top-level `fields` are filled; the error sits on the first of them */
export interface MinFilledCheck extends CheckBase {
  kind: 'minFilled';
  fields: readonly string[];
  min: number;
}

export interface SectionDefinition {
  key: string;
  title: LocalizedText;
  description?: LocalizedText;
  when?: Condition;
  fields: readonly FieldDefinition[];
}

export type SubmitterKind = 'school' | 'service';

export interface FormDefinition {
  id: FormId;
  version: number;
  /** the annex of the plan: 'A.1' … 'A.5', or 'Q' for the questionnaire */
  annex: string;
  title: LocalizedText;
  description: LocalizedText;
  /** which kinds of organisation may submit it */
  submitterKinds: readonly SubmitterKind[];
  /**
   * 'requester' forms come from public widgets (publishable key) or requester
   * staff; 'mediator' forms (the A.2 and A.4 reports) only from signed-in mediators
   */
  filledBy: 'requester' | 'mediator';
  /** true for A.5: special-category data (GDPR art. 9); the server restricts reads */
  specialCategory: boolean;
  sections: readonly SectionDefinition[];
  checks?: readonly CrossFieldCheck[];
}

/** field path → localized message naming the field; '' is the whole submission */
export type FieldErrors = Record<string, string>;

export type ValidationResult =
  | { ok: true; data: Record<string, unknown> }
  | { ok: false; fieldErrors: FieldErrors };

export interface LanguageValue {
  code: string;
  variety?: string;
}

export interface TimeSlotValue {
  date: string;
  from: string;
  to: string;
}

export interface SignatureValue {
  name: string;
  confirmed: true;
}

export type LikertValue = number | 'dontKnow';
