import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RELEASED_FINGERPRINTS, fingerprintForm, getForm, listFormVersions, listForms } from '../src/index.js';

test('released form versions never change', () => {
  for (const [ref, fingerprint] of Object.entries(RELEASED_FINGERPRINTS)) {
    const [id = '', version] = ref.split('@');
    const def = getForm(id, Number(version));
    assert.ok(def, `${ref} is released and must stay registered`);
    assert.equal(
      fingerprintForm(def),
      fingerprint,
      `${ref} has changed since its release. Submissions already refer to it: restore it, and put the ` +
        `change in a new version (src/forms/${id}.v${Number(version) + 1}.ts, registered in form-registry.ts).`,
    );
  }
});

test('every registered version is released', () => {
  for (const def of listForms()) {
    for (const version of listFormVersions(def.id)) {
      assert.ok(
        `${def.id}@${version}` in RELEASED_FINGERPRINTS,
        `${def.id}@${version} has no fingerprint in src/released.ts: add it when the version is released`,
      );
    }
  }
});

test('the fingerprint ignores key order and sees every change', () => {
  const def = getForm('school-request')!;
  const reordered = Object.fromEntries(Object.entries(structuredClone(def)).reverse()) as typeof def;
  assert.equal(fingerprintForm(reordered), fingerprintForm(def));
  const changed = structuredClone(def) as { title: { it: string } } & typeof def;
  changed.title.it += '.';
  assert.notEqual(fingerprintForm(changed), fingerprintForm(def));
});
