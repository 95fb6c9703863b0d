import type { Locale } from '@ponte/forms';
import { toIso } from '../db/values.js';

/*
 * CSV files as Italian spreadsheets open them (docs/architecture.md#exports):
 * UTF-8 with a byte-order mark, so Excel reads accents right; fields
 * separated by semicolons, the separator Excel and LibreOffice expect where
 * the comma is the decimal mark; CRLF line ends (RFC 4180); numbers with the
 * locale's decimal mark, so they arrive as numbers. A field holding the
 * separator, a quote or a line break is quoted, its quotes doubled.
 */

export type Cell = string | number | null;

const SEPARATOR = ';';
const BOM = '\uFEFF';

/**
 * A text a spreadsheet would take for a formula (=, +, -, @, or a tab or
 * carriage return before one) is written after an apostrophe, which shows
 * it as text: a school's free text must not run in the coordinator's
 * spreadsheet (CSV injection).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

function cellText(cell: Cell, locale: Locale): string {
  if (cell === null) return '';
  if (typeof cell === 'number') {
    const text = Number.isInteger(cell) ? String(cell) : String(Math.round(cell * 100) / 100);
    return locale === 'it' ? text.replace('.', ',') : text;
  }
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return /[";\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The file's text: the header row, then one line per row. */
export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[], locale: Locale): string {
  const line = (cells: readonly Cell[]) => cells.map((c) => cellText(c, locale)).join(SEPARATOR);
  return BOM + [header, ...rows].map(line).join('\r\n') + '\r\n';
}

/** Minutes as the hours a file shows (the cell writes the decimal mark). */
export const hoursOf = (minutes: number): number => minutes / 60;

/** An instant's local date ("2026-11-04") and time ("09:00") in the tenant's zone, as the files write them. */
export function localStamps(timeZone: string): { date(at: Date | string): string; time(at: Date | string): string } {
  const date = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const time = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return { date: (at) => date.format(new Date(toIso(at))), time: (at) => time.format(new Date(toIso(at))) };
}
