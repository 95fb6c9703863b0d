import { option, t } from '../define-form.js';
import type { FieldOption } from '../definition.types.js';
import type { LocalizedText } from '../locale.js';

/*
 * Choice lists shared by several forms (the paper annexes' own lists). Values are stable
 * Italian slugs: they are stored in submissions and grouped in indicators,
 * so a released value never changes; labels may be improved in a new version.
 */

/** Tipologia di intervento – scuole (annex A.1) */
export const SCHOOL_INTERVENTION_TYPES: readonly FieldOption[] = [
  option('iscrizione', 'Iscrizione', 'Enrolment'),
  option('prima-accoglienza-nai', 'Prima accoglienza alunno neo-arrivato (NAI)', 'First reception of a newly arrived pupil'),
  option('colloquio-conoscitivo', 'Colloquio conoscitivo iniziale con la famiglia', 'First meeting with the family'),
  option('colloquio-scuola-famiglia', 'Colloquio ordinario scuola-famiglia', 'Ordinary parent-teacher meeting'),
  option('consegna-schede', 'Consegna delle schede di valutazione', 'Handing over school reports'),
  option('riunione-pdp-pei', 'Riunione PDP/PEI', 'Individual learning plan meeting (PDP/PEI)'),
  option(
    'orientamento',
    'Orientamento (classe terza sec. I grado, passaggio al II grado)',
    'Guidance (last year of lower secondary, move to upper secondary)',
  ),
  option('valutazione-lingua-madre', 'Valutazione delle competenze in lingua madre', 'Assessment of mother-tongue skills'),
  option('assemblea-genitori', 'Assemblea o incontro di classe con i genitori', 'Class meeting with parents'),
  option('facilitazione-l2', 'Facilitazione linguistica o laboratorio di italiano L2', 'Language support or Italian L2 workshop'),
  option('laboratorio-interculturale', 'Laboratorio interculturale', 'Intercultural workshop'),
  option('situazione-critica', 'Gestione di una situazione di particolare criticità', 'Handling a critical situation'),
  option('traduzione', 'Traduzione di avvisi o documenti', 'Translation of notices or documents'),
  option('strumenti-digitali', 'Supporto all’uso degli strumenti digitali della scuola', 'Help with the school’s digital tools'),
  option('altro', 'Altro', 'Other'),
];

/** Tipologia di intervento – servizi (annex A.3) */
export const SERVICE_INTERVENTION_TYPES: readonly FieldOption[] = [
  option('colloquio-programmato', 'Colloquio programmato', 'Scheduled interview'),
  option('colloquio-urgente', 'Colloquio urgente', 'Urgent interview'),
  option('visita-domiciliare', 'Visita domiciliare', 'Home visit'),
  option('accompagnamento', 'Accompagnamento ad altro servizio', 'Accompanying to another service'),
  option('consulenza-operatore', 'Consulenza interculturale all’operatore o all’équipe', 'Intercultural advice to the worker or team'),
  option('colloquio-preparatorio', 'Colloquio preparatorio con l’operatore', 'Preparatory meeting with the worker'),
  option('mediazione-telefonica', 'Mediazione telefonica', 'Telephone mediation'),
  option('traduzione', 'Traduzione di documenti', 'Translation of documents'),
  option('incontro-gruppo', 'Incontro di gruppo', 'Group meeting'),
  option('altro', 'Altro', 'Other'),
];

export const MODES: readonly FieldOption[] = [
  option('presenza', 'In presenza', 'In person'),
  option('telefono', 'Telefonica', 'By phone'),
  option('video', 'Videochiamata', 'Video call'),
];

export const URGENCY: readonly FieldOption[] = [
  option('ordinaria', 'Ordinaria', 'Ordinary'),
  option('urgente', 'Urgente', 'Urgent'),
];

export const GENDER_PREFERENCE: readonly FieldOption[] = [
  option('indifferente', 'Indifferente', 'No preference'),
  option('donna', 'Donna', 'Woman'),
  option('uomo', 'Uomo', 'Man'),
];

export const SEX: readonly FieldOption[] = [
  option('femmina', 'Femmina', 'Female'),
  option('maschio', 'Maschio', 'Male'),
  option('altro', 'Altro o non indicato', 'Other or not stated'),
];

/** the age bands FAMI's reporting breaks beneficiaries down by */
export const AGE_BANDS: readonly FieldOption[] = [
  option('0-5', '0-5 anni', '0-5 years'),
  option('6-10', '6-10 anni', '6-10 years'),
  option('11-13', '11-13 anni', '11-13 years'),
  option('14-17', '14-17 anni', '14-17 years'),
  option('18+', '18 anni e più', '18 years and over'),
];

/**
 * A released version cannot grow its list, so it covers the whole FAMI
 * 2021-2027 programme, whose actions run until 2029.
 */
export const SCHOOL_YEARS: readonly FieldOption[] = ['2024/25', '2025/26', '2026/27', '2027/28', '2028/29', '2029/30'].map(
  (year) => option(year, year, year),
);

export const REPORT_STATUS: readonly FieldOption[] = [
  option('svolto', 'Svolto', 'Held'),
  option('non-svolto', 'Non svolto', 'Not held'),
  option('annullato', 'Annullato', 'Cancelled'),
];

export const RATING_LABELS: readonly LocalizedText[] = [
  t('Per niente soddisfatto', 'Not at all satisfied'),
  t('Poco soddisfatto', 'Slightly satisfied'),
  t('Abbastanza soddisfatto', 'Fairly satisfied'),
  t('Soddisfatto', 'Satisfied'),
  t('Molto soddisfatto', 'Very satisfied'),
];

/** codice meccanografico: two letters of the province, then eight letters or digits */
export const MECHANOGRAPHIC_CODE_PATTERN = '[A-Za-z]{2}[A-Za-z0-9]{8}';
