import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { toCsv } from '../../src/indicators/csv.js';

/* The CSV files of the indicators, read back by a real CSV parser as a spreadsheet would read them. */

const read = (text: string) => parse(text, { delimiter: ';', bom: true }) as string[][];

describe('CSV for Italian spreadsheets', () => {
  it('starts with a byte-order mark, separates by semicolons and ends lines with CRLF', () => {
    const text = toCsv(['Organizzazione', 'Ore'], [['Istituto «Manzoni»', 6.5]], 'it');
    assert.ok(text.startsWith('\uFEFF'));
    assert.equal(text, '\uFEFFOrganizzazione;Ore\r\nIstituto «Manzoni»;6,5\r\n');
    assert.deepEqual(read(text), [['Organizzazione', 'Ore'], ['Istituto «Manzoni»', '6,5']]);
  });

  it('writes decimals with the locale’s mark, rounded to hundredths, and integers as they are', () => {
    assert.deepEqual(read(toCsv(['a', 'b', 'c'], [[2.345, 12, -1.5]], 'it'))[1], ['2,35', '12', '-1,5']);
    assert.deepEqual(read(toCsv(['a', 'b', 'c'], [[2.345, 12, -1.5]], 'en'))[1], ['2.35', '12', '-1.5']);
  });

  it('keeps separators, quotes, line breaks, accents and empty cells through a round trip', () => {
    const cells = ['uno; due', 'detto "così"', 'riga\r\nseconda', 'Perché è già lì', '  spazi  ', null];
    const [, row] = read(toCsv(['a', 'b', 'c', 'd', 'e', 'f'], [cells], 'it'));
    assert.deepEqual(row, ['uno; due', 'detto "così"', 'riga\r\nseconda', 'Perché è già lì', '  spazi  ', '']);
  });

  it('writes a text a spreadsheet would run as a formula after an apostrophe', () => {
    const [, row] = read(toCsv(['a', 'b', 'c', 'd'], [['=HYPERLINK("http://x")', '+1', '@SUM(A1)', '-2']], 'it'));
    assert.deepEqual(row, ['\'=HYPERLINK("http://x")', "'+1", "'@SUM(A1)", "'-2"]);
  });
});
