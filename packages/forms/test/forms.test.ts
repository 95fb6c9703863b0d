import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  FORM_IDS,
  LOCALES,
  SAMPLE_SUBMISSIONS,
  checkDefinition,
  getForm,
  isFieldVisible,
  listFormVersions,
  listForms,
  validateSubmission,
  type FieldDefinition,
  type FormDefinition,
  type FormId,
} from '../src/index.js';

function form(id: FormId, version?: number): FormDefinition {
  const def = getForm(id, version);
  assert.ok(def, `form ${id} is registered`);
  return def;
}

function sample(id: FormId): Record<string, unknown> {
  return structuredClone(SAMPLE_SUBMISSIONS[id]) as Record<string, unknown>;
}

function accepted(id: FormId, data: Record<string, unknown>): Record<string, unknown> {
  const result = validateSubmission(form(id), data, 'it');
  assert.ok(result.ok, `${id} should accept, got ${JSON.stringify(result)}`);
  return result.data;
}

function errorsOf(id: FormId, data: Record<string, unknown>, locale: 'it' | 'en' = 'it'): Record<string, string> {
  const result = validateSubmission(form(id), data, locale);
  assert.equal(result.ok, false, `${id} should reject ${JSON.stringify(data)}`);
  return result.ok ? {} : result.fieldErrors;
}

const allFields = (def: FormDefinition): FieldDefinition[] => def.sections.flatMap((s) => s.fields);

/** the paths of the required fields that the sample shows, group children of the first item included */
function requiredPaths(def: FormDefinition, data: Record<string, unknown>): string[] {
  const paths: string[] = [];
  for (const field of allFields(def)) {
    if (!isFieldVisible(def, field.key, data)) continue;
    if (field.required) paths.push(field.key);
    if (field.kind === 'group' && Array.isArray(data[field.key])) {
      for (const child of field.fields) {
        const path = `${field.key}.0.${child.key}`;
        if (child.required && isFieldVisible(def, path, data)) paths.push(path);
      }
    }
  }
  return paths;
}

function without(data: Record<string, unknown>, path: string): Record<string, unknown> {
  const copy = structuredClone(data);
  const [key = '', index, child] = path.split('.');
  if (index === undefined || child === undefined) delete copy[key];
  else delete (copy[key] as Record<string, unknown>[])[Number(index)]![child];
  return copy;
}

describe('registry', () => {
  test('the six forms, newest version each', () => {
    const forms = listForms();
    assert.deepEqual(forms.map((f) => f.id).sort(), [...FORM_IDS].sort());
    assert.deepEqual(
      forms.map((f) => [f.id, f.annex]).sort(),
      [
        ['ethnoclinical-request', 'A.5'],
        ['school-questionnaire', 'Q'],
        ['school-report', 'A.2'],
        ['school-request', 'A.1'],
        ['service-report', 'A.4'],
        ['service-request', 'A.3'],
      ],
    );
    for (const def of forms) assert.equal(def, getForm(def.id));
  });

  test('versions', () => {
    // The reports gained countable beneficiary rows in version 2; the others are as first released.
    const newest: Record<string, number> = { 'school-report': 2, 'service-report': 2 };
    for (const id of FORM_IDS) {
      const last = newest[id] ?? 1;
      assert.deepEqual(listFormVersions(id), Array.from({ length: last }, (_, i) => i + 1));
      assert.equal(getForm(id, 1)?.version, 1);
      assert.equal(getForm(id)?.version, last);
      assert.equal(getForm(id, last + 1), undefined);
    }
    assert.equal(getForm('no-such-form'), undefined);
    assert.deepEqual(listFormVersions('no-such-form'), []);
  });

  test('released definitions cannot be changed at run time', () => {
    const def = form('school-request');
    assert.ok(Object.isFrozen(def));
    assert.ok(Object.isFrozen(def.sections[0]!.fields[0]));
    assert.throws(() => {
      (def as { version: number }).version = 2;
    }, TypeError);
  });

  test('who fills what', () => {
    assert.equal(form('school-report').filledBy, 'mediator');
    assert.equal(form('service-report').filledBy, 'mediator');
    for (const id of ['school-request', 'service-request', 'ethnoclinical-request', 'school-questionnaire'] as const) {
      assert.equal(form(id).filledBy, 'requester');
    }
    assert.deepEqual(
      FORM_IDS.filter((id) => form(id).specialCategory),
      ['ethnoclinical-request'],
    );
  });
});

for (const id of FORM_IDS) {
  describe(`form ${id}`, () => {
    test('is structurally sound', () => {
      assert.deepEqual(checkDefinition(form(id)), []);
    });

    test('every field carries a privacy class and both languages', () => {
      for (const field of allFields(form(id))) {
        const fields = field.kind === 'group' ? [field, ...field.fields] : [field];
        for (const f of fields) {
          assert.ok(['public', 'personal', 'minor', 'special'].includes(f.privacy), f.key);
          for (const locale of LOCALES) assert.ok(f.label[locale].trim(), `${f.key} label ${locale}`);
        }
      }
    });

    test('accepts its sample', () => {
      accepted(id, sample(id));
    });

    test('rejects the sample without each required field, at that field', () => {
      const data = sample(id);
      const paths = requiredPaths(form(id), data);
      assert.ok(paths.length >= 3, 'the sample shows required fields');
      for (const path of paths) {
        const errors = errorsOf(id, without(data, path));
        assert.ok(errors[path], `missing ${path} should be reported there, got ${JSON.stringify(errors)}`);
        assert.ok(errors[path]!.includes(':'), 'the message names the field');
      }
    });

    test('names fields in both languages', () => {
      const [path] = requiredPaths(form(id), sample(id));
      const it = errorsOf(id, without(sample(id), path!), 'it')[path!];
      const en = errorsOf(id, without(sample(id), path!), 'en')[path!];
      assert.notEqual(it, en);
    });
  });
}

describe('A.1 school request', () => {
  test('the pupil is identified by initials or a code, never the full name', () => {
    const pupilCode = allFields(form('school-request')).find((f) => f.key === 'pupilCode');
    assert.equal(pupilCode?.privacy, 'minor');
    assert.match(pupilCode?.help?.it ?? '', /Mai il nome/);
    assert.match(pupilCode?.help?.en ?? '', /Never the full name/);
  });

  test('at least two proposed slots', () => {
    const data = sample('school-request');
    data['proposedSlots'] = (data['proposedSlots'] as unknown[]).slice(0, 1);
    assert.match(errorsOf('school-request', data)['proposedSlots'] ?? '', /minimo 2/);
  });

  test('the pupil section shows only for a pupil or family intervention', () => {
    const data = sample('school-request');
    data['recipients'] = ['classe'];
    const out = accepted('school-request', data);
    assert.equal('pupilCode' in out, false);
    assert.equal('pupilCitizenshipThirdCountry' in out, false);
  });

  test('the pupil’s third-country status is derived from citizenship', () => {
    assert.equal(accepted('school-request', sample('school-request'))['pupilCitizenshipThirdCountry'], true);
    const data = { ...sample('school-request'), pupilCitizenship: 'RO' };
    assert.equal(accepted('school-request', data)['pupilCitizenshipThirdCountry'], false);
  });

  test('urgency needs a reason; "altro" needs a description', () => {
    assert.ok(errorsOf('school-request', { ...sample('school-request'), urgency: 'urgente' })['urgencyReason']);
    const data = { ...sample('school-request'), interventionTypes: ['altro'] };
    assert.ok(errorsOf('school-request', data)['interventionTypeOther']);
  });

  test('born in Italy hides the arrival date', () => {
    const data = { ...sample('school-request'), pupilBirthCountry: 'IT' };
    const out = accepted('school-request', data);
    assert.equal('arrivalDate' in out, false);
    assert.equal('newlyArrived' in out, false);
  });
});

for (const id of ['school-report', 'service-report'] as const) {
  describe(`${id}`, () => {
    test('a session not held needs a reason and the notice, and nothing about the activity', () => {
      const data = sample(id);
      data['status'] = 'annullato';
      const errors = errorsOf(id, data);
      assert.deepEqual(Object.keys(errors).sort(), ['notHeldReason', 'noticeHours']);
      const minimal = {
        sessionDate: data['sessionDate'],
        startTime: data['startTime'],
        endTime: data['endTime'],
        status: 'non-svolto',
        notHeldReason: 'altro',
        notHeldReasonOther: 'Sciopero dei trasporti',
        noticeHours: 2,
        mediatorSignature: data['mediatorSignature'],
      };
      accepted(id, minimal);
      const out = accepted(id, { ...data, ...minimal });
      assert.equal('description' in out, false);
      assert.equal('beneficiaries' in out, false);
    });

    test('the end time must follow the start time', () => {
      const errors = errorsOf(id, { ...sample(id), endTime: '09:00' });
      assert.match(errors['endTime'] ?? '', /deve essere successivo a «Ora di inizio»/);
    });

    test('the mediator signs; the referent countersigns later', () => {
      const unconfirmed = { ...sample(id), mediatorSignature: { name: 'Samira El Idrissi', confirmed: false } };
      assert.ok(errorsOf(id, unconfirmed)['mediatorSignature.confirmed']);
      const countersignature = id === 'school-report' ? 'referentSignature' : 'operatorSignature';
      const rating = id === 'school-report' ? 'referentRating' : 'serviceRating';
      const out = accepted(id, { ...sample(id), [rating]: 5 });
      assert.equal(rating in out, false, 'no rating before the countersignature');
      const signed = accepted(id, { ...sample(id), [countersignature]: { name: 'Paolo Verdi', confirmed: true }, [rating]: 5 });
      assert.equal(signed[rating], 5);
    });

    test('version 1: beneficiaries carry the derived third-country flag and are bounded', () => {
      const row = { sex: 'femmina', ageBand: '18+', citizenship: 'MA' };
      const v1 = { ...sample(id), beneficiaries: [row] };
      const out = validateSubmission(form(id, 1), v1, 'it');
      assert.ok(out.ok, JSON.stringify(out));
      for (const b of out.data['beneficiaries'] as Record<string, unknown>[]) assert.equal(b['citizenshipThirdCountry'], true);
      const many = validateSubmission(form(id, 1), { ...v1, beneficiaries: Array.from({ length: 51 }, () => row) }, 'it');
      assert.ok(!many.ok && /massimo 50/.test(many.fieldErrors['beneficiaries'] ?? ''));
    });

    test('version 2: a person’s code, every citizenship, stateless apart from unknown', () => {
      const row = (extra: Record<string, unknown>) => ({ code: 'REG-7', sex: 'femmina', ageBand: '6-10', citizenshipStatus: 'nota', citizenships: ['MA', 'IT'], ...extra });
      const rows = (...list: Record<string, unknown>[]) => ({ ...sample(id), beneficiaries: list });
      assert.deepEqual((accepted(id, rows(row({}))))['beneficiaries'], [row({})], 'two citizenships, no derived flag');
      accepted(id, rows(row({ citizenshipStatus: 'apolide', citizenships: undefined }), row({ code: '12', citizenshipStatus: 'sconosciuta', citizenships: undefined })));
      assert.ok(errorsOf(id, rows(row({ code: 'Mario Rossi' })))['beneficiaries.0.code'], 'a name is not a code');
      assert.ok(errorsOf(id, rows(row({ code: 'MR' })))['beneficiaries.0.code'], 'initials are not a code');
      assert.ok(errorsOf(id, rows(row({ code: undefined })))['beneficiaries.0.code']);
      assert.ok(errorsOf(id, rows(row({ citizenships: [] })))['beneficiaries.0.citizenships'], 'a known citizenship names a country');
      assert.ok(errorsOf(id, rows(row({ citizenships: ['XX'] })))['beneficiaries.0.citizenships.0'], 'stateless and unknown are asked apart');
      assert.ok(errorsOf(id, rows(row({ citizenships: ['MA', 'TN', 'DZ', 'EG'] })))['beneficiaries.0.citizenships'], 'at most three');
      assert.ok(errorsOf(id, rows(row({ citizenshipStatus: undefined })))['beneficiaries.0.citizenshipStatus']);
      assert.match(errorsOf(id, rows(...Array.from({ length: 51 }, () => row({}))))['beneficiaries'] ?? '', /massimo 50/);
    });
  });
}

describe('A.3 service request', () => {
  test('at least one beneficiary, each with citizenship', () => {
    assert.ok(errorsOf('service-request', { ...sample('service-request'), beneficiaries: [] })['beneficiaries']);
    const data = { ...sample('service-request'), beneficiaries: [{ sex: 'femmina', ageBand: '18+' }] };
    assert.equal(
      errorsOf('service-request', data, 'en')['beneficiaries.0.citizenship'],
      'Person no. 1 — Citizenship: this field is required.',
    );
  });
});

describe('A.5 ethnoclinical request', () => {
  test('clinical fields are special-category data', () => {
    const def = form('ethnoclinical-request');
    const notSpecial = allFields(def)
      .flatMap((f) => (f.kind === 'group' ? [f, ...f.fields.map((c) => ({ ...c, key: `${f.key}.${c.key}` }))] : [f]))
      .filter((f) => f.privacy !== 'special')
      .map((f) => f.key);
    assert.deepEqual(notSpecial.sort(), [
      'contactEmail',
      'contactPhone',
      'privacyNotice',
      'professionals',
      'professionals.role',
      'professionals.service',
      'requesterName',
      'requestingOrganisation',
      'urgency',
    ]);
  });

  test('the family’s consent and language are needed only when the family takes part', () => {
    const data = sample('ethnoclinical-request');
    delete data['familyConsent'];
    assert.ok(errorsOf('ethnoclinical-request', data)['familyConsent']);
    data['consultationType'] = 'consulenza-operatore';
    delete data['consultationLanguage'];
    accepted('ethnoclinical-request', data);
  });

  test('a case code, not names', () => {
    const fields = allFields(form('ethnoclinical-request')).map((f) => f.key);
    assert.ok(fields.includes('caseCode'));
    assert.ok(!fields.some((k) => /childName|firstName|lastName/.test(k)));
  });
});

describe('questionnaire', () => {
  const row = (i: number, patch: Record<string, unknown>) => {
    const data = sample('school-questionnaire');
    const rows = data['pupilsByLevel'] as Record<string, unknown>[];
    rows[i] = { ...rows[i], ...patch };
    return data;
  };

  test('cni never exceeds enrolled; born in Italy, nai and delayed never exceed cni', () => {
    assert.equal(
      errorsOf('school-questionnaire', row(0, { cni: 121 }))['pupilsByLevel.0.cni'],
      'Ordine di scuola n. 1 — di cui con cittadinanza non italiana: non può superare «Alunni iscritti».',
    );
    assert.ok(errorsOf('school-questionnaire', row(1, { cniBornInItaly: 122 }))['pupilsByLevel.1.cniBornInItaly']);
    assert.ok(errorsOf('school-questionnaire', row(1, { nai: 122 }))['pupilsByLevel.1.nai']);
    assert.ok(errorsOf('school-questionnaire', row(2, { cniDelayed: 81 }))['pupilsByLevel.2.cniDelayed']);
    accepted('school-questionnaire', row(2, { cniDelayed: 80, nai: 80, cniBornInItaly: 80 }));
  });

  test('exactly one row per level chosen', () => {
    const missing = sample('school-questionnaire');
    missing['levels'] = ['infanzia', 'primaria', 'secondaria-1', 'secondaria-2'];
    assert.equal(
      errorsOf('school-questionnaire', missing)['pupilsByLevel'],
      'Alunni per ordine di scuola: manca la riga per «Scuola secondaria di II grado».',
    );

    const extra = sample('school-questionnaire');
    extra['levels'] = ['infanzia', 'primaria'];
    assert.match(errorsOf('school-questionnaire', extra)['pupilsByLevel.2.level'] ?? '', /non è tra le scelte di «Ordini di scuola presenti»/);

    const twice = row(2, { level: 'primaria' });
    const errors = errorsOf('school-questionnaire', twice, 'en');
    assert.equal(errors['pupilsByLevel.2.level'], 'School level no. 3 — School level: there is more than one row for “Primary school”.');
    assert.equal(errors['pupilsByLevel'], 'Pupils by school level: the row for “Lower secondary school” is missing.');
  });

  test('0-6 services are not a level of the questionnaire', () => {
    const data = sample('school-questionnaire');
    data['levels'] = ['servizi-0-6'];
    assert.ok(errorsOf('school-questionnaire', data)['levels.0']);
  });

  test('conditional questions', () => {
    const data = { ...sample('school-questionnaire'), l2Workshops: false, receptionProtocol: false, translatedMaterials: false };
    const out = accepted('school-questionnaire', data);
    for (const key of ['l2Hours', 'receptionProtocolYear', 'translatedLanguages']) assert.equal(key in out, false, key);
    assert.ok(errorsOf('school-questionnaire', { ...sample('school-questionnaire'), familyBarriers: ['altro'], familyBarriersOther: 1 })['familyBarriersOther']);
  });

  test('yes/no questions need an answer, "no" included', () => {
    accepted('school-questionnaire', { ...sample('school-questionnaire'), interculturalCommittee: false });
    const data = sample('school-questionnaire');
    delete data['interculturalCommittee'];
    assert.ok(errorsOf('school-questionnaire', data)['interculturalCommittee']);
  });

  test('every rating row is answered, "don’t know" included', () => {
    const data = sample('school-questionnaire');
    delete (data['projectRating'] as Record<string, unknown>)['mediatorQuality'];
    assert.equal(
      errorsOf('school-questionnaire', data)['projectRating.mediatorQuality'],
      'Quanto è stato utile o soddisfacente — Qualità dei mediatori: campo obbligatorio.',
    );
  });

  test('main citizenships carry the derived flag', () => {
    const out = accepted('school-questionnaire', sample('school-questionnaire'));
    assert.deepEqual(
      (out['mainCitizenships'] as Record<string, unknown>[]).map((c) => [c['country'], c['countryThirdCountry']]),
      [['MA', true], ['EG', true], ['RO', false], ['CN', true]],
    );
  });
});
