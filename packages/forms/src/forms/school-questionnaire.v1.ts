/*
 * Questionario FAMI istituti scolastici, version 1: the FAMI questionnaire
 * for schools, its questions as they are. One answer per school per school year.
 *
 * Server-side, not fields of this definition: the submission date and who
 * submitted; the prefill of `school` and `mediationHours` from Ponte's
 * records is the widget's and the server's job, the fields stay editable.
 */
import { defineForm, option, t } from '../define-form.js';
import type { SchoolLevel } from '../school-levels.js';
import { MECHANOGRAPHIC_CODE_PATTERN, SCHOOL_INTERVENTION_TYPES, SCHOOL_YEARS } from './shared-options.js';

/** the questionnaire concerns schools proper: no 0-6 services */
const LEVELS: readonly SchoolLevel[] = ['infanzia', 'primaria', 'secondaria-1', 'secondaria-2', 'cpia'];

const count = (key: string, it: string, en: string, required: boolean) =>
  ({ key, kind: 'integer', label: t(it, en), min: 0, max: 10000, required, privacy: 'public' }) as const;

export const schoolQuestionnaireV1 = defineForm({
  id: 'school-questionnaire',
  version: 1,
  annex: 'Q',
  title: t('Questionario FAMI per gli istituti scolastici', 'FAMI questionnaire for schools'),
  description: t(
    'Una compilazione per istituto e anno scolastico. Le risposte alimentano gli indicatori dell’Ambito: alunni raggiunti, lingue richieste e non coperte.',
    'One answer per school and school year. The answers feed the Ambito’s indicators: pupils reached, languages asked for and not covered.',
  ),
  submitterKinds: ['school'],
  filledBy: 'requester',
  specialCategory: false,
  sections: [
    {
      key: 'school',
      title: t('Scuola e compilatore', 'School and respondent'),
      fields: [
        { key: 'schoolYear', kind: 'select', label: t('Anno scolastico', 'School year'), required: true, privacy: 'public', options: SCHOOL_YEARS },
        {
          key: 'school',
          kind: 'organisation',
          organisationKind: 'school',
          label: t('Istituto', 'School'),
          required: true,
          privacy: 'public',
        },
        {
          key: 'mechanographicCode',
          kind: 'text',
          label: t('Codice meccanografico', 'Ministry school code'),
          help: t('Il codice di 10 caratteri dell’istituto, ad esempio MIIC8AB00X.', 'The school’s 10-character code, for example MIIC8AB00X.'),
          maxLength: 10,
          pattern: MECHANOGRAPHIC_CODE_PATTERN,
          required: true,
          privacy: 'public',
        },
        {
          key: 'levels',
          kind: 'schoolLevel',
          multiple: true,
          levels: LEVELS,
          label: t('Ordini di scuola presenti', 'School levels present'),
          required: true,
          privacy: 'public',
        },
        { key: 'sites', kind: 'integer', label: t('Numero di plessi', 'Number of sites'), min: 1, max: 100, required: true, privacy: 'public' },
        {
          key: 'respondentRole',
          kind: 'select',
          label: t('Ruolo di chi compila', 'Respondent’s role'),
          required: true,
          privacy: 'public',
          options: [
            option('dirigente', 'Dirigente scolastico', 'Head teacher'),
            option('referente-intercultura', 'Referente intercultura o inclusione', 'Intercultural or inclusion referent'),
            option('funzione-strumentale', 'Funzione strumentale', 'Teacher with a school-wide role (funzione strumentale)'),
            option('docente', 'Docente', 'Teacher'),
            option('segreteria', 'Segreteria', 'School office'),
          ],
        },
        {
          key: 'respondentEmail',
          kind: 'email',
          label: t('E-mail istituzionale', 'Institutional e-mail'),
          autocomplete: 'email',
          required: true,
          privacy: 'personal',
        },
      ],
    },
    {
      key: 'pupils',
      title: t('Alunni', 'Pupils'),
      description: t('Una riga per ogni ordine di scuola presente.', 'One row for each school level present.'),
      fields: [
        {
          key: 'pupilsByLevel',
          kind: 'group',
          label: t('Alunni per ordine di scuola', 'Pupils by school level'),
          itemLabel: t('Ordine di scuola', 'School level'),
          minItems: 1,
          maxItems: LEVELS.length,
          required: true,
          privacy: 'public',
          fields: [
            { key: 'level', kind: 'schoolLevel', levels: LEVELS, label: t('Ordine di scuola', 'School level'), required: true, privacy: 'public' },
            count('enrolled', 'Alunni iscritti', 'Pupils enrolled', true),
            count('cni', 'di cui con cittadinanza non italiana', 'of whom with non-Italian citizenship', true),
            count('cniBornInItaly', 'di cui nati in Italia', 'of whom born in Italy', true),
            count('nai', 'di cui neo-arrivati (in Italia da meno di 12 mesi)', 'of whom newly arrived (in Italy under 12 months)', true),
            count('cniDelayed', 'alunni CNI in ritardo scolastico', 'pupils with non-Italian citizenship behind their age group', false),
            count('classesOver30', 'classi con almeno il 30 % di alunni CNI', 'classes with at least 30 % non-Italian citizens', false),
          ],
        },
        {
          key: 'mainCitizenships',
          kind: 'group',
          label: t('Principali cittadinanze', 'Main citizenships'),
          help: t('Fino a dieci, dalla più numerosa.', 'Up to ten, largest first.'),
          itemLabel: t('Cittadinanza', 'Citizenship'),
          maxItems: 10,
          privacy: 'public',
          fields: [
            { key: 'country', kind: 'country', label: t('Paese', 'Country'), required: true, privacy: 'public' },
            { key: 'pupils', kind: 'integer', label: t('Alunni', 'Pupils'), min: 1, max: 10000, required: true, privacy: 'public' },
          ],
        },
      ],
    },
    {
      key: 'reception',
      title: t('Accoglienza', 'Reception'),
      fields: [
        { key: 'receptionProtocol', kind: 'checkbox', label: t('Protocollo di accoglienza adottato', 'Reception protocol adopted'), required: true, privacy: 'public' },
        {
          key: 'receptionProtocolYear',
          kind: 'integer',
          label: t('Anno di adozione', 'Year adopted'),
          min: 1990,
          max: 2100,
          when: { field: 'receptionProtocol', equals: true },
          privacy: 'public',
        },
        { key: 'interculturalCommittee', kind: 'checkbox', label: t('Commissione intercultura', 'Intercultural committee'), required: true, privacy: 'public' },
        { key: 'l2Workshops', kind: 'checkbox', label: t('Laboratori di italiano L2', 'Italian L2 workshops'), required: true, privacy: 'public' },
        {
          key: 'l2Hours',
          kind: 'integer',
          label: t('Ore annue di laboratorio L2', 'Yearly hours of L2 workshops'),
          min: 0,
          max: 10000,
          when: { field: 'l2Workshops', equals: true },
          privacy: 'public',
        },
        { key: 'translatedMaterials', kind: 'checkbox', label: t('Modulistica e avvisi tradotti', 'Translated forms and notices'), required: true, privacy: 'public' },
        {
          key: 'translatedLanguages',
          kind: 'language',
          multiple: true,
          label: t('In quali lingue', 'In which languages'),
          when: { field: 'translatedMaterials', equals: true },
          privacy: 'public',
        },
      ],
    },
    {
      key: 'mediation',
      title: t('Mediazione', 'Mediation'),
      fields: [
        {
          key: 'mediationHours',
          kind: 'decimal',
          label: t('Ore di mediazione utilizzate nell’anno', 'Mediation hours used this year'),
          help: t('Precompilato dai dati di Ponte quando disponibili.', 'Prefilled from Ponte’s records when known.'),
          min: 0,
          max: 100000,
          step: 0.5,
          required: true,
          privacy: 'public',
        },
        { key: 'languagesRequested', kind: 'language', multiple: true, label: t('Lingue richieste', 'Languages requested'), privacy: 'public' },
        {
          key: 'interventionTypes',
          kind: 'multiselect',
          label: t('Tipologie di intervento', 'Kinds of intervention'),
          privacy: 'public',
          options: SCHOOL_INTERVENTION_TYPES,
        },
        {
          key: 'uncoveredLanguages',
          kind: 'language',
          multiple: true,
          label: t('Lingue richieste ma non disponibili', 'Languages asked for but not available'),
          privacy: 'public',
        },
        { key: 'unmetNeeds', kind: 'textarea', label: t('Bisogni non coperti', 'Needs not met'), maxLength: 4000, privacy: 'public' },
      ],
    },
    {
      key: 'families',
      title: t('Scuola e famiglie', 'School and families'),
      fields: [
        {
          key: 'familyParticipation',
          kind: 'likert',
          label: t('Partecipazione delle famiglie CNI ai colloqui', 'Attendance of families with non-Italian citizenship at meetings'),
          pointLabels: [
            t('Molto bassa', 'Very low'),
            t('Bassa', 'Low'),
            t('Media', 'Average'),
            t('Alta', 'High'),
            t('Molto alta', 'Very high'),
          ],
          allowDontKnow: true,
          required: true,
          privacy: 'public',
        },
        {
          key: 'familyBarriers',
          kind: 'multiselect',
          label: t('Difficoltà principali', 'Main barriers'),
          privacy: 'public',
          options: [
            option('lingua', 'Lingua', 'Language'),
            option('orari-lavoro', 'Orari di lavoro', 'Working hours'),
            option('sistema-scolastico', 'Conoscenza del sistema scolastico', 'Knowing how the school system works'),
            option('strumenti-digitali', 'Registro elettronico e strumenti digitali', 'Online register and digital tools'),
            option('distanza', 'Distanza', 'Distance'),
            option('altro', 'Altro', 'Other'),
          ],
        },
        {
          key: 'familyBarriersOther',
          kind: 'text',
          label: t('Altro (specificare)', 'Other (specify)'),
          maxLength: 200,
          when: { field: 'familyBarriers', includes: 'altro' },
          privacy: 'public',
        },
      ],
    },
    {
      key: 'training',
      title: t('Formazione', 'Teacher training'),
      fields: [
        count('teachersTrained', 'Docenti formati su intercultura o L2 nell’anno', 'Teachers trained in intercultural education or L2 this year', false),
        { key: 'trainingNeeds', kind: 'textarea', label: t('Bisogni formativi', 'Training needs'), maxLength: 4000, privacy: 'public' },
      ],
    },
    {
      key: 'rating',
      title: t('Valutazione del progetto', 'Rating of the project'),
      fields: [
        {
          key: 'projectRating',
          kind: 'likertMatrix',
          label: t('Quanto è stato utile o soddisfacente', 'How useful or satisfying it was'),
          pointLabels: [
            t('Per niente', 'Not at all'),
            t('Poco', 'A little'),
            t('In parte', 'Partly'),
            t('Abbastanza', 'Quite'),
            t('Molto', 'Very much'),
          ],
          allowDontKnow: true,
          required: true,
          privacy: 'public',
          rows: [
            { key: 'naiReception', label: t('Utilità della mediazione per l’accoglienza degli alunni neo-arrivati', 'Usefulness of mediation for receiving newly arrived pupils') },
            { key: 'familyMeetings', label: t('Utilità della mediazione per i colloqui con le famiglie', 'Usefulness of mediation for meetings with families') },
            { key: 'schoolGuidance', label: t('Utilità della mediazione per l’orientamento scolastico', 'Usefulness of mediation for school guidance') },
            { key: 'mediatorQuality', label: t('Qualità dei mediatori', 'Quality of the mediators') },
            { key: 'requestEase', label: t('Facilità di richiesta di un mediatore', 'Ease of requesting a mediator') },
            { key: 'activationSpeed', label: t('Rapidità di attivazione', 'Speed of activation') },
            { key: 'interculturalWorkshops', label: t('Utilità dei laboratori interculturali', 'Usefulness of intercultural workshops') },
          ],
        },
        { key: 'comments', kind: 'textarea', label: t('Commenti', 'Comments'), maxLength: 4000, privacy: 'public' },
      ],
    },
  ],
  checks: [
    { kind: 'lte', group: 'pupilsByLevel', field: 'cni', than: 'enrolled' },
    { kind: 'lte', group: 'pupilsByLevel', field: 'cniBornInItaly', than: 'cni' },
    { kind: 'lte', group: 'pupilsByLevel', field: 'nai', than: 'cni' },
    { kind: 'lte', group: 'pupilsByLevel', field: 'cniDelayed', than: 'cni' },
    { kind: 'oneRowPer', group: 'pupilsByLevel', field: 'level', source: 'levels' },
  ],
});
