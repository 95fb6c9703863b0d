import ical, { ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import { summaryOf, type FeedEvent } from '../../src/calendar-feeds/ical-calendar.js';

/**
 * A feed as ical-generator wrote it before the feeds wrote their own text:
 * Luxon values in the tenant zone, an event-level timezone, a UTC stamp,
 * and the zone's VTIMEZONE put before the events. The reference the direct
 * writer is held to (ical-text.test.ts), and the peer it is measured against
 * (bench/feeds.bench.ts).
 */
export function icalGeneratorCalendar(input: { name: string; zone: string; host: string; events: FeedEvent[] }): string {
  const cal = ical({ name: input.name, prodId: { company: 'Ponte', product: 'mediazione', language: 'IT' } });
  for (const e of input.events) {
    cal.createEvent({
      id: `${e.id}@${input.host}`,
      sequence: e.sequence,
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
  const at = text.indexOf('BEGIN:VEVENT');
  const end = at >= 0 ? at : text.indexOf('END:VCALENDAR');
  return `${text.slice(0, end)}${vtimezone}\r\n${text.slice(end)}`;
}
