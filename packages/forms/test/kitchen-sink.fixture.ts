import type { FormDefinition } from '../src/index.js';

const t = (it: string, en: string) => ({ it, en });

/** one field of every kind, with conditions and checks, for the compiler tests */
export const KITCHEN_SINK: FormDefinition = {
  id: 'school-request',
  version: 999,
  annex: 'TEST',
  title: t('Prova', 'Test'),
  description: t('Tutti i tipi di campo', 'Every field kind'),
  submitterKinds: ['school'],
  filledBy: 'requester',
  specialCategory: false,
  sections: [
    {
      key: 'basics',
      title: t('Base', 'Basics'),
      fields: [
        { key: 'teacher', kind: 'text', label: t('Docente richiedente', 'Requesting teacher'), maxLength: 20, minLength: 2, required: true, privacy: 'personal' },
        { key: 'code', kind: 'text', label: t('Codice', 'Code'), maxLength: 10, pattern: '[A-Z]{2}[0-9]{3}', privacy: 'public' },
        { key: 'notes', kind: 'textarea', label: t('Note', 'Notes'), maxLength: 50, privacy: 'public' },
        { key: 'email', kind: 'email', label: t('E-mail', 'E-mail'), privacy: 'personal' },
        { key: 'phone', kind: 'phone', label: t('Telefono', 'Phone'), privacy: 'personal' },
        { key: 'count', kind: 'integer', label: t('Numero', 'Count'), min: 1, max: 10, privacy: 'public' },
        { key: 'hours', kind: 'decimal', label: t('Ore', 'Hours'), min: 0, max: 8, privacy: 'public' },
        { key: 'length', kind: 'duration', label: t('Durata', 'Length'), min: 15, max: 240, privacy: 'public' },
        { key: 'day', kind: 'date', label: t('Giorno', 'Day'), min: '2025-09-01', privacy: 'public' },
        { key: 'start', kind: 'time', label: t('Inizio', 'Start'), privacy: 'public' },
        { key: 'end', kind: 'time', label: t('Fine', 'End'), privacy: 'public' },
        { key: 'when', kind: 'datetime', label: t('Quando', 'When'), privacy: 'public' },
      ],
    },
    {
      key: 'choices',
      title: t('Scelte', 'Choices'),
      fields: [
        {
          key: 'mode',
          kind: 'select',
          label: t('Modalità', 'Mode'),
          privacy: 'public',
          options: [
            { value: 'presenza', label: t('In presenza', 'In person') },
            { value: 'video', label: t('Video', 'Video') },
          ],
        },
        {
          key: 'urgency',
          kind: 'radio',
          label: t('Urgenza', 'Urgency'),
          privacy: 'public',
          options: [
            { value: 'ordinaria', label: t('Ordinaria', 'Ordinary') },
            { value: 'urgente', label: t('Urgente', 'Urgent') },
          ],
        },
        {
          key: 'urgencyReason',
          kind: 'textarea',
          label: t('Motivo dell’urgenza', 'Reason for urgency'),
          maxLength: 200,
          required: true,
          when: { field: 'urgency', equals: 'urgente' },
          privacy: 'public',
        },
        {
          key: 'topics',
          kind: 'multiselect',
          label: t('Argomenti', 'Topics'),
          minSelected: 2,
          maxSelected: 3,
          privacy: 'public',
          options: [
            { value: 'a', label: t('A', 'A') },
            { value: 'b', label: t('B', 'B') },
            { value: 'c', label: t('C', 'C') },
            { value: 'altro', label: t('Altro', 'Other') },
          ],
        },
        {
          key: 'topicOther',
          kind: 'text',
          label: t('Altro argomento', 'Other topic'),
          maxLength: 50,
          required: true,
          when: { field: 'topics', includes: 'altro' },
          privacy: 'public',
        },
        { key: 'agree', kind: 'checkbox', label: t('D’accordo', 'Agree'), privacy: 'public' },
        { key: 'privacy', kind: 'consent', label: t('Informativa letta', 'Privacy notice read'), required: true, privacy: 'public' },
        { key: 'language', kind: 'language', label: t('Lingua', 'Language'), privacy: 'personal' },
        { key: 'languages', kind: 'language', multiple: true, maxSelected: 3, label: t('Lingue', 'Languages'), privacy: 'personal' },
        { key: 'citizenship', kind: 'country', label: t('Cittadinanza', 'Citizenship'), privacy: 'personal' },
        { key: 'countries', kind: 'country', multiple: true, label: t('Paesi', 'Countries'), privacy: 'public' },
        { key: 'level', kind: 'schoolLevel', label: t('Ordine', 'Level'), privacy: 'public' },
        { key: 'levels', kind: 'schoolLevel', multiple: true, levels: ['primaria', 'secondaria-1'], label: t('Ordini', 'Levels'), privacy: 'public' },
        { key: 'rating', kind: 'likert', label: t('Voto', 'Rating'), points: 4, allowDontKnow: true, privacy: 'public' },
        { key: 'plainRating', kind: 'likert', label: t('Voto semplice', 'Plain rating'), privacy: 'public' },
        {
          key: 'matrix',
          kind: 'likertMatrix',
          label: t('Valutazione', 'Rating grid'),
          required: true,
          allowDontKnow: true,
          privacy: 'public',
          rows: [
            { key: 'speed', label: t('Rapidità', 'Speed') },
            { key: 'quality', label: t('Qualità', 'Quality') },
          ],
        },
      ],
    },
    {
      key: 'people',
      title: t('Persone', 'People'),
      fields: [
        {
          key: 'beneficiaries',
          kind: 'group',
          label: t('Beneficiari', 'Beneficiaries'),
          itemLabel: t('Beneficiario', 'Beneficiary'),
          minItems: 2,
          maxItems: 3,
          privacy: 'minor',
          fields: [
            {
              key: 'role',
              kind: 'select',
              label: t('Ruolo', 'Role'),
              required: true,
              privacy: 'minor',
              options: [
                { value: 'alunno', label: t('Alunno', 'Pupil') },
                { value: 'genitore', label: t('Genitore', 'Parent') },
              ],
            },
            { key: 'citizenship', kind: 'country', label: t('Cittadinanza', 'Citizenship'), required: true, privacy: 'minor' },
            {
              key: 'classYear',
              kind: 'integer',
              label: t('Anno di corso', 'Year of study'),
              min: 1,
              max: 5,
              required: true,
              when: { field: 'role', equals: 'alunno' },
              privacy: 'minor',
            },
            { key: 'siblings', kind: 'integer', label: t('Fratelli', 'Siblings'), min: 0, max: 20, privacy: 'minor' },
            { key: 'siblingsAtSchool', kind: 'integer', label: t('Fratelli a scuola', 'Siblings at school'), min: 0, max: 20, privacy: 'minor' },
          ],
        },
        { key: 'slots', kind: 'timeSlots', label: t('Date proposte', 'Proposed dates'), minItems: 2, maxItems: 3, privacy: 'public' },
        { key: 'school', kind: 'organisation', label: t('Istituto', 'School'), privacy: 'public' },
        { key: 'signature', kind: 'signature', label: t('Firma', 'Signature'), privacy: 'personal' },
      ],
    },
    {
      key: 'video',
      title: t('Collegamento', 'Connection'),
      when: { field: 'mode', equals: 'video' },
      fields: [{ key: 'link', kind: 'text', label: t('Link', 'Link'), maxLength: 200, required: true, privacy: 'public' }],
    },
  ],
  checks: [
    { kind: 'gt', field: 'end', than: 'start' },
    { kind: 'lte', group: 'beneficiaries', field: 'siblingsAtSchool', than: 'siblings' },
    {
      kind: 'lte',
      field: 'hours',
      than: 'count',
      message: t('le ore non possono superare «{other}».', 'hours cannot exceed “{other}”.'),
    },
  ],
};

/** the smallest valid submission of KITCHEN_SINK */
export const MINIMAL = { teacher: 'Rossi', privacy: true, matrix: { speed: 4, quality: 'dontKnow' } };
