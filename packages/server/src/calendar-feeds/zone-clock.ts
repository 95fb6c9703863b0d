import { IANAZone } from 'luxon';
import { dateTimeFields } from './ical-text.js';

const HOUR_MS = 3_600_000;
/** Hours remembered per zone: a feed's window is some 14,000; beyond this many the zone starts afresh. */
const MAX_HOURS_PER_ZONE = 50_000;

/** Per zone, the UTC offset in minutes of each hour it is constant through; NaN for an hour a transition falls in. */
const offsetsByZone = new Map<string, Map<number, number>>();

/**
 * The wall-clock time of an instant in a zone, as DTSTART;TZID=<zone>
 * writes it ("YYYYMMDDTHHMMSS"). Asking the zone database (through Luxon,
 * as the feed always did) for every instant of 5,000 events was most of the
 * cost of a feed; an offset holds for hours at a stretch, so it is asked once
 * per hour of the clock and remembered. An hour with a transition inside is
 * asked instant by instant.
 */
export function wallClockIn(zoneName: string): (ms: number) => string {
  const zone = IANAZone.create(zoneName);
  if (!zone.isValid) throw new Error(`Unknown time zone: ${zoneName}`);
  let offsets = offsetsByZone.get(zoneName);
  if (!offsets || offsets.size > MAX_HOURS_PER_ZONE) {
    offsets = new Map();
    offsetsByZone.set(zoneName, offsets);
  }
  const hours = offsets;
  return (ms) => {
    const hour = Math.floor(ms / HOUR_MS);
    let offset = hours.get(hour);
    if (offset === undefined) {
      const first = zone.offset(hour * HOUR_MS);
      const last = zone.offset(hour * HOUR_MS + HOUR_MS - 1);
      offset = first === last ? first : Number.NaN;
      hours.set(hour, offset);
    }
    return dateTimeFields(ms + (Number.isNaN(offset) ? zone.offset(ms) : offset) * 60_000);
  };
}
