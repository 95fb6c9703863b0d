import { APPOINTMENT_MODE_LABELS } from '@ponte/forms';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import type { AppointmentMode } from '../db/database.js';
import { escapeText, foldLine, utcDateTime } from './ical-text.js';
import { wallClockIn } from './zone-clock.js';

/**
 * Only appointment columns go into an event: organisation, mode, place, case
 * code, mediator name. Never submission data, so nothing of a minor or of a
 * special-category field (A.1 pupil codes, A.5 content) can reach a calendar.
 */
export interface FeedEvent {
  id: string;
  organisationName: string;
  /** null: a consultation held by the clinicians without a mediator */
  mediatorName: string | null;
  startsAt: string;
  endsAt: string;
  mode: AppointmentMode;
  place: string;
  caseCode: string;
  status: 'scheduled' | 'cancelled' | 'held' | 'not_held';
  sequence: number;
  updatedAt: string;
}

/** The mode inside the summary, in Italian as the rest of it: the shared label, first letter lower-cased («in presenza»). */
function modeLabel(mode: AppointmentMode): string {
  const label = APPOINTMENT_MODE_LABELS[mode].it;
  return label.charAt(0).toLocaleLowerCase('it') + label.slice(1);
}

export function summaryOf(e: Pick<FeedEvent, 'organisationName' | 'mode' | 'caseCode'>): string {
  return ['Mediazione', e.organisationName, modeLabel(e.mode), e.caseCode].filter(Boolean).join(' · ');
}

const vtimezones = new Map<string, string>();

/** The zone's VTIMEZONE block from timezones-ical-library, CRLF line ends, no final one; '' for a zone it does not know. */
export function vtimezoneOf(zone: string): string {
  let block = vtimezones.get(zone);
  if (block === undefined) {
    const found = tzlib_get_ical_block(zone);
    block = (Array.isArray(found) ? (found[0] ?? '') : '').replace(/\r?\n/g, '\r\n').replace(/\r\n$/, '');
    vtimezones.set(zone, block);
  }
  return block;
}

/**
 * A DATE-TIME in the zone, with what comes between the property's name and
 * it: ";TZID=<zone>:" and the wall-clock time, or, for UTC, ":" and the time
 * with its Z, as ical-generator wrote it.
 */
function localTimeIn(zone: string): (ms: number) => string {
  if (zone === 'UTC') return (ms) => `:${utcDateTime(ms)}`;
  const wallClock = wallClockIn(zone);
  const tzid = `;TZID=${zone}:`;
  return (ms) => `${tzid}${wallClock(ms)}`;
}

/**
 * The calendar's name as ical-generator wrote it, unescaped, which is how
 * calendars have read it; but a line break, which would end the line and let
 * the rest of the name be read as properties of its own, becomes a space.
 */
function calendarName(name: string): string {
  return name.replace(/\r\n|\r|\n/g, ' ');
}

/**
 * The iCalendar text of a feed. Events carry DTSTART;TZID=<zone> with local
 * times, and the zone's VTIMEZONE comes before them (RFC 5545 §3.6.5);
 * DTSTAMP is the last change, in UTC, so an unchanged schedule writes the
 * same bytes.
 *
 * Written here line by line rather than through ical-generator, which took
 * seconds for 5,000 events (a Luxon value per date, a TextEncoder per
 * character when folding); the text is the one ical-generator wrote for
 * these events (test/calendar-feeds/ical-text.test.ts holds the two side by
 * side), but for a line break in the calendar's name (calendarName).
 * Times never depend on the server process's zone: instants are read as
 * epoch milliseconds and set in the tenant zone by zone-clock.ts.
 */
export function buildCalendar(input: { name: string; zone: string; host: string; events: FeedEvent[] }): string {
  const at = localTimeIn(input.zone);
  const name = calendarName(input.name);
  const lines: string[] = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Ponte//mediazione//IT', foldLine(`NAME:${name}`), foldLine(`X-WR-CALNAME:${name}`)];
  const vtimezone = vtimezoneOf(input.zone);
  if (vtimezone) lines.push(vtimezone);
  for (const e of input.events) {
    lines.push(
      'BEGIN:VEVENT',
      foldLine(`UID:${e.id}@${input.host}`),
      `SEQUENCE:${e.sequence}`,
      `DTSTAMP:${utcDateTime(Date.parse(e.updatedAt))}`,
      foldLine(`DTSTART${at(Date.parse(e.startsAt))}`),
      foldLine(`DTEND${at(Date.parse(e.endsAt))}`),
      foldLine(`SUMMARY:${escapeText(summaryOf(e))}`),
    );
    if (e.mode === 'in_person' && e.place) lines.push(foldLine(`LOCATION:${escapeText(e.place)}`));
    lines.push(
      foldLine(`DESCRIPTION:${escapeText(e.mediatorName ? `Mediatore/mediatrice: ${e.mediatorName}` : 'Senza mediatore')}`),
      e.status === 'cancelled' ? 'STATUS:CANCELLED' : 'STATUS:CONFIRMED',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.join('\r\n');
}
