import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FORM_IDS } from '@ponte/forms';
import { canonicalJson } from '../../src/submissions/canonical-json.js';
import { sampleFor } from '../helpers/samples.js';

/*
 * The request hash of every stored submission was made from this JSON as
 * JSON.stringify wrote it with a replacer rebuilding each object from its
 * sorted entries; a retry is recognised only if its hash is the same, so
 * the direct writer must give the very same bytes.
 */
const byReplacer = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );

/** Deterministic values of every JSON shape, and some that are not JSON. */
function* values(seed: number, depth: number): Generator<unknown> {
  const keys = ['b', 'a', '10', '9', '0', '01', '-1', '1.5', '4294967295', '4294967294', 'Z', 'é', '😀', '', '__proto__', 'constructor', ' a', 'a b'];
  const scalars: unknown[] = [0, -0, 1.5, 1e21, NaN, Infinity, true, false, null, 'x', 'è\u2028"\\', undefined, () => 1];
  let n = seed;
  const next = () => (n = (n * 1103515245 + 12345) % 2147483648);
  for (let i = 0; i < 200; i++) {
    const make = (d: number): unknown => {
      const pick = next() % 10;
      if (d <= 0 || pick < 4) return scalars[next() % scalars.length];
      if (pick < 6) return Array.from({ length: next() % 4 }, () => make(d - 1));
      const object: Record<string, unknown> = {};
      for (let k = next() % 6; k > 0; k--) Object.defineProperty(object, keys[next() % keys.length]!, { value: make(d - 1), enumerable: true, writable: true, configurable: true });
      return object;
    };
    yield make(depth);
  }
}

describe('canonical JSON', () => {
  it('writes what the sorted-entries replacer wrote, for every kind of value', () => {
    let compared = 0;
    for (const value of values(7, 4)) {
      assert.equal(canonicalJson(value), byReplacer(value), JSON.stringify(value));
      compared++;
    }
    assert.equal(compared, 200);
  });

  it('writes what the replacer wrote for the sample of every form, as submit hashes it', () => {
    for (const formId of FORM_IDS) {
      const value = { formId, version: 1, organisationId: 'o-1', data: sampleFor(formId, 'o-1') };
      assert.equal(canonicalJson(value), byReplacer(value));
    }
  });

  it('sorts keys, array indexes first by number', () => {
    assert.equal(canonicalJson({ b: 1, a: [{ d: 2, c: undefined }], 10: 'x', 9: 'y' }), '{"9":"y","10":"x","a":[{"d":2}],"b":1}');
  });
});
