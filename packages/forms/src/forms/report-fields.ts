import { option, t } from '../define-form.js';
import type { FieldDefinition, FieldOption, FormDefinition, GroupField } from '../definition.types.js';
import { AGE_BANDS, REPORT_STATUS, SEX } from './shared-options.js';

/*
 * Fields the two reports (A.2 schools, A.4 services) share: the status of
 * the session, the FAMI beneficiaries, the outcome. Each report places them
 * in its own sections.
 */

export const HELD = { field: 'status', equals: 'svolto' } as const;
export const NOT_HELD = { field: 'status', in: ['non-svolto', 'annullato'] } as const;

export function sessionFields(notHeldReasons: readonly FieldOption[]): FieldDefinition[] {
  return [
    {
      key: 'sessionDate',
      kind: 'date',
      label: t('Data dell’intervento', 'Date of the session'),
      required: true,
      privacy: 'public',
    },
    {
      key: 'startTime',
      kind: 'time',
      label: t('Ora di inizio', 'Start time'),
      required: true,
      privacy: 'public',
    },
    {
      key: 'endTime',
      kind: 'time',
      label: t('Ora di fine', 'End time'),
      help: t('Le ore effettuate sono calcolate da inizio e fine.', 'The hours delivered are computed from start and end.'),
      required: true,
      privacy: 'public',
    },
    {
      key: 'status',
      kind: 'radio',
      label: t('Stato', 'Status'),
      required: true,
      privacy: 'public',
      options: REPORT_STATUS,
    },
    {
      key: 'notHeldReason',
      kind: 'select',
      label: t('Motivo del mancato svolgimento', 'Why it was not held'),
      required: true,
      when: NOT_HELD,
      privacy: 'public',
      options: notHeldReasons,
    },
    {
      key: 'notHeldReasonOther',
      kind: 'text',
      label: t('Altro motivo (specificare)', 'Other reason (specify)'),
      maxLength: 200,
      required: true,
      when: { all: [NOT_HELD, { field: 'notHeldReason', equals: 'altro' }] },
      privacy: 'public',
    },
    {
      key: 'noticeHours',
      kind: 'integer',
      label: t('Preavviso dato (ore)', 'Notice given (hours)'),
      help: t(
        'Quante ore prima dell’incontro è arrivata la disdetta: decide se l’incontro si conta secondo le regole dell’Ambito.',
        'How many hours before the session it was called off: the Ambito’s rules use it to decide whether the session counts.',
      ),
      min: 0,
      max: 2000,
      required: true,
      when: NOT_HELD,
      privacy: 'public',
    },
    {
      // Outside the held-only sections: a mediator who travels to a session
      // the family misses may still be owed the journey.
      key: 'prepMinutes',
      kind: 'duration',
      label: t('Tempo di preparazione o spostamento (minuti)', 'Preparation or travel time (minutes)'),
      help: t('Solo se previsto dal contratto dell’Ambito.', 'Only if the Ambito’s contract provides for it.'),
      min: 0,
      max: 480,
      privacy: 'public',
    },
  ];
}

export const beneficiariesField: GroupField = {
  key: 'beneficiaries',
  kind: 'group',
  label: t('Destinatari raggiunti', 'People reached'),
  help: t(
    'Una riga per ogni alunno, genitore o familiare raggiunto, per il monitoraggio FAMI. La condizione di cittadino di Paese terzo (non UE) è ricavata dalla cittadinanza. Nessun nome.',
    'One row for each pupil, parent or relative reached, for FAMI monitoring. Third-country (non-EU) status is derived from citizenship. No names.',
  ),
  itemLabel: t('Destinatario', 'Person'),
  maxItems: 50,
  privacy: 'minor',
  fields: [
    { key: 'sex', kind: 'select', label: t('Sesso', 'Sex'), required: true, privacy: 'minor', options: SEX },
    { key: 'ageBand', kind: 'select', label: t('Fascia d’età', 'Age band'), required: true, privacy: 'minor', options: AGE_BANDS },
    { key: 'citizenship', kind: 'country', label: t('Cittadinanza', 'Citizenship'), required: true, privacy: 'minor' },
  ],
};

/** Whether a beneficiary's citizenship is known (then one or more are recorded), the person stateless, or nobody knows. */
export const CITIZENSHIP_STATUS: readonly FieldOption[] = [
  option('nota', 'Nota', 'Known'),
  option('apolide', 'Apolide', 'Stateless'),
  option('sconosciuta', 'Non nota', 'Unknown'),
];

/**
 * The beneficiary rows of the reports from version 2 (docs/architecture.md#beneficiaries-counted-once):
 * the code the school or service already uses for the person, so that the
 * same pupil across sessions, series and reports is counted once; every
 * citizenship the person holds (an Italian or EU one means the person is not
 * a third-country national, whatever else they hold); and stateless apart
 * from unknown, since the fund counts the first and not the second. The
 * code must hold a digit: a register number or a made-up code, never a
 * name or initials.
 */
export const beneficiaryRowsField: GroupField = {
  ...beneficiariesField,
  help: t(
    'Una riga per ogni alunno, genitore o familiare raggiunto, per il monitoraggio FAMI. Nessun nome: il codice della persona permette di contarla una volta sola anche se partecipa a più incontri.',
    'One row for each pupil, parent or relative reached, for FAMI monitoring. No names: the person’s code lets them be counted once even when they come to several sessions.',
  ),
  fields: [
    {
      key: 'code',
      kind: 'text',
      label: t('Codice della persona', 'Person’s code'),
      help: t(
        'Il codice con cui la scuola o il servizio indica la persona (per esempio il numero nel registro o nella cartella), con almeno una cifra: lo stesso a ogni incontro. Mai nome o iniziali.',
        'The code the school or service uses for the person (for example the register or file number), with at least one digit: the same at every session. Never a name or initials.',
      ),
      maxLength: 20,
      pattern: '(?=[^0-9]*[0-9])[A-Za-z0-9][A-Za-z0-9._/-]*',
      required: true,
      privacy: 'minor',
    },
    ...beneficiariesField.fields.filter((f) => f.key !== 'citizenship'),
    {
      key: 'citizenshipStatus',
      kind: 'radio',
      label: t('Cittadinanza', 'Citizenship'),
      required: true,
      privacy: 'minor',
      options: CITIZENSHIP_STATUS,
    },
    {
      key: 'citizenships',
      kind: 'country',
      multiple: true,
      maxSelected: 3,
      countriesOnly: true,
      label: t('Paesi di cittadinanza', 'Countries of citizenship'),
      help: t('Tutte quelle che la persona ha, compresa quella italiana.', 'Every one the person holds, the Italian one included.'),
      required: true,
      when: { field: 'citizenshipStatus', equals: 'nota' },
      privacy: 'minor',
    },
  ],
};

/** A report form's next version: the same as `def` but for its beneficiary rows, which become `beneficiaryRowsField`. */
export function withBeneficiaryRows(def: FormDefinition, version: number): FormDefinition {
  return {
    ...def,
    version,
    sections: def.sections.map((s) => ({ ...s, fields: s.fields.map((f) => (f.key === beneficiariesField.key ? beneficiaryRowsField : f)) })),
  };
}

export function outcomeFields(privacy: 'minor' | 'personal'): FieldDefinition[] {
  return [
    {
      key: 'description',
      kind: 'textarea',
      label: t('Descrizione dell’attività', 'What was done'),
      maxLength: 4000,
      required: true,
      privacy,
    },
    {
      key: 'outcome',
      kind: 'textarea',
      label: t('Esito e osservazioni', 'Outcome and observations'),
      maxLength: 4000,
      required: true,
      privacy,
    },
    {
      key: 'issues',
      kind: 'textarea',
      label: t('Criticità emerse', 'Issues that arose'),
      maxLength: 4000,
      privacy,
    },
    {
      key: 'followUpNeeded',
      kind: 'checkbox',
      label: t('Serve un seguito o un nuovo intervento', 'A follow-up or a new session is needed'),
      privacy: 'public',
    },
    {
      key: 'followUpDetails',
      kind: 'textarea',
      label: t('Quale seguito', 'What follow-up'),
      maxLength: 2000,
      required: true,
      when: { field: 'followUpNeeded', equals: true },
      privacy,
    },
  ];
}

export const mediatorSignatureField: FieldDefinition = {
  key: 'mediatorSignature',
  kind: 'signature',
  label: t('Firma del mediatore', 'Mediator’s signature'),
  statement: t(
    'Confermo che quanto riportato corrisponde all’attività svolta.',
    'I confirm that this report matches the work done.',
  ),
  required: true,
  privacy: 'personal',
};
