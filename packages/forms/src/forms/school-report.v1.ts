/*
 * A.2 – Scheda report scuole, version 1 (the paper annex A.2): one report per
 * session, filed by the mediator who held it.
 *
 * Server-side, not fields of this definition: the request reference and the
 * appointment it reports on, the mediator's identity (the signed-in user),
 * school, site and class (from the request), the hours delivered (computed
 * from start and end with the Ambito's rounding rule), and who signed when.
 *
 * The referent's countersignature and rating are optional here: the mediator
 * files the report first, and the school referent countersigns it later
 * (reports.countersign, docs/architecture.md#reports-and-countersignature).
 * The server merges the referent's part into the stored
 * data and validates the whole against this same definition; it decides
 * whether an uncountersigned report counts as evidence for payment.
 */
import { defineForm, option, t } from '../define-form.js';
import {
  HELD,
  beneficiariesField,
  mediatorSignatureField,
  outcomeFields,
  sessionFields,
} from './report-fields.js';
import { MODES, RATING_LABELS, SCHOOL_INTERVENTION_TYPES } from './shared-options.js';

export const schoolReportV1 = defineForm({
  id: 'school-report',
  version: 1,
  annex: 'A.2',
  title: t('Scheda report dell’intervento – scuole', 'Session report – schools'),
  description: t(
    'Il mediatore compila una scheda per ogni incontro, svolto o no; il referente della scuola la vista.',
    'The mediator files one report for each session, held or not; the school referent countersigns it.',
  ),
  submitterKinds: ['school'],
  filledBy: 'mediator',
  specialCategory: false,
  sections: [
    {
      key: 'session',
      title: t('Incontro', 'Session'),
      fields: sessionFields([
        option('assenza-famiglia', 'Assenza della famiglia', 'The family did not come'),
        option('disdetta-scuola', 'Disdetta della scuola', 'Called off by the school'),
        option('disdetta-mediatore', 'Disdetta del mediatore', 'Called off by the mediator'),
        option('altro', 'Altro', 'Other'),
      ]),
    },
    {
      key: 'activity',
      title: t('Attività svolta', 'Activity'),
      when: HELD,
      fields: [
        {
          key: 'languageUsed',
          kind: 'language',
          label: t('Lingua utilizzata', 'Language used'),
          required: true,
          privacy: 'personal',
        },
        {
          key: 'activityTypes',
          kind: 'multiselect',
          label: t('Tipologia di attività svolta', 'Kind of activity'),
          required: true,
          privacy: 'public',
          options: SCHOOL_INTERVENTION_TYPES,
        },
        {
          key: 'activityTypeOther',
          kind: 'text',
          label: t('Altra tipologia (specificare)', 'Other kind (specify)'),
          maxLength: 200,
          required: true,
          when: { field: 'activityTypes', includes: 'altro' },
          privacy: 'public',
        },
        {
          key: 'mode',
          kind: 'radio',
          label: t('Modalità', 'Mode'),
          required: true,
          privacy: 'public',
          options: MODES,
        },
      ],
    },
    {
      key: 'participants',
      title: t('Partecipanti', 'Participants'),
      description: t('Quante persone per ruolo erano presenti.', 'How many people of each role were present.'),
      when: HELD,
      fields: [
        { key: 'participantsPupils', kind: 'integer', label: t('Alunni', 'Pupils'), min: 0, max: 500, required: true, privacy: 'public' },
        { key: 'participantsParents', kind: 'integer', label: t('Genitori e familiari', 'Parents and relatives'), min: 0, max: 500, required: true, privacy: 'public' },
        { key: 'participantsTeachers', kind: 'integer', label: t('Docenti', 'Teachers'), min: 0, max: 500, required: true, privacy: 'public' },
        { key: 'participantsOthers', kind: 'integer', label: t('Altri operatori', 'Other staff'), min: 0, max: 500, required: true, privacy: 'public' },
      ],
    },
    {
      key: 'fami',
      title: t('Destinatari (monitoraggio FAMI)', 'People reached (FAMI monitoring)'),
      when: HELD,
      fields: [beneficiariesField],
    },
    {
      key: 'outcome',
      title: t('Esito', 'Outcome'),
      when: HELD,
      fields: outcomeFields('minor'),
    },
    {
      key: 'signature',
      title: t('Firma del mediatore', 'Mediator’s signature'),
      fields: [mediatorSignatureField],
    },
    {
      key: 'referent',
      title: t('Visto del docente referente', 'School referent’s countersignature'),
      description: t(
        'Compilato dal referente della scuola dopo l’invio della scheda.',
        'Filled in by the school referent after the report has been filed.',
      ),
      fields: [
        {
          key: 'referentSignature',
          kind: 'signature',
          label: t('Visto del docente referente', 'School referent’s countersignature'),
          statement: t(
            'Confermo che l’intervento si è svolto come descritto.',
            'I confirm that the session took place as described.',
          ),
          privacy: 'personal',
        },
        {
          key: 'referentRating',
          kind: 'likert',
          label: t('Valutazione del referente', 'Referent’s rating'),
          pointLabels: RATING_LABELS,
          when: { all: [HELD, { field: 'referentSignature', filled: true }] },
          privacy: 'public',
        },
      ],
    },
  ],
  checks: [{ kind: 'gt', field: 'endTime', than: 'startTime' }],
});
