export type { Locale, LocalizedText } from './locale.js';
export { LOCALES, isLocale } from './locale.js';
export type {
  CheckboxField,
  CompareCheck,
  Condition,
  ConditionValue,
  ConsentField,
  CountryField,
  CrossFieldCheck,
  DateField,
  DateTimeField,
  DecimalField,
  DurationField,
  EmailField,
  FieldDefinition,
  FieldErrors,
  FieldKind,
  FieldOption,
  FormDefinition,
  FormId,
  GroupChildField,
  GroupField,
  IntegerField,
  LanguageField,
  LanguageValue,
  LikertField,
  LikertMatrixField,
  LikertRow,
  LikertValue,
  MinFilledCheck,
  MultiselectField,
  OneRowPerCheck,
  OrganisationField,
  PhoneField,
  PrivacyClass,
  RadioField,
  SchoolLevelField,
  SectionDefinition,
  SelectField,
  SignatureField,
  SignatureValue,
  SubmitterKind,
  TextareaField,
  TextField,
  TimeField,
  TimeSlotsField,
  TimeSlotValue,
  ValidationResult,
} from './definition.types.js';
export { FORM_IDS } from './definition.types.js';
export type { MessageKey } from './messages.js';
export { interpolate, message } from './messages.js';
export type { SchoolLevel } from './school-levels.js';
export { SCHOOL_LEVELS, schoolLevelLabel } from './school-levels.js';
export { COUNTRY_CODES, STATELESS, countryName, isCountryCode, isEuMember, isThirdCountry } from './countries.js';
export type { LanguageEntry } from './languages.js';
export { LANGUAGES, isLanguageCode, languageName } from './languages.js';
export { evaluateCondition, isFieldVisible, isSectionVisible, visibleFields } from './conditions.js';
export type { FormSchema } from './compile-form.js';
export { compileForm, thirdCountryKey, withoutDerivedFields } from './compile-form.js';
export { fieldOptions } from './field-options.js';
export { DEFAULT_LIKERT_POINTS, hasIllFormedText, isIsoDate, isIsoDateTime, isIsoTime, isPhoneNumber } from './field-values.js';
export { FORM_ERROR_PATH, translateIssues } from './translate-issues.js';
export type { TranslatableIssue } from './translate-issues.js';
export { fieldLabelFor, validateSubmission } from './validate-submission.js';
export { getForm, listFormVersions, listForms } from './form-registry.js';
export { MEDIATOR_SIGNATURE, countersignSection, mediatorReportForm } from './report-parts.js';
export { checkDefinition } from './check-definition.js';
export { fingerprintForm } from './fingerprint.js';
export { RELEASED_FINGERPRINTS } from './released.js';
export { SAMPLE_SUBMISSIONS } from './samples.js';
export { deepFreeze } from './define-form.js';
export type { AppointmentMode, AppointmentStatus, CitizenshipStatus, FamiStatus, Gender, PlanAction, RequestStatus, RequestUrgency } from './vocabulary.js';
export {
  APPOINTMENT_MODES,
  APPOINTMENT_MODE_LABELS,
  APPOINTMENT_STATUSES,
  APPOINTMENT_STATUS_LABELS,
  CITIZENSHIP_STATUSES,
  FAMI_STATUSES,
  FAMI_STATUS_LABELS,
  GENDERS,
  PLAN_ACTIONS,
  PLAN_ACTION_LABELS,
  REQUEST_STATUSES,
  REQUEST_STATUS_LABELS,
  REQUEST_URGENCIES,
  REQUEST_URGENCY_LABELS,
} from './vocabulary.js';
export type { Party, RequestAction, Transition } from './request-lifecycle.js';
export { BOOKABLE_REQUEST_STATUSES, REQUEST_ACTION_TARGETS, REQUEST_TRANSITIONS, requestActionsFrom } from './request-lifecycle.js';
export type { BeneficiaryRoles, FormKind, FormMeaning, QuestionnaireMeaning, ReportMeaning, RequestMeaning, SessionOutcome, ValueRole } from './meaning.js';
export { formMeaning, formsOfKind, roleValue } from './meaning.js';
export type { Beneficiary } from './beneficiaries.js';
export { beneficiariesOf, countsForFami } from './beneficiaries.js';
/** the FAMI age bands and their labels, as the forms offer them */
export { AGE_BANDS } from './forms/shared-options.js';
