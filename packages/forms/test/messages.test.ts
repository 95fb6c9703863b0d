import assert from 'node:assert/strict';
import { test } from 'node:test';
import { message } from '../src/index.js';
import { MESSAGE_KEYS, messageText } from '../src/messages.js';

test('message() fills placeholders and formats numbers for the locale', () => {
  assert.equal(message('error.tooLong', 'it', { max: 200 }), 'testo troppo lungo (massimo 200 caratteri).');
  assert.equal(message('error.belowMin', 'it', { min: 1.5 }), 'il valore minimo è 1,5.');
  assert.equal(message('error.belowMin', 'en', { min: 2026 }), 'must be at least 2026.');
  assert.equal(message('ui.itemNumber', 'it', { item: 'Beneficiario', n: 2 }), 'Beneficiario n. 2');
  assert.equal(message('ui.confirmAndSend', 'it'), 'Conferma e invia');
});

test('every entry has both languages with the same placeholders', () => {
  const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  assert.ok(MESSAGE_KEYS.length > 50);
  for (const key of MESSAGE_KEYS) {
    const text = messageText(key);
    assert.ok(text.it.trim() && text.en.trim(), key);
    assert.deepEqual(placeholders(text.it), placeholders(text.en), key);
  }
});

test('error texts follow a label, so they start in lower case and end with a full stop', () => {
  for (const key of MESSAGE_KEYS.filter((k) => k.startsWith('error.'))) {
    for (const text of Object.values(messageText(key))) {
      assert.match(text, /^[a-zè“«'’]/u, `${key}: ${text}`);
      assert.match(text, /\.$/, `${key}: ${text}`);
    }
  }
});
