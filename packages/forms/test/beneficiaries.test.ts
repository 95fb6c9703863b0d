import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { beneficiariesOf, countsForFami, formMeaning, type ReportMeaning } from '../src/index.js';

const rolesOf = (id: string, version: number) => (formMeaning(id, version) as ReportMeaning).beneficiaries;

describe('beneficiaries, read with the rules of their version', () => {
  test('version 1: one citizenship; XX (stateless or unknown) cannot be counted', () => {
    const rows = [
      { sex: 'maschio', ageBand: '6-10', citizenship: 'MA' },
      { sex: 'femmina', ageBand: '18+', citizenship: 'RO' },
      { sex: 'femmina', ageBand: '18+', citizenship: 'IT' },
      { sex: 'altro', ageBand: '14-17', citizenship: 'XX' },
      { sex: 'maschio', ageBand: '11-13', citizenship: 'CH' },
    ];
    const read = beneficiariesOf(rolesOf('school-report', 1), { beneficiaries: rows });
    assert.deepEqual(read, [
      { sex: 'M', ageBand: '6-10', citizenships: ['MA'], status: 'third_country' },
      { sex: 'F', ageBand: '18+', citizenships: ['RO'], status: 'eu' },
      { sex: 'F', ageBand: '18+', citizenships: ['IT'], status: 'eu' },
      { sex: 'X', ageBand: '14-17', citizenships: [], status: 'unknown' },
      { sex: 'M', ageBand: '11-13', citizenships: ['CH'], status: 'third_country' },
    ]);
    assert.deepEqual(read.map((b) => countsForFami(b.status)), [true, false, false, false, true]);
  });

  test('version 2: the code, every citizenship, stateless counted and unknown not', () => {
    const row = (extra: Record<string, unknown>) => ({ code: ' reg-7 ', sex: 'femmina', ageBand: '6-10', citizenshipStatus: 'nota', citizenships: ['MA'], ...extra });
    const read = beneficiariesOf(rolesOf('service-report', 2), {
      beneficiaries: [
        row({}),
        row({ citizenships: ['MA', 'IT'] }),
        row({ citizenships: ['TN', 'MA'] }),
        row({ citizenshipStatus: 'apolide', citizenships: undefined }),
        row({ citizenshipStatus: 'sconosciuta', citizenships: undefined }),
        row({ citizenshipStatus: undefined }),
      ],
    });
    assert.deepEqual(
      read.map((b) => [b.code, b.citizenships, b.status]),
      [
        ['REG-7', ['MA'], 'third_country'],
        ['REG-7', ['MA', 'IT'], 'eu'],
        ['REG-7', ['TN', 'MA'], 'third_country'],
        ['REG-7', [], 'stateless'],
        ['REG-7', [], 'unknown'],
        ['REG-7', ['MA'], 'unknown'],
      ],
    );
    assert.deepEqual(read.map((b) => countsForFami(b.status)), [true, false, true, true, false, false]);
  });

  test('data of an unexpected shape reads as nobody, or as unknown', () => {
    const roles = rolesOf('school-report', 2);
    assert.deepEqual(beneficiariesOf(roles, {}), []);
    assert.deepEqual(beneficiariesOf(roles, { beneficiaries: 'x' }), []);
    assert.deepEqual(beneficiariesOf(roles, { beneficiaries: [null, 3] }), []);
    assert.deepEqual(beneficiariesOf(roles, { beneficiaries: [{ citizenshipStatus: 'nota', citizenships: ['ZQ', 7] }] }), [{ citizenships: [], status: 'unknown' }]);
  });
});
