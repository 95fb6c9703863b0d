import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { COUNTRY_CODES, LANGUAGES, countryName, isEuMember, isLanguageCode, isThirdCountry, languageName } from '../src/index.js';

const EU_27 = 'AT BE BG HR CY CZ DK EE FI FR DE GR IE IT LV LT LU MT NL PL PT RO SK SI ES SE HU'.split(' ');

describe('countries', () => {
  test('the EU has exactly the 27 member states', () => {
    assert.deepEqual(COUNTRY_CODES.filter(isEuMember).sort(), [...EU_27].sort());
  });

  test('a third country is any country that is not an EU member', () => {
    for (const code of COUNTRY_CODES) assert.equal(isThirdCountry(code), !EU_27.includes(code), code);
    for (const code of ['CH', 'NO', 'IS', 'LI', 'GB', 'MA', 'AL', 'UA', 'MD', 'XK']) assert.equal(isThirdCountry(code), true, code);
  });

  test('a stateless person (XX) counts as a third-country national', () => {
    assert.ok(COUNTRY_CODES.includes('XX'));
    assert.equal(isThirdCountry('XX'), true);
    assert.equal(isEuMember('XX'), false);
  });

  test('unknown codes are neither', () => {
    for (const code of ['ZZ', 'EU', 'UK', '', 'ITA']) {
      assert.equal(isThirdCountry(code), false, code);
      assert.equal(isEuMember(code), false, code);
      assert.equal(COUNTRY_CODES.includes(code), false, code);
    }
  });

  test('the list is ISO 3166-1 alpha-2 plus XK and XX, sorted and unique', () => {
    assert.equal(COUNTRY_CODES.length, 251);
    assert.ok(COUNTRY_CODES.every((c) => /^[A-Z]{2}$/.test(c)));
    assert.deepEqual([...COUNTRY_CODES].sort(), COUNTRY_CODES);
    assert.equal(new Set(COUNTRY_CODES).size, COUNTRY_CODES.length);
  });

  test('names come from Intl', () => {
    assert.equal(countryName('MA', 'it'), 'Marocco');
    assert.equal(countryName('MA', 'en'), 'Morocco');
    assert.equal(countryName('XX', 'it'), 'Apolide o cittadinanza sconosciuta');
  });
});

describe('languages', () => {
  test('ISO 639-3 codes with varieties for the languages of Lombardy', () => {
    assert.ok(LANGUAGES.every((l) => isLanguageCode(l.code)));
    assert.equal(new Set(LANGUAGES.map((l) => l.code)).size, LANGUAGES.length);
    const varieties = (code: string) => LANGUAGES.find((l) => l.code === code)?.varieties ?? [];
    assert.ok(varieties('ara').includes('Darija'));
    assert.ok(varieties('ara').includes('Egyptian'));
    assert.ok(varieties('zho').includes('Wenzhounese'));
    assert.ok(varieties('ben').includes('Sylheti'));
  });

  test('names come from Intl', () => {
    assert.equal(languageName('ara', 'it'), 'arabo');
    assert.equal(languageName('ara', 'en'), 'Arabic');
  });
});
