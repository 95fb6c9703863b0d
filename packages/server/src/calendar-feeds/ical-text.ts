/*
 * The pieces of iCalendar text (RFC 5545) that the feeds write, written the
 * way ical-generator writes them, so that a feed reads the same to every
 * calendar as it did when ical-generator wrote it: test/calendar-feeds/
 * ical-text.test.ts compares the two byte for byte.
 */

/** A TEXT value: backslash, semicolon and comma escaped, every line break as "\n" (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  if (!/[\\;,\r\n]/.test(value)) return value;
  return value.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, '\\n');
}

/** The octets a character takes in UTF-8; a surrogate pair is one character of four. */
function utf8Length(char: string): number {
  const code = char.charCodeAt(0);
  if (code < 0x80) return 1;
  if (code < 0x800) return 2;
  // A pair, or a lone surrogate (written as U+FFFD, three octets) with whatever follows it.
  if (code >= 0xd800 && code <= 0xdbff) return Buffer.byteLength(char);
  return 3;
}

const FOLD_AT = 74;

/**
 * A content line folded so that no physical line holds more than 74 octets
 * of it (RFC 5545 §3.1 allows 75), never inside a character: the rule of
 * ical-generator's foldLines. Most lines are shorter, and are answered
 * without looking at their characters one by one.
 */
export function foldLine(line: string): string {
  // Three octets at most per UTF-16 unit: a line this short cannot need a fold.
  if (line.length * 3 <= FOLD_AT || Buffer.byteLength(line) <= FOLD_AT) return line;
  let out = '';
  let octets = 0;
  for (let i = 0; i < line.length; i++) {
    let char = line.charAt(i);
    const code = char.charCodeAt(0);
    if (code >= 0xd800 && code <= 0xdbff) char += line.charAt(++i);
    const size = utf8Length(char);
    octets += size;
    if (octets > FOLD_AT) {
      out += '\r\n ';
      octets = size;
    }
    out += char;
  }
  return out;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));
const pad4 = (n: number) => String(n).padStart(4, '0');

/** The fields of `ms` read as UTC: "YYYYMMDDTHHMMSS", a DATE-TIME without its zone. */
export function dateTimeFields(ms: number): string {
  const d = new Date(ms);
  return `${pad4(d.getUTCFullYear())}${pad2(d.getUTCMonth() + 1)}${pad2(d.getUTCDate())}T${pad2(d.getUTCHours())}${pad2(d.getUTCMinutes())}${pad2(d.getUTCSeconds())}`;
}

/** An instant in UTC: "YYYYMMDDTHHMMSSZ" (DTSTAMP). */
export function utcDateTime(ms: number): string {
  return `${dateTimeFields(ms)}Z`;
}
