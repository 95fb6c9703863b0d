/**
 * The demo Ambito that `npm start` creates on an empty database: what a
 * newcomer needs to try every part of Ponte. Names are invented; the
 * languages follow the demand seen in Lombardy (the order of LANGUAGES in
 * packages/forms/src/languages.ts).
 */
export const DEMO_PASSWORD = 'ponte-demo-2026';

export const DEMO_TENANT = {
  slug: 'ambito-demo',
  name: 'Ambito Territoriale Demo (Lombardia)',
  timeZone: 'Europe/Rome',
};

export const DEMO_ORGANISATIONS = [
  {
    ref: 'manzoni',
    kind: 'school' as const,
    name: 'Istituto Comprensivo "Alessandro Manzoni"',
    mechanographicCode: 'COIC81200D',
    serviceType: null,
    sites: [
      { name: 'Scuola primaria "Via Roma"', mechanographicCode: 'COEE81201G' },
      { name: 'Scuola secondaria di I grado "Manzoni"', mechanographicCode: 'COMM81201E' },
    ],
    publishableKey: 'pk_demo_manzoni',
  },
  {
    ref: 'rodari',
    kind: 'school' as const,
    name: 'Istituto Comprensivo "Gianni Rodari"',
    mechanographicCode: 'COIC82300V',
    serviceType: null,
    sites: [
      { name: 'Scuola dell’infanzia "Arcobaleno"', mechanographicCode: 'COAA82301Q' },
      { name: 'Scuola primaria "Rodari"', mechanographicCode: 'COEE82301X' },
    ],
    publishableKey: 'pk_demo_rodari',
  },
  {
    ref: 'servizi',
    kind: 'service' as const,
    name: 'Servizio Sociale di Base – Comune Demo',
    mechanographicCode: null,
    serviceType: 'servizio-sociale-di-base',
    sites: [],
    publishableKey: 'pk_demo_servizi',
  },
];

export const DEMO_STAFF = [
  { email: 'admin@demo.ponte.test', name: 'Giulia Ferri', role: 'admin' as const, org: null },
  { email: 'coordinatrice@demo.ponte.test', name: 'Paola Brambilla', role: 'coordinator' as const, org: null },
  { email: 'clinica@demo.ponte.test', name: 'Dott.ssa Chiara Colombo', role: 'clinician' as const, org: null },
  { email: 'referente.manzoni@demo.ponte.test', name: 'Marco Villa', role: 'requester' as const, org: 'manzoni' },
  { email: 'referente.rodari@demo.ponte.test', name: 'Laura Galli', role: 'requester' as const, org: 'rodari' },
  { email: 'operatrice.servizi@demo.ponte.test', name: 'Sara Fumagalli', role: 'requester' as const, org: 'servizi' },
];

export const DEMO_MEDIATORS = [
  {
    email: 'amina.elidrissi@demo.ponte.test',
    name: 'Amina El Idrissi',
    gender: 'F' as const,
    languages: [
      { code: 'ary', variety: 'Darija', level: 'native' },
      { code: 'ara', variety: '', level: 'C2' },
      { code: 'tzm', variety: 'Tamazight', level: 'B2' },
      { code: 'fra', variety: '', level: 'C1' },
    ],
  },
  {
    email: 'rahim.uddin@demo.ponte.test',
    name: 'Rahim Uddin',
    gender: 'M' as const,
    languages: [
      { code: 'ben', variety: 'Sylheti', level: 'native' },
      { code: 'eng', variety: '', level: 'C1' },
    ],
  },
  {
    email: 'li.wei@demo.ponte.test',
    name: 'Li Wei',
    gender: 'F' as const,
    languages: [
      { code: 'cmn', variety: '', level: 'native' },
      { code: 'wuu', variety: 'Wenzhounese', level: 'native' },
    ],
  },
  {
    email: 'ardit.hoxha@demo.ponte.test',
    name: 'Ardit Hoxha',
    gender: 'M' as const,
    languages: [{ code: 'sqi', variety: '', level: 'native' }],
  },
  {
    email: 'olena.kovalenko@demo.ponte.test',
    name: 'Olena Kovalenko',
    gender: 'F' as const,
    languages: [
      { code: 'ukr', variety: '', level: 'native' },
      { code: 'rus', variety: '', level: 'C2' },
      { code: 'ron', variety: 'Moldovan', level: 'B2' },
    ],
  },
  {
    email: 'arshad.mahmood@demo.ponte.test',
    name: 'Arshad Mahmood',
    gender: 'M' as const,
    languages: [
      { code: 'urd', variety: '', level: 'native' },
      { code: 'pan', variety: 'Punjabi (Shahmukhi)', level: 'C1' },
      { code: 'hin', variety: '', level: 'B2' },
    ],
  },
];

/**
 * Weekly availability of the demo mediators, local time in the tenant zone:
 * school mornings for most, afternoons for those who also serve social
 * services. Indexed like DEMO_MEDIATORS.
 */
export const DEMO_AVAILABILITY: { weekday: number; start: string; end: string }[][] = [
  [1, 2, 3, 4, 5].flatMap((weekday) => [{ weekday, start: '08:30', end: '13:00' }, { weekday, start: '14:00', end: '17:00' }]),
  [1, 3, 5].map((weekday) => ({ weekday, start: '09:00', end: '16:00' })),
  [2, 4].map((weekday) => ({ weekday, start: '08:00', end: '14:00' })),
  [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '13:00' })),
  [1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, start: '14:00', end: '18:00' })),
  [2, 3, 4].map((weekday) => ({ weekday, start: '10:00', end: '17:30' })),
];

/** Areas served by the demo mediators, indexed like DEMO_MEDIATORS. */
export const DEMO_AREAS: string[][] = [['Como', 'Cantù'], ['Como'], ['Como', 'Erba'], ['Cantù'], ['Como', 'Erba', 'Cantù'], ['Como']];

/** Hours granted per organisation and action for the current and the next school year. */
export const DEMO_BUDGETS: { org: string; action: '1' | '2' | '4'; hours: number }[] = [
  { org: 'manzoni', action: '1', hours: 120 },
  { org: 'rodari', action: '1', hours: 80 },
  { org: 'servizi', action: '2', hours: 150 },
  { org: 'servizi', action: '4', hours: 40 },
];
