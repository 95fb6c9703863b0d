import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  APPOINTMENT_MODES,
  CITIZENSHIP_STATUSES,
  FORM_IDS,
  GENDERS,
  REQUEST_STATUSES,
  REQUEST_URGENCIES,
  SAMPLE_SUBMISSIONS,
  formMeaning,
  formsOfKind,
  getForm,
  listFormVersions,
  requestActionsFrom,
  roleValue,
  type BeneficiaryRoles,
  type FieldDefinition,
  type FieldKind,
  type FormDefinition,
  type ValueRole,
} from '../src/index.js';

const versions = FORM_IDS.flatMap((id) => listFormVersions(id).map((version) => getForm(id, version)!));

/** A field of the form by key: top-level, or a child of `group`. */
function fieldOf(def: FormDefinition, key: string, group?: string): FieldDefinition | undefined {
  const top = def.sections.flatMap((s) => s.fields);
  if (!group) return top.find((f) => f.key === key);
  const g = top.find((f) => f.key === group);
  return g?.kind === 'group' ? g.fields.find((f) => f.key === key) : undefined;
}

function expectField(def: FormDefinition, role: string, key: string | undefined, kinds: readonly FieldKind[], group?: string): FieldDefinition | undefined {
  if (key === undefined) return undefined;
  const f = fieldOf(def, key, group);
  const where = `${def.id}@${def.version} ${role} → ${group ? `${group}.` : ''}${key}`;
  assert.ok(f, `${where}: no such field`);
  assert.ok(kinds.includes(f.kind), `${where}: a ${f.kind} field, not ${kinds.join(' or ')}`);
  return f;
}

/** The role's field is a choice, each value it names is one of its options, and with `every` each option is named. */
function expectValues(def: FormDefinition, role: string, r: ValueRole<string> | undefined, words: readonly string[], every: boolean, group?: string): void {
  if (!r) return;
  const f = expectField(def, role, r.field, ['select', 'radio'], group);
  const options = f && 'options' in f ? f.options.map((o) => o.value) : [];
  for (const [value, word] of Object.entries(r.values)) {
    assert.ok(options.includes(value), `${def.id}@${def.version} ${role}: '${value}' is not an option of ${r.field}`);
    assert.ok(words.includes(word), `${def.id}@${def.version} ${role}: '${word}' is not one of Ponte's words`);
  }
  if (every) assert.deepEqual(options.filter((o) => !Object.hasOwn(r.values, o)), [], `${def.id}@${def.version} ${role}: options without a meaning`);
}

function expectBeneficiaries(def: FormDefinition, list: readonly BeneficiaryRoles[]): void {
  assert.ok(list.length > 0, `${def.id}@${def.version}: its FAMI beneficiaries are declared`);
  for (const b of list) {
    expectField(def, 'beneficiaries', b.group, ['group']);
    expectValues(def, 'beneficiaries.sex', b.sex, GENDERS, true, b.group);
    expectField(def, 'beneficiaries.ageBand', b.ageBand, ['select'], b.group);
    expectField(def, 'beneficiaries.birthYear', b.birthYear, ['integer'], b.group);
    expectField(def, 'beneficiaries.citizenship', b.citizenship, ['country'], b.group);
    expectField(def, 'beneficiaries.code', b.code, ['text'], b.group);
    expectValues(def, 'beneficiaries.citizenshipStatus', b.citizenshipStatus, CITIZENSHIP_STATUSES, true, b.group);
    if (b.citizenshipStatus) assert.ok(b.citizenship, `${def.id}@${def.version}: a known citizenship names its countries`);
  }
}

describe('form meaning', () => {
  test('every registered version has its meaning, and a form keeps its kind across versions', () => {
    for (const def of versions) {
      const m = formMeaning(def.id, def.version);
      assert.ok(m, `${def.id}@${def.version} has no meaning in src/meaning.ts`);
      assert.equal(m.kind, formMeaning(def.id)!.kind, `${def.id} changed kind`);
      assert.equal(m.kind === 'report', def.filledBy === 'mediator', `${def.id}@${def.version}: reports are the mediators' forms`);
    }
    assert.equal(formMeaning('school-request', 99), undefined);
    assert.equal(formMeaning('no-such-form'), undefined);
    assert.equal(formMeaning('constructor'), undefined);
    assert.deepEqual(formsOfKind(FORM_IDS, 'request'), ['school-request', 'service-request', 'ethnoclinical-request']);
    assert.deepEqual(formsOfKind(FORM_IDS, 'report'), ['school-report', 'service-report']);
  });

  test('each role names a field of its form of the right kind, each value one of its options', () => {
    for (const def of versions) {
      const m = formMeaning(def.id, def.version)!;
      if (m.kind === 'request') {
        assert.ok(['1', '2', '4'].includes(m.action));
        const language = expectField(def, 'language', m.language, ['language']);
        assert.ok(language?.kind === 'language' && !language.multiple, `${def.id}: one language asked for`);
        const others = expectField(def, 'otherLanguages', m.otherLanguages, ['language']);
        assert.ok(!others || (others.kind === 'language' && others.multiple));
        expectValues(def, 'urgency', m.urgency, REQUEST_URGENCIES, true);
        expectValues(def, 'mediatorGender', m.mediatorGender, GENDERS, false);
        expectValues(def, 'mode', m.mode, APPOINTMENT_MODES, true);
        expectField(def, 'place', m.place, ['text']);
        expectField(def, 'duration', m.duration, ['duration']);
        expectField(def, 'sessions', m.sessions, ['integer']);
        expectField(def, 'proposedSlots', m.proposedSlots, ['timeSlots']);
        expectField(def, 'caseCode', m.caseCode, ['text']);
        expectField(def, 'previousMediator', m.previousMediator, ['text']);
        expectField(def, 'need', m.need, ['textarea']);
        expectBeneficiaries(def, m.beneficiaries);
      }
      if (m.kind === 'report') {
        expectField(def, 'session.date', m.session.date, ['date']);
        expectField(def, 'session.start', m.session.start, ['time']);
        expectField(def, 'session.end', m.session.end, ['time']);
        expectValues(def, 'status', m.status, ['held', 'not_held', 'cancelled'], true);
        assert.deepEqual(Object.values(m.status.values).sort(), ['cancelled', 'held', 'not_held'], `${def.id}: one held, one not held and one cancelled value`);
        const reason = expectField(def, 'notHeld.reason', m.notHeld.reason, ['select']);
        assert.ok(reason && 'options' in reason && reason.options.some((o) => o.value === m.notHeld.byMediator), `${def.id}: '${m.notHeld.byMediator}' is a reason`);
        expectField(def, 'notHeld.noticeHours', m.notHeld.noticeHours, ['integer']);
        expectField(def, 'language', m.language, ['language']);
        expectValues(def, 'mode', m.mode, APPOINTMENT_MODES, true);
        expectField(def, 'description', m.description, ['textarea']);
        expectField(def, 'outcomeNotes', m.outcomeNotes, ['textarea']);
        expectBeneficiaries(def, m.beneficiaries);
        assert.ok(m.participants.family.length > 0, `${def.id}: the family's members are counted`);
        for (const key of m.participants.family) expectField(def, 'participants.family', key, ['integer']);
        expectField(def, 'participants.teachers', m.participants.teachers, ['integer']);
        expectField(def, 'participants.operators', m.participants.operators, ['integer']);
        expectField(def, 'rating', m.rating, ['likert']);
      }
      if (m.kind === 'questionnaire') {
        expectField(def, 'schoolYear', m.schoolYear, ['select']);
        expectField(def, 'mediationHours', m.mediationHours, ['decimal']);
      }
      if (m.kind !== 'report') {
        expectField(def, 'schoolCode', m.schoolCode, ['text']);
        expectField(def, 'site', m.site, ['text']);
      }
    }
  });

  test('reads stored values in Ponte’s words, and nothing of an unexpected shape', () => {
    const m = formMeaning('school-request', 1);
    assert.ok(m?.kind === 'request');
    const sample = SAMPLE_SUBMISSIONS['school-request'] as Record<string, unknown>;
    assert.equal(roleValue(m.mode, { ...sample, mode: 'presenza' }), 'in_person');
    assert.equal(roleValue(m.mediatorGender, { mediatorGender: 'donna' }), 'F');
    assert.equal(roleValue(m.mediatorGender, { mediatorGender: 'indifferente' }), undefined);
    assert.equal(roleValue(m.mediatorGender, { mediatorGender: 'constructor' }), undefined);
    assert.equal(roleValue(m.mode, { mode: ['presenza'] }), undefined);
    assert.equal(roleValue(undefined, { mode: 'presenza' }), undefined);
    const report = formMeaning('school-report', 1);
    assert.ok(report?.kind === 'report');
    assert.equal(roleValue(report.status, { status: 'svolto' }), 'held');
    assert.equal(roleValue(report.status, { status: 'annullato' }), 'cancelled');
  });

  test('the lifecycle offers each party its own moves', () => {
    assert.deepEqual(requestActionsFrom('received', 'reviewer'), ['review', 'cancel']);
    assert.deepEqual(requestActionsFrom('in_review', 'reviewer'), ['approve', 'reject', 'cancel']);
    assert.deepEqual(requestActionsFrom('reported', 'reviewer'), ['close']);
    assert.deepEqual(requestActionsFrom('received', 'requester'), ['withdraw']);
    for (const status of ['held', 'not_held', 'closed', 'rejected', 'withdrawn', 'cancelled'] as const) {
      assert.deepEqual(requestActionsFrom(status, 'reviewer'), [], status);
    }
    assert.equal(REQUEST_STATUSES.length, 11);
  });
});
