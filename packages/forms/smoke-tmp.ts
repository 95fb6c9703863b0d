import { validateSubmission, type FormDefinition } from './src/index.js';
const def: FormDefinition = {
  id: 'school-request', version: 99, annex: 'A.1', title: { it: 'T', en: 'T' }, description: { it: 'D', en: 'D' },
  submitterKinds: ['school'], filledBy: 'requester', specialCategory: false,
  sections: [{ key: 's', title: { it: 'S', en: 'S' }, fields: [
    { key: 'teacher', kind: 'text', maxLength: 10, required: true, privacy: 'personal', label: { it: 'Docente richiedente', en: 'Requesting teacher' } },
    { key: 'urgent', kind: 'checkbox', privacy: 'public', label: { it: 'Urgente', en: 'Urgent' } },
    { key: 'why', kind: 'textarea', maxLength: 100, required: true, when: { field: 'urgent', equals: true }, privacy: 'public', label: { it: 'Motivo urgenza', en: 'Why urgent' } },
    { key: 'n', kind: 'integer', min: 0, max: 10, privacy: 'public', label: { it: 'Numero', en: 'Number' } },
    { key: 'ben', kind: 'group', maxItems: 2, itemLabel: { it: 'Beneficiario', en: 'Beneficiary' }, privacy: 'personal', label: { it: 'Beneficiari', en: 'Beneficiaries' }, fields: [
      { key: 'citizenship', kind: 'country', required: true, privacy: 'personal', label: { it: 'Cittadinanza', en: 'Citizenship' } },
    ] },
    { key: 'slots', kind: 'timeSlots', minItems: 2, maxItems: 4, privacy: 'public', label: { it: 'Fasce', en: 'Slots' } },
  ] }],
};
console.log(validateSubmission(def, { teacher: '  Rossi ', why: 'x', ben: [{ citizenship: 'MA' }, {citizenship: 'RO'}] }, 'it'));
console.log(validateSubmission(def, { teacher: ' ', urgent: true, n: 1.5, ben: [{ citizenship: 'ZZ' }, {}, {}], slots: [{date: '2025-02-30', from: '10:00', to: '09:00'}], extra: 1 }, 'it'));
console.log(validateSubmission(def, { teacher: 'abcdefghijklmnop', n: 11, ben: [{ citizenship: 'MA', foo: 1 }], slots: [{date: '2025-02-28', from: '10:00', to: '11:00', x: 1}], }, 'en'));
console.log(validateSubmission(def, 5, 'en'));
