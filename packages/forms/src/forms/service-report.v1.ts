/*
 * A.4 – Scheda report servizi, version 1 (the paper annex A.4): A.2 with the
 * school fields replaced by the service's place, briefing and debriefing.
 *
 * Server-side, not fields of this definition: request reference and
 * appointment, mediator identity, service and referent operator (from the
 * request), hours delivered, who signed when.
 *
 * As in A.2 the operator's countersignature and rating are optional at
 * filing time: the referent operator adds them afterwards.
 */
import { defineForm, option, t } from '../define-form.js';
import {
  HELD,
  beneficiariesField,
  mediatorSignatureField,
  outcomeFields,
  sessionFields,
} from './report-fields.js';
import { RATING_LABELS, SERVICE_INTERVENTION_TYPES } from './shared-options.js';

export const serviceReportV1 = defineForm({
  id: 'service-report',
  version: 1,
  annex: 'A.4',
  title: t('Scheda report dell’intervento – servizi', 'Session report – services'),
  description: t(
    'Il mediatore compila una scheda per ogni incontro, svolto o no; l’operatore referente la vista.',
    'The mediator files one report for each session, held or not; the referent worker countersigns it.',
  ),
  submitterKinds: ['service'],
  filledBy: 'mediator',
  specialCategory: false,
  sections: [
    {
      key: 'session',
      title: t('Incontro', 'Session'),
      fields: sessionFields([
        option('assenza-utente', 'Assenza dell’utente', 'The client did not come'),
        option('disdetta-servizio', 'Disdetta del servizio', 'Called off by the service'),
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
          options: SERVICE_INTERVENTION_TYPES,
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
          key: 'venue',
          kind: 'radio',
          label: t('Sede', 'Where'),
          required: true,
          privacy: 'public',
          options: [
            option('sede-servizio', 'Sede del servizio', 'At the service'),
            option('domicilio', 'Domicilio', 'At home'),
            option('telefono', 'Al telefono', 'By phone'),
            option('video', 'In videochiamata', 'By video call'),
          ],
        },
        {
          key: 'briefingMinutes',
          kind: 'duration',
          label: t('Durata del colloquio preliminare con l’operatore (minuti)', 'Length of the briefing with the worker (minutes)'),
          min: 0,
          max: 240,
          privacy: 'public',
        },
        {
          key: 'debriefingMinutes',
          kind: 'duration',
          label: t('Durata del confronto finale con l’operatore (minuti)', 'Length of the debriefing with the worker (minutes)'),
          min: 0,
          max: 240,
          privacy: 'public',
        },
      ],
    },
    {
      key: 'participants',
      title: t('Partecipanti', 'Participants'),
      description: t('Quante persone per ruolo erano presenti.', 'How many people of each role were present.'),
      when: HELD,
      fields: [
        { key: 'participantsAdults', kind: 'integer', label: t('Utenti adulti', 'Adult clients'), min: 0, max: 500, required: true, privacy: 'public' },
        { key: 'participantsMinors', kind: 'integer', label: t('Minori', 'Children'), min: 0, max: 500, required: true, privacy: 'public' },
        { key: 'participantsOperators', kind: 'integer', label: t('Operatori', 'Workers'), min: 0, max: 500, required: true, privacy: 'public' },
        { key: 'participantsOthers', kind: 'integer', label: t('Altri', 'Others'), min: 0, max: 500, required: true, privacy: 'public' },
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
      fields: outcomeFields('personal'),
    },
    {
      key: 'signature',
      title: t('Firma del mediatore', 'Mediator’s signature'),
      fields: [mediatorSignatureField],
    },
    {
      key: 'referent',
      title: t('Visto dell’operatore referente', 'Referent worker’s countersignature'),
      description: t(
        'Compilato dall’operatore referente dopo l’invio della scheda.',
        'Filled in by the referent worker after the report has been filed.',
      ),
      fields: [
        {
          key: 'operatorSignature',
          kind: 'signature',
          label: t('Visto dell’operatore referente', 'Referent worker’s countersignature'),
          statement: t(
            'Confermo che l’intervento si è svolto come descritto.',
            'I confirm that the session took place as described.',
          ),
          privacy: 'personal',
        },
        {
          key: 'serviceRating',
          kind: 'likert',
          label: t('Valutazione del servizio', 'Rating of the service'),
          pointLabels: RATING_LABELS,
          when: { all: [HELD, { field: 'operatorSignature', filled: true }] },
          privacy: 'public',
        },
      ],
    },
  ],
  checks: [{ kind: 'gt', field: 'endTime', than: 'startTime' }],
});
