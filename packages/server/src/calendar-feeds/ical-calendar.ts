import { APPOINTMENT_MODE_LABELS } from '@ponte/forms';
import ical, { ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import type { AppointmentMode } from '../db/database.js';

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

/**
 * The iCalendar text of a feed. Events carry DTSTART;TZID=<zone> with local
 * times and a VTIMEZONE for the zone.
 *
 * NOTE: ical-generator 10 formats a plain Date in the server process's zone,
 * and a calendar-level `timezone()` makes it write every DTSTART floating and
 * DTSTAMP without its Z (test/calendar-feeds/ical.test.ts runs ical-tz-probe.ts
 * under several TZ values and compares). So events get Luxon
 * values already set to the tenant zone plus an event-level `timezone` (which
 * it writes as TZID=… with the right wall-clock), DTSTAMP stays UTC, and the
 * VTIMEZONE block from timezones-ical-library is inserted into the text here
 * rather than through `calendar.timezone()`.
 */
export function buildCalendar(input: { name: string; zone: string; host: string; events: FeedEvent[] }): string {
  const cal = ical({ name: input.name, prodId: { company: 'Ponte', product: 'mediazione', language: 'IT' } });
  for (const e of input.events) {
    cal.createEvent({
      id: `${e.id}@${input.host}`,
      sequence: e.sequence,
      // Stamped with the last change, so that an unchanged feed is byte-for-byte the same (ETag).
      stamp: DateTime.fromISO(e.updatedAt, { zone: 'utc' }).toJSDate(),
      start: DateTime.fromISO(e.startsAt, { zone: input.zone }),
      end: DateTime.fromISO(e.endsAt, { zone: input.zone }),
      timezone: input.zone,
      summary: summaryOf(e),
      location: e.mode === 'in_person' ? e.place : null,
      description: e.mediatorName ? `Mediatore/mediatrice: ${e.mediatorName}` : 'Senza mediatore',
      status: e.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  const text = cal.toString();
  const block = tzlib_get_ical_block(input.zone);
  const vtimezone = (Array.isArray(block) ? block[0] : '')!.replace(/\r?\n/g, '\r\n').replace(/\r\n$/, '');
  if (!vtimezone) return text;
  // RFC 5545 §3.6.5: VTIMEZONE is a calendar component, placed before the events that use it.
  const at = text.indexOf('BEGIN:VEVENT');
  const end = at >= 0 ? at : text.indexOf('END:VCALENDAR');
  return `${text.slice(0, end)}${vtimezone}\r\n${text.slice(end)}`;
}
