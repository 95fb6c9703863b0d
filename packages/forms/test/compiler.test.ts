import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as z from 'zod/mini';
import {
  compileForm,
  isFieldVisible,
  translateIssues,
  validateSubmission,
  visibleFields,
  withoutDerivedFields,
  type FieldErrors,
  type Locale,
} from '../src/index.js';
import { KITCHEN_SINK, MINIMAL } from './kitchen-sink.fixture.js';

function accept(extra: Record<string, unknown>): Record<string, unknown> {
  const result = validateSubmission(KITCHEN_SINK, { ...MINIMAL, ...extra }, 'it');
  assert.ok(result.ok, `expected acceptance, got ${JSON.stringify(result)}`);
  return result.data;
}

function reject(extra: Record<string, unknown>, locale: Locale = 'it'): FieldErrors {
  const result = validateSubmission(KITCHEN_SINK, { ...MINIMAL, ...extra }, locale);
  assert.equal(result.ok, false, `expected rejection of ${JSON.stringify(extra)}`);
  return result.ok ? {} : result.fieldErrors;
}

const slot = (date: string, from: string, to: string) => ({ date, from, to });

/** per field: values it accepts and values it rejects, each on its own */
const CASES: Record<string, { good: unknown[]; bad: unknown[] }> = {
  teacher: { good: ['Ro', 'Giulia Bianchi'], bad: [42, 'R', 'x'.repeat(21), true] },
  code: { good: ['AB123'], bad: ['ab123', 'AB1234', 'AB12', 7] },
  notes: { good: ['una nota'], bad: ['x'.repeat(51), ['a']] },
  email: { good: ['a.b@scuola.edu.it'], bad: ['not-an-email', 'a@b', 5] },
  phone: { good: ['+39 02 1234 5678', '3331234567', '(02) 123-4567'], bad: ['12345', 'call me', '+39 02 1234 5678 9999 0'] },
  count: { good: [1, 10], bad: [0, 11, 2.5, '3', NaN] },
  hours: { good: [0, 1.5, 8], bad: [-0.5, 8.5, '1'] },
  length: { good: [15, 240], bad: [10, 241, 30.5] },
  day: { good: ['2025-09-01', '2028-02-29'], bad: ['2025-08-31', '2027-02-29', '2025-13-01', '01/09/2025', '2025-9-1'] },
  start: { good: ['00:00', '23:59'], bad: ['24:00', '9:00', '12:60', '12:00:00'] },
  when: { good: ['2026-03-01T09:30'], bad: ['2026-03-01 09:30', '2026-02-30T09:30', '2026-03-01T09:30Z'] },
  mode: { good: ['presenza'], bad: ['phone', 1] },
  topics: { good: [['a', 'b'], ['a', 'b', 'c']], bad: [['a'], ['a', 'a'], ['a', 'z'], 'a'] },
  agree: { good: [true, false], bad: ['yes', 1] },
  language: {
    good: [{ code: 'ara' }, { code: 'ara', variety: 'Darija' }, { code: 'wuu' }],
    bad: [{ code: 'ar' }, { code: 'ARA' }, 'ara', { code: 'ara', dialect: 'x' }, { variety: 'Darija' }],
  },
  languages: {
    good: [[{ code: 'ara', variety: 'Darija' }, { code: 'ara', variety: 'Egyptian' }]],
    bad: [[{ code: 'ara' }, { code: 'ara' }], [{ code: 'ara' }, { code: 'zho' }, { code: 'ben' }, { code: 'urd' }]],
  },
  citizenship: { good: ['MA', 'XX', 'XK', 'CH'], bad: ['ma', 'ZZ', 'MAR', 12] },
  countries: { good: [['MA', 'EG']], bad: [['MA', 'MA'], ['QQ']] },
  level: { good: ['servizi-0-6', 'cpia'], bad: ['university', 'Primaria'] },
  levels: { good: [['primaria']], bad: [['infanzia'], ['primaria', 'primaria']] },
  rating: { good: [1, 4, 'dontKnow'], bad: [0, 5, 2.5, 'dunno'] },
  plainRating: { good: [1, 5], bad: ['dontKnow', 6] },
  matrix: {
    good: [{ speed: 1, quality: 5 }],
    bad: [{ speed: 6, quality: 1 }, { speed: 1, quality: 1, extra: 1 }, 'x'],
  },
  slots: {
    good: [[slot('2026-03-02', '09:00', '10:00'), slot('2026-03-03', '14:00', '15:30')]],
    bad: [
      [slot('2026-03-02', '09:00', '10:00')],
      [slot('2026-03-02', '10:00', '10:00'), slot('2026-03-03', '14:00', '15:00')],
      [slot('2026-02-30', '09:00', '10:00'), slot('2026-03-03', '14:00', '15:00')],
      [{ date: '2026-03-02', from: '09:00' }, slot('2026-03-03', '14:00', '15:00')],
      [slot('2026-03-01', '09:00', '10:00'), slot('2026-03-02', '09:00', '10:00'), slot('2026-03-03', '09:00', '10:00'), slot('2026-03-04', '09:00', '10:00')],
    ],
  },
  school: { good: ['org-ic-sesto-1', '01HZX3K9'], bad: ['has spaces', 'x'.repeat(101), 42] },
  signature: {
    good: [{ name: 'Samira El Idrissi', confirmed: true }],
    bad: [{ name: 'Samira', confirmed: false }, { name: '  ', confirmed: true }, { confirmed: true }, 'Samira'],
  },
};

describe('compileForm: field kinds', () => {
  for (const [key, { good, bad }] of Object.entries(CASES)) {
    test(`${key} accepts good values and rejects bad ones`, () => {
      for (const value of good) accept({ [key]: value });
      for (const value of bad) {
        const errors = reject({ [key]: value });
        const paths = Object.keys(errors);
        assert.ok(
          paths.some((p) => p === key || p.startsWith(`${key}.`)),
          `${key} = ${JSON.stringify(value)} should fail at ${key}, got ${JSON.stringify(errors)}`,
        );
        assert.ok(
          paths.every((p) => p === key || p.startsWith(`${key}.`)),
          `${key} = ${JSON.stringify(value)} should fail only at ${key}, got ${JSON.stringify(errors)}`,
        );
      }
    });
  }

  test('the same schema object is returned for the same definition', () => {
    assert.equal(compileForm(KITCHEN_SINK), compileForm(KITCHEN_SINK));
  });

  test('the compiled schema is a zod/mini schema usable on its own', () => {
    const schema = compileForm(KITCHEN_SINK);
    assert.ok(schema instanceof z.ZodMiniType);
    assert.equal(schema.safeParse({ ...MINIMAL }).success, true);
    assert.equal(schema.safeParse({}).success, false);
  });
});

describe('compileForm: cleaning', () => {
  test('strings are trimmed', () => {
    const data = accept({ teacher: '  Giulia Bianchi \n', language: { code: ' ara ', variety: ' Darija ' } });
    assert.equal(data['teacher'], 'Giulia Bianchi');
    assert.deepEqual(data['language'], { code: 'ara', variety: 'Darija' });
  });

  test('a blank string counts as missing', () => {
    assert.match(reject({ teacher: '   ' })['teacher'] ?? '', /campo obbligatorio/);
    const data = accept({ notes: '  ', language: { code: 'ara', variety: '' } });
    assert.equal('notes' in data, false);
    assert.deepEqual(data['language'], { code: 'ara' });
  });

  test('null and empty lists count as missing', () => {
    const data = accept({ notes: null, topics: [], slots: [] });
    assert.equal('notes' in data, false);
    assert.equal('topics' in data, false);
    assert.equal('slots' in data, false);
  });

  test('unknown keys are rejected at their own path, also inside items', () => {
    const errors = reject({
      hacker: 1,
      beneficiaries: [
        { role: 'genitore', citizenship: 'MA', extra: 'x' },
        { role: 'genitore', citizenship: 'MA' },
      ],
    });
    assert.equal(errors['hacker'], 'hacker: campo non previsto da questo modulo.');
    assert.equal(errors['beneficiaries.0.extra'], 'Beneficiario n. 1 — extra: campo non previsto da questo modulo.');
  });

  test('a derived flag is not accepted as input', () => {
    const errors = reject({ citizenship: 'MA', citizenshipThirdCountry: false });
    assert.ok(errors['citizenshipThirdCountry']);
  });

  test('anything but an object is rejected as a whole', () => {
    for (const input of [null, 5, 'x', [MINIMAL]]) {
      const result = validateSubmission(KITCHEN_SINK, input, 'en');
      assert.deepEqual(result, { ok: false, fieldErrors: { '': 'Invalid data.' } });
    }
  });

  test('the input object is not modified', () => {
    const input = { ...MINIMAL, teacher: ' Rossi ', urgencyReason: 'stale' };
    const copy = structuredClone(input);
    accept(input);
    assert.deepEqual(input, copy);
  });
});

describe('compileForm: derived third-country flag', () => {
  test('a single country field gets <key>ThirdCountry in the output', () => {
    assert.equal(accept({ citizenship: 'MA' })['citizenshipThirdCountry'], true);
    assert.equal(accept({ citizenship: 'RO' })['citizenshipThirdCountry'], false);
    assert.equal(accept({ citizenship: 'IT' })['citizenshipThirdCountry'], false);
    assert.equal(accept({ citizenship: 'CH' })['citizenshipThirdCountry'], true);
    assert.equal(accept({ citizenship: 'XX' })['citizenshipThirdCountry'], true);
  });

  test('no flag without a value, nor for multiple country fields', () => {
    const data = accept({ countries: ['MA'] });
    assert.equal('citizenshipThirdCountry' in data, false);
    assert.equal('countriesThirdCountry' in data, false);
  });

  test('group items get the flag too', () => {
    const data = accept({
      beneficiaries: [
        { role: 'genitore', citizenship: 'EG' },
        { role: 'genitore', citizenship: 'FR' },
      ],
    });
    assert.deepEqual(data['beneficiaries'], [
      { role: 'genitore', citizenship: 'EG', citizenshipThirdCountry: true },
      { role: 'genitore', citizenship: 'FR', citizenshipThirdCountry: false },
    ]);
  });
});

describe('compileForm: conditions', () => {
  test('a hidden field is not required and its value is dropped', () => {
    const data = accept({ urgency: 'ordinaria', urgencyReason: 'stale text' });
    assert.equal('urgencyReason' in data, false);
  });

  test('a hidden field is dropped before its type is checked', () => {
    const data = accept({ urgency: 'ordinaria', urgencyReason: { not: 'a string' } });
    assert.equal('urgencyReason' in data, false);
  });

  test('a shown field is required', () => {
    const errors = reject({ urgency: 'urgente' });
    assert.deepEqual(errors, { urgencyReason: 'Motivo dell’urgenza: campo obbligatorio.' });
    assert.equal(accept({ urgency: 'urgente', urgencyReason: 'Colloquio domani' })['urgencyReason'], 'Colloquio domani');
  });

  test('includes shows a field when a multi-valued field contains the value', () => {
    assert.ok(reject({ topics: ['a', 'altro'] })['topicOther']);
    accept({ topics: ['a', 'b'], topicOther: 'dropped' });
  });

  test('a field inside a hidden section is hidden', () => {
    const data = accept({ mode: 'presenza', link: 'https://meet.example/x' });
    assert.equal('link' in data, false);
    assert.ok(reject({ mode: 'video' })['link']);
  });

  test('conditions inside a group resolve against the same item', () => {
    const errors = reject({
      beneficiaries: [
        { role: 'alunno', citizenship: 'MA' },
        { role: 'genitore', citizenship: 'MA', classYear: 3 },
      ],
    });
    assert.deepEqual(Object.keys(errors), ['beneficiaries.0.classYear']);
    const data = accept({
      beneficiaries: [
        { role: 'alunno', citizenship: 'MA', classYear: 2 },
        { role: 'genitore', citizenship: 'MA', classYear: 3 },
      ],
    });
    assert.deepEqual(
      (data['beneficiaries'] as Record<string, unknown>[]).map((b) => b['classYear']),
      [2, undefined],
    );
  });

  test('isFieldVisible and visibleFields follow the same rules for widgets', () => {
    const draft = { mode: 'video', urgency: 'ordinaria', beneficiaries: [{ role: 'alunno' }, { role: 'genitore' }] };
    assert.equal(isFieldVisible(KITCHEN_SINK, 'link', draft), true);
    assert.equal(isFieldVisible(KITCHEN_SINK, 'urgencyReason', draft), false);
    assert.equal(isFieldVisible(KITCHEN_SINK, 'beneficiaries.0.classYear', draft), true);
    assert.equal(isFieldVisible(KITCHEN_SINK, 'beneficiaries.1.classYear', draft), false);
    const visible = visibleFields(KITCHEN_SINK, draft);
    assert.ok(visible.includes('link'));
    assert.ok(!visible.includes('urgencyReason'));
    assert.ok(visible.includes('beneficiaries.0.classYear'));
    assert.ok(!visible.includes('beneficiaries.1.classYear'));
  });
});

describe('compileForm: groups', () => {
  const person = { role: 'genitore', citizenship: 'MA' };

  test('bounds are enforced', () => {
    assert.match(reject({ beneficiaries: [person] })['beneficiaries'] ?? '', /minimo 2/);
    assert.match(reject({ beneficiaries: [person, person, person, person] })['beneficiaries'] ?? '', /massimo 3/);
    accept({ beneficiaries: [person, person, person] });
  });

  test('required children are required in every item', () => {
    const errors = reject({ beneficiaries: [person, { role: 'genitore' }] }, 'it');
    assert.deepEqual(errors, { 'beneficiaries.1.citizenship': 'Beneficiario n. 2 — Cittadinanza: campo obbligatorio.' });
    const en = reject({ beneficiaries: [person, { role: 'genitore' }] }, 'en');
    assert.deepEqual(en, { 'beneficiaries.1.citizenship': 'Beneficiary no. 2 — Citizenship: this field is required.' });
  });

  test('an item must be an object', () => {
    assert.ok(reject({ beneficiaries: [person, 'x'] })['beneficiaries.1']);
  });
});

describe('compileForm: required kinds', () => {
  test('a required consent must be true', () => {
    const expected = 'Informativa letta: è necessario confermare per procedere.';
    assert.equal(reject({ privacy: false })['privacy'], expected);
    assert.equal(reject({ privacy: undefined })['privacy'], expected);
    assert.ok(reject({ privacy: 'true' })['privacy']);
  });

  test('a required likert matrix needs every row', () => {
    const errors = reject({ matrix: { speed: 3 } });
    assert.deepEqual(errors, { 'matrix.quality': 'Valutazione — Qualità: campo obbligatorio.' });
    assert.ok(reject({ matrix: {} })['matrix']);
  });
});

describe('compileForm: cross-field checks', () => {
  test('a temporal comparison', () => {
    accept({ start: '09:00', end: '10:00' });
    assert.equal(reject({ start: '09:00', end: '09:00' })['end'], 'Fine: deve essere successivo a «Inizio».');
    assert.equal(reject({ start: '09:00', end: '08:00' }, 'en')['end'], 'End: must be later than “Start”.');
  });

  test('skipped when either side is empty', () => {
    accept({ end: '08:00' });
  });

  test('lte within each group item', () => {
    const ok = { role: 'genitore', citizenship: 'MA', siblings: 2, siblingsAtSchool: 2 };
    accept({ beneficiaries: [ok, ok] });
    const errors = reject({ beneficiaries: [ok, { ...ok, siblingsAtSchool: 3 }] });
    assert.deepEqual(errors, {
      'beneficiaries.1.siblingsAtSchool': 'Beneficiario n. 2 — Fratelli a scuola: non può superare «Fratelli».',
    });
  });

  test('a check with its own message', () => {
    assert.equal(reject({ count: 2, hours: 3 })['hours'], 'Ore: le ore non possono superare «Numero».');
    assert.equal(reject({ count: 2, hours: 3 }, 'en')['hours'], 'Hours: hours cannot exceed “Count”.');
  });

  test('all problems are reported together, type errors and missing fields alike', () => {
    const errors = reject({ teacher: undefined, count: 'three', start: '10:00', end: '09:00', hacker: true });
    assert.deepEqual(Object.keys(errors).sort(), ['count', 'end', 'hacker', 'teacher']);
  });
});

describe('validateSubmission: messages', () => {
  test('Italian and English messages name the field', () => {
    assert.deepEqual(reject({ teacher: undefined }, 'it'), { teacher: 'Docente richiedente: campo obbligatorio.' });
    assert.deepEqual(reject({ teacher: undefined }, 'en'), { teacher: 'Requesting teacher: this field is required.' });
  });

  test('each kind of problem has its own message in both languages', () => {
    const expectations: [Record<string, unknown>, string, string, string][] = [
      [{ teacher: 'R' }, 'teacher', 'Docente richiedente: testo troppo corto (minimo 2 caratteri).', 'Requesting teacher: too short (at least 2 characters).'],
      [{ teacher: 'x'.repeat(21) }, 'teacher', 'Docente richiedente: testo troppo lungo (massimo 20 caratteri).', 'Requesting teacher: too long (at most 20 characters).'],
      [{ teacher: 3 }, 'teacher', 'Docente richiedente: deve essere un testo.', 'Requesting teacher: must be text.'],
      [{ count: 0 }, 'count', 'Numero: il valore minimo è 1.', 'Count: must be at least 1.'],
      [{ count: 11 }, 'count', 'Numero: il valore massimo è 10.', 'Count: must be at most 10.'],
      [{ count: 1.5 }, 'count', 'Numero: deve essere un numero intero.', 'Count: must be a whole number.'],
      [{ hours: 8.5 }, 'hours', 'Ore: il valore massimo è 8.', 'Hours: must be at most 8.'],
      [{ email: 'x' }, 'email', 'E-mail: indirizzo e-mail non valido.', 'E-mail: invalid e-mail address.'],
      [{ phone: 'x' }, 'phone', 'Telefono: numero di telefono non valido.', 'Phone: invalid phone number.'],
      [{ day: '2025-02-30' }, 'day', 'Giorno: data non valida.', 'Day: invalid date.'],
      [{ day: '2025-08-01' }, 'day', 'Giorno: non può essere prima di 1 settembre 2025.', 'Day: must not be before September 1, 2025.'],
      [{ start: '25:00' }, 'start', 'Inizio: ora non valida.', 'Start: invalid time.'],
      [{ when: '2026-01-01' }, 'when', 'Quando: data e ora non valide.', 'When: invalid date and time.'],
      [{ code: 'x' }, 'code', 'Codice: formato non valido.', 'Code: invalid format.'],
      [{ mode: 'x' }, 'mode', 'Modalità: scelta non valida.', 'Mode: not one of the available choices.'],
      [{ topics: ['a'] }, 'topics', 'Argomenti: troppo poche scelte (minimo 2).', 'Topics: too few choices (at least 2).'],
      [{ topics: ['a', 'b', 'c', 'altro'], topicOther: 'x' }, 'topics', 'Argomenti: troppe scelte (massimo 3).', 'Topics: too many choices (at most 3).'],
      [{ agree: 'yes' }, 'agree', 'D’accordo: deve essere sì o no.', 'Agree: must be yes or no.'],
      [{ rating: 5 }, 'rating', 'Voto: scegliere un valore da 1 a 4.', 'Rating: choose a value from 1 to 4.'],
      [{ citizenship: 'ZZ' }, 'citizenship', 'Cittadinanza: paese non valido.', 'Citizenship: unknown country.'],
      [{ language: { code: 'xx' } }, 'language.code', 'Lingua: codice lingua non valido (ISO 639-3).', 'Language: invalid language code (ISO 639-3).'],
      [
        { slots: [slot('2026-03-02', '10:00', '09:00'), slot('2026-03-03', '09:00', '10:00')] },
        'slots.0.to',
        'Date proposte n. 1 — Alle: l\'ora di fine deve essere successiva all\'ora di inizio.',
        'Proposed dates no. 1 — To: the end time must be later than the start time.',
      ],
      [{ slots: [slot('2026-03-02', '09:00', '10:00')] }, 'slots', 'Date proposte: troppo pochi elementi (minimo 2).', 'Proposed dates: too few items (at least 2).'],
      [{ signature: { name: 'Rossi', confirmed: false } }, 'signature.confirmed', 'Firma: la firma deve essere confermata.', 'Signature: the signature must be confirmed.'],
      [{ signature: { confirmed: true } }, 'signature.name', 'Firma — Nome e cognome di chi firma: campo obbligatorio.', 'Signature — Full name of the signer: this field is required.'],
    ];
    for (const [input, path, it, en] of expectations) {
      assert.equal(reject(input, 'it')[path], it, `it, ${JSON.stringify(input)}`);
      assert.equal(reject(input, 'en')[path], en, `en, ${JSON.stringify(input)}`);
    }
  });

  test('no zod default reaches an Italian result', () => {
    const errors = reject({
      teacher: 1, code: 'x', notes: 'x'.repeat(60), email: 'x', phone: 'x', count: 'x', hours: -1, length: 1, day: 'x',
      start: 'x', end: 'x', when: 'x', mode: 'x', urgency: 'x', topics: 'x', agree: 'x', privacy: 'x', language: 'x',
      languages: 'x', citizenship: 'x', countries: 'x', level: 'x', levels: 'x', rating: 'x', plainRating: 'x', matrix: 'x',
      beneficiaries: 'x', slots: 'x', school: 1, signature: 'x', hacker: 1,
    });
    assert.ok(Object.keys(errors).length >= 30);
    for (const text of Object.values(errors)) {
      assert.doesNotMatch(text, /Invalid|expected|received|Too (big|small)/, text);
    }
  });
});

describe('translateIssues', () => {
  test('translates plain zod issues for non-form inputs', () => {
    const schema = z.strictObject({
      name: z.string().check(z.minLength(3)),
      age: z.number().check(z.gte(18)),
      tags: z.array(z.string()).check(z.maxLength(1)),
      kind: z.enum(['a', 'b']),
      mail: z.email(),
    });
    const result = schema.safeParse({ name: 'x', age: 3, kind: 'c', mail: 'x', more: 1 }, { reportInput: true });
    assert.equal(result.success, false);
    const labels: Record<string, string> = { name: 'Nome', age: 'Età' };
    const errors = translateIssues(result.error!.issues, 'it', (path) => labels[path]);
    assert.deepEqual(errors, {
      name: 'Nome: testo troppo corto (minimo 3 caratteri).',
      age: 'Età: il valore minimo è 18.',
      tags: 'Campo obbligatorio.',
      kind: 'Scelta non valida.',
      mail: 'Indirizzo e-mail non valido.',
      more: 'more: campo non previsto da questo modulo.',
    });
  });

  test('a missing value reads as required when zod reports the input', () => {
    const issues = z.strictObject({ a: z.string() }).safeParse({}, { reportInput: true }).error!.issues;
    assert.deepEqual(translateIssues(issues, 'en'), { a: 'This field is required.' });
  });

  test('the first issue of a path wins', () => {
    const errors = translateIssues(
      [
        { path: ['a'], code: 'custom', message: 'x', params: { ponte: 'error.email' } },
        { path: ['a'], code: 'custom', message: 'y', params: { ponte: 'error.phone' } },
      ] as never,
      'en',
    );
    assert.deepEqual(errors, { a: 'Invalid e-mail address.' });
  });
});

describe('withoutDerivedFields', () => {
  test('stored output validates again once its derived flags are removed', () => {
    const data = accept({
      citizenship: 'MA',
      beneficiaries: [
        { role: 'genitore', citizenship: 'EG' },
        { role: 'genitore', citizenship: 'FR' },
      ],
    });
    assert.equal(validateSubmission(KITCHEN_SINK, data, 'it').ok, false);
    const again = validateSubmission(KITCHEN_SINK, withoutDerivedFields(KITCHEN_SINK, data), 'it');
    assert.deepEqual(again, { ok: true, data });
  });
});

describe('hostile keys', () => {
  test('a __proto__ key from JSON is reported as unknown, not swallowed', () => {
    const input = JSON.parse(`{"__proto__": {"admin": true}, "teacher": "Rossi", "privacy": true, "matrix": {"speed": 1, "quality": 2}}`);
    const result = validateSubmission(KITCHEN_SINK, input, 'en');
    assert.equal(result.ok, false);
    assert.ok(!result.ok && Object.hasOwn(result.fieldErrors, '__proto__'));
    assert.equal(JSON.parse(JSON.stringify(result))['fieldErrors']['__proto__'], '__proto__: this field is not part of the form.');
  });

  test('translateIssues keeps a __proto__ path as a key', () => {
    const issues = z.strictObject({}).safeParse(JSON.parse('{"__proto__": 1}')).error!.issues;
    const errors = translateIssues(issues, 'it');
    assert.deepEqual(Object.keys(errors), ['__proto__']);
  });
});

describe('control characters', () => {
  test('free text refuses control characters but keeps line breaks, tabs and any script', () => {
    for (const value of ['a\u0000b', 'a\u001b[31m', 'a\u007f']) {
      assert.equal(reject({ teacher: value }, 'en')['teacher'], 'Requesting teacher: contains characters that are not allowed.');
    }
    assert.ok(reject({ language: { code: 'ara', variety: 'Dar\u0000ija' } })['language.variety']);
    assert.equal(accept({ notes: 'riga uno\nriga due\tfine' })['notes'], 'riga uno\nriga due\tfine');
    assert.equal(accept({ teacher: 'محمد علي' })['teacher'], 'محمد علي');
    assert.equal(accept({ teacher: '王小明' })['teacher'], '王小明');
  });

  test('an unknown key is named without its control or bidi characters', () => {
    const errors = reject({ ['a\u0000\u202eb']: 1 }, 'en');
    assert.equal(errors['a\u0000\u202eb'], 'a\ufffd\ufffdb: this field is not part of the form.');
  });
});
