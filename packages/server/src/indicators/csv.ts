import type { Locale } from '@ponte/forms';

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
