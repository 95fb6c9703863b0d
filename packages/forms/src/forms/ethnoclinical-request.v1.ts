/*
 * A.5 – Richiesta di consulenza etnoclinica, version 1: the paper annex A.5 as data.
 * Special-category data (GDPR art. 9: health, ethnic origin) about minors,
 * plus judicial data (art. 10): every clinical field is 'special', and the
 * server lets only the tenant's clinicians and the requester read it.
 *
 * Server-side, not fields of this definition: protocol number and request
 * date, decision, assigned clinician and mediator.
 * Left out: attachments (clinical reports): Ponte stores no documents; the
 * clinician asks for them directly when needed.
 */
import { defineForm, option, t } from '../define-form.js';
import { AGE_BANDS, GENDER_PREFERENCE, SEX, URGENCY } from './shared-options.js';

const FAMILY_TAKES_PART = { field: 'consultationType', in: ['colloquio-famiglia', 'sportello-scuola'] } as const;

export const ethnoclinicalRequestV1 = defineForm({
  id: 'ethnoclinical-request',
  version: 1,
  annex: 'A.5',
  title: t('Richiesta di consulenza etnoclinica', 'Request for an ethnoclinical consultation'),
  description: t(
    'Una scuola o un servizio chiede la consulenza dell’équipe etnoclinica su una situazione che riguarda un minore e la sua famiglia. Il caso si identifica solo con un codice.',
    'A school or a service asks the ethnoclinical team for advice on a situation concerning a child and their family. The case is known only by a code.',
  ),
  submitterKinds: ['school', 'service'],
  filledBy: 'requester',
  specialCategory: true,
  sections: [
    {
      key: 'requester',
      title: t('Richiedente', 'Requester'),
      fields: [
        {
          key: 'requestingOrganisation',
          kind: 'organisation',
          label: t('Scuola, ente o servizio richiedente', 'Requesting school, body or service'),
          required: true,
          privacy: 'public',
        },
        {
          key: 'requesterName',
          kind: 'text',
          label: t('Chi presenta la richiesta', 'Person making the request'),
          help: t('Nome, cognome e ruolo.', 'Name and role.'),
          maxLength: 200,
          autocomplete: 'name',
          required: true,
          privacy: 'personal',
        },
        {
          key: 'contactPhone',
          kind: 'phone',
          label: t('Telefono di contatto', 'Contact phone'),
          autocomplete: 'tel',
          required: true,
          privacy: 'personal',
        },
        {
          key: 'contactEmail',
          kind: 'email',
          label: t('E-mail di contatto', 'Contact e-mail'),
          autocomplete: 'email',
          required: true,
          privacy: 'personal',
        },
        {
          key: 'professionals',
          kind: 'group',
          label: t('Operatori coinvolti', 'Professionals involved'),
          itemLabel: t('Operatore', 'Professional'),
          maxItems: 10,
          privacy: 'personal',
          fields: [
            {
              key: 'role',
              kind: 'select',
              label: t('Ruolo', 'Role'),
              required: true,
              privacy: 'public',
              options: [
                option('docente', 'Docente', 'Teacher'),
                option('assistente-sociale', 'Assistente sociale', 'Social worker'),
                option('educatore', 'Educatore', 'Educator'),
                option('psicologo', 'Psicologo', 'Psychologist'),
                option('neuropsichiatra', 'Neuropsichiatra infantile', 'Child neuropsychiatrist'),
                option('pediatra', 'Pediatra', 'Paediatrician'),
                option('altro', 'Altro', 'Other'),
              ],
            },
            {
              key: 'service',
              kind: 'text',
              label: t('Servizio o scuola', 'Service or school'),
              maxLength: 200,
              privacy: 'public',
            },
          ],
        },
      ],
    },
    {
      key: 'consultation',
      title: t('Consulenza', 'Consultation'),
      fields: [
        {
          key: 'consultationType',
          kind: 'radio',
          label: t('Tipo di consulenza', 'Kind of consultation'),
          help: t(
            'Nella consulenza all’operatore il caso è discusso senza la famiglia e senza dati che la identifichino.',
            'In advice to the worker the case is discussed without the family and without anything that identifies it.',
          ),
          required: true,
          privacy: 'special',
          options: [
            option('consulenza-operatore', 'Consulenza all’operatore o all’équipe', 'Advice to the worker or team'),
            option('colloquio-famiglia', 'Colloquio con la famiglia, con mediatore', 'Meeting with the family, with a mediator'),
            option('sportello-scuola', 'Sportello a scuola', 'Drop-in desk at school'),
            option('incontro-rete', 'Incontro di rete tra servizi', 'Network meeting between services'),
          ],
        },
        {
          key: 'caseCode',
          kind: 'text',
          label: t('Codice del caso', 'Case code'),
          help: t('Un codice pseudonimo: mai nomi nella richiesta.', 'A pseudonymous code: never names in the request.'),
          maxLength: 30,
          required: true,
          privacy: 'special',
        },
        {
          key: 'urgency',
          kind: 'radio',
          label: t('Urgenza', 'Urgency'),
          required: true,
          privacy: 'public',
          options: URGENCY,
        },
        {
          key: 'urgencyReason',
          kind: 'textarea',
          label: t('Motivo dell’urgenza', 'Reason for urgency'),
          maxLength: 1000,
          required: true,
          when: { field: 'urgency', equals: 'urgente' },
          privacy: 'special',
        },
      ],
    },
    {
      key: 'child',
      title: t('Minore', 'Child'),
      fields: [
        { key: 'childAgeBand', kind: 'select', label: t('Fascia d’età', 'Age band'), required: true, privacy: 'special', options: AGE_BANDS },
        { key: 'childSex', kind: 'select', label: t('Sesso', 'Sex'), required: true, privacy: 'special', options: SEX },
        { key: 'childSchoolLevel', kind: 'schoolLevel', label: t('Ordine di scuola', 'School level'), privacy: 'special' },
        { key: 'childClass', kind: 'text', label: t('Classe', 'Class'), maxLength: 50, privacy: 'special' },
      ],
    },
    {
      key: 'family',
      title: t('Nucleo familiare', 'Family'),
      fields: [
        {
          key: 'familyMembers',
          kind: 'group',
          label: t('Composizione del nucleo', 'Members of the household'),
          help: t('Una riga per componente, senza nomi.', 'One row per member, without names.'),
          itemLabel: t('Componente', 'Member'),
          minItems: 1,
          maxItems: 15,
          required: true,
          privacy: 'special',
          fields: [
            {
              key: 'relation',
              kind: 'select',
              label: t('Relazione con il minore', 'Relation to the child'),
              required: true,
              privacy: 'special',
              options: [
                option('minore', 'Il minore stesso', 'The child'),
                option('madre', 'Madre', 'Mother'),
                option('padre', 'Padre', 'Father'),
                option('fratello-sorella', 'Fratello o sorella', 'Brother or sister'),
                option('nonno-nonna', 'Nonno o nonna', 'Grandparent'),
                option('altro', 'Altro familiare o convivente', 'Other relative or household member'),
              ],
            },
            { key: 'citizenship', kind: 'country', label: t('Cittadinanza', 'Citizenship'), required: true, privacy: 'special' },
            {
              key: 'languages',
              kind: 'language',
              multiple: true,
              maxSelected: 5,
              label: t('Lingue e dialetti parlati', 'Languages and dialects spoken'),
              privacy: 'special',
            },
          ],
        },
        {
          key: 'consultationLanguage',
          kind: 'language',
          label: t('Lingua per il colloquio con la famiglia', 'Language for meeting the family'),
          required: true,
          when: FAMILY_TAKES_PART,
          privacy: 'special',
        },
        {
          key: 'migrationHistory',
          kind: 'textarea',
          label: t('Storia migratoria in sintesi', 'Migration history in brief'),
          help: t(
            'Solo ciò che serve alla consulenza: data di arrivo, ricongiungimenti, separazioni, percorso.',
            'Only what the consultation needs: arrival date, family reunification, separations, journey.',
          ),
          maxLength: 2000,
          privacy: 'special',
        },
      ],
    },
    {
      key: 'reason',
      title: t('Motivo della richiesta', 'Reason for the request'),
      fields: [
        {
          key: 'reasons',
          kind: 'multiselect',
          label: t('Motivi', 'Reasons'),
          required: true,
          privacy: 'special',
          options: [
            option('relazionali-comportamentali', 'Difficoltà relazionali o comportamentali', 'Relational or behavioural difficulties'),
            option('disagio-psichico', 'Sospetto disagio psichico', 'Suspected psychological distress'),
            option('conflitto-scuola-famiglia', 'Conflitto tra scuola e famiglia', 'Conflict between school and family'),
            option('genitorialita', 'Genitorialità', 'Parenting'),
            option('vissuti-traumatici', 'Vissuti traumatici', 'Traumatic experiences'),
            option('diagnosi-certificazioni', 'Incomprensione di diagnosi o certificazioni', 'Misunderstanding of a diagnosis or certification'),
            option('altro', 'Altro', 'Other'),
          ],
        },
        {
          key: 'reasonDetails',
          kind: 'textarea',
          label: t('Descrizione della situazione', 'Description of the situation'),
          maxLength: 4000,
          required: true,
          privacy: 'special',
        },
        {
          key: 'servicesInvolved',
          kind: 'multiselect',
          label: t('Servizi già coinvolti', 'Services already involved'),
          required: true,
          privacy: 'special',
          options: [
            option('npia', 'Neuropsichiatria infantile (NPIA)', 'Child neuropsychiatry (NPIA)'),
            option('tutela-minori', 'Tutela minori', 'Child protection'),
            option('consultorio', 'Consultorio', 'Family counselling centre'),
            option('pediatra', 'Pediatra', 'Paediatrician'),
            option('altro', 'Altro', 'Other'),
            option('nessuno', 'Nessuno', 'None'),
          ],
        },
        {
          key: 'courtOrders',
          kind: 'checkbox',
          label: t('Provvedimenti dell’Autorità Giudiziaria in corso', 'Court orders in progress'),
          help: t('Indicarlo solo se serve alla consulenza.', 'Only if the consultation needs to know.'),
          privacy: 'special',
        },
      ],
    },
    {
      key: 'preferences',
      title: t('Preferenze e consenso', 'Preferences and consent'),
      fields: [
        {
          key: 'clinicianGender',
          kind: 'radio',
          label: t('Preferenza di genere del clinico', 'Preferred gender of the clinician'),
          privacy: 'special',
          options: GENDER_PREFERENCE,
        },
        {
          key: 'mediatorGender',
          kind: 'radio',
          label: t('Preferenza di genere del mediatore', 'Preferred gender of the mediator'),
          when: FAMILY_TAKES_PART,
          privacy: 'special',
          options: GENDER_PREFERENCE,
        },
        {
          key: 'familyConsent',
          kind: 'consent',
          label: t(
            'La famiglia è stata informata e ha espresso il proprio consenso alla consulenza',
            'The family has been informed and has agreed to the consultation',
          ),
          help: t(
            'Necessario quando la famiglia partecipa. Il consenso firmato resta agli atti del richiedente.',
            'Needed when the family takes part. The signed consent stays on the requester’s file.',
          ),
          required: true,
          when: FAMILY_TAKES_PART,
          privacy: 'special',
        },
        {
          key: 'privacyNotice',
          kind: 'consent',
          label: t('Ho preso visione dell’informativa sul trattamento dei dati', 'I have read the privacy notice'),
          required: true,
          privacy: 'public',
        },
      ],
    },
  ],
});
