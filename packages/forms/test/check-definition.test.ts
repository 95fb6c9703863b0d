import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkDefinition, type FormDefinition } from '../src/index.js';
import { KITCHEN_SINK } from './kitchen-sink.fixture.js';

type Mutable = { sections: { fields: Record<string, unknown>[] }[]; checks?: unknown[] };

function broken(change: (def: Mutable) => void): string[] {
  const def = structuredClone(KITCHEN_SINK) as unknown as Mutable;
  change(def);
  return checkDefinition(def as unknown as FormDefinition);
}

const field = (def: Mutable, key: string) => def.sections.flatMap((s) => s.fields).find((f) => f['key'] === key)!;

test('the test fixture is sound', () => {
  assert.deepEqual(checkDefinition(KITCHEN_SINK), []);
});

test('finds what the types cannot hold', () => {
  const cases: [string, (def: Mutable) => void, RegExp][] = [
    ['duplicate key', (d) => d.sections[1]!.fields.push({ ...field(d, 'teacher') }), /duplicate key/],
    ['missing English', (d) => (field(d, 'teacher')['label'] = { it: 'Docente', en: '' }), /both it and en/],
    ['missing privacy', (d) => delete field(d, 'teacher')['privacy'], /privacy/],
    ['no options', (d) => (field(d, 'mode')['options'] = []), /no options/],
    ['unknown condition field', (d) => (field(d, 'urgencyReason')['when'] = { field: 'nope', equals: 'x' }), /unknown field nope/],
    ['condition on a missing option', (d) => (field(d, 'urgencyReason')['when'] = { field: 'urgency', equals: 'urgnte' }), /not one of its options/],
    ['includes on a single value', (d) => (field(d, 'urgencyReason')['when'] = { field: 'urgency', includes: 'urgente' }), /multi-valued/],
    ['unbounded group', (d) => delete field(d, 'beneficiaries')['maxItems'], /maxItems/],
    ['nested group', (d) => (field(d, 'beneficiaries')['fields'] as unknown[]).push({ ...field(d, 'beneficiaries'), key: 'inner' }), /do not nest/],
    ['no maxLength', (d) => delete field(d, 'notes')['maxLength'], /maxLength/],
    ['bad pattern', (d) => (field(d, 'code')['pattern'] = '[A-Z'), /pattern/],
    ['not camelCase', (d) => (field(d, 'notes')['key'] = 'Notes-1'), /camelCase/],
    ['derived key clash', (d) => d.sections[0]!.fields.push({ ...field(d, 'notes'), key: 'citizenshipThirdCountry' }), /derived/],
    [
      'condition cycle',
      (d) => {
        field(d, 'urgency')['when'] = { field: 'urgencyReason', filled: true };
      },
      /cycle/,
    ],
    ['check on unknown field', (d) => d.checks!.push({ kind: 'lte', field: 'count', than: 'nothing' }), /unknown field nothing/],
    ['check on text fields', (d) => d.checks!.push({ kind: 'lte', field: 'teacher', than: 'notes' }), /cannot be compared/],
    ['oneRowPer on a single value', (d) => d.checks!.push({ kind: 'oneRowPer', group: 'beneficiaries', field: 'role', source: 'mode' }), /multi-valued/],
    ['point labels mismatch', (d) => (field(d, 'rating')['pointLabels'] = [{ it: 'a', en: 'a' }]), /point label/],
  ];
  for (const [name, change, expected] of cases) {
    const problems = broken(change);
    assert.ok(problems.some((p) => expected.test(p)), `${name}: ${JSON.stringify(problems)}`);
  }
});
