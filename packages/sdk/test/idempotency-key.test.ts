import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newIdempotencyKey } from '@ponte/sdk';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
// What submissions.submit accepts as an idempotency key.
const SERVER_PATTERN = /^[A-Za-z0-9._:-]{8,100}$/;

test('newIdempotencyKey gives a fresh UUID the server accepts', () => {
  const keys = new Set(Array.from({ length: 200 }, () => newIdempotencyKey()));
  assert.equal(keys.size, 200);
  for (const key of keys) {
    assert.match(key, UUID_V4);
    assert.match(key, SERVER_PATTERN);
  }
});

test('newIdempotencyKey works without crypto.randomUUID (a page on plain http)', () => {
  const original = Object.getOwnPropertyDescriptor(globalThis, 'crypto')!;
  const real = globalThis.crypto;
  Object.defineProperty(globalThis, 'crypto', {
    configurable: true,
    value: { getRandomValues: (array: Uint8Array) => real.getRandomValues(array) },
  });
  try {
    const a = newIdempotencyKey();
    const b = newIdempotencyKey();
    assert.match(a, UUID_V4);
    assert.notEqual(a, b);
  } finally {
    Object.defineProperty(globalThis, 'crypto', original);
  }
});
