import { DateTime } from 'luxon';

const DAY_MS = 86_400_000;

export interface LocalDay {
  /** 'YYYY-MM-DD' in the zone */
  date: string;
  /** ISO weekday, 1 Monday … 7 Sunday */
  weekday: number;
  /** epoch ms of local midnight, and of the next one (23 or 25 h later on a change day) */
  start: number;
  end: number;
}

/**
 * The local days of a window in one IANA zone, with wall-clock → instant
 * conversions memoised: a free-slot search over 60 mediators asks for the
 * same "09:00 on 2026-03-30" many times, and Luxon is the slow part.
 *
 * NOTE: a wall-clock time that does not exist (02:30 on 2026-03-29 in Rome,
 * inside the spring-forward gap) is read with the offset before the gap, so
 * it becomes 03:30 CEST: the rule of RFC 5545 §3.3.5, which is also what
 * Luxon does and what a calendar app shows for the same TZID time. A time
 * that occurs twice (02:30 on 2026-10-25) is taken at its first occurrence
 * (summer time), as RFC 5545 asks too; Luxon alone would take the second.
 */
export class ZoneCalendar {
  readonly zone: string;
  readonly days: LocalDay[];
  private readonly cache = new Map<string, number>();

  constructor(zone: string, from: Date, to: Date) {
    this.zone = zone;
    this.days = [];
    let day = DateTime.fromJSDate(from, { zone }).startOf('day');
    const stop = to.getTime();
    while (day.toMillis() < stop) {
      const next = day.plus({ days: 1 }).startOf('day');
      this.days.push({ date: day.toISODate()!, weekday: day.weekday, start: day.toMillis(), end: next.toMillis() });
      day = next;
    }
  }

  /** The instant of a local 'HH:MM' (or '24:00') on a local date. */
  instant(date: string, time: string): number {
    const key = `${date}T${time}`;
    let value = this.cache.get(key);
    if (value === undefined) {
      const [y, m, d] = date.split('-').map(Number) as [number, number, number];
      const [hh, mm] = time.split(':').map(Number) as [number, number];
      value =
        hh === 24
          ? DateTime.fromObject({ year: y, month: m, day: d }, { zone: this.zone }).plus({ days: 1 }).startOf('day').toMillis()
          : firstOccurrence(DateTime.fromObject({ year: y, month: m, day: d, hour: hh, minute: mm }, { zone: this.zone }));
      this.cache.set(key, value);
    }
    return value;
  }

  /** The local day an instant falls in, by binary search; undefined outside the window. */
  dayOf(t: number): LocalDay | undefined {
    let lo = 0;
    let hi = this.days.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const d = this.days[mid]!;
      if (t < d.start) hi = mid - 1;
      else if (t >= d.end) lo = mid + 1;
      else return d;
    }
    return undefined;
  }

  /** Local 'HH:MM' of an instant. */
  localTime(t: number): string {
    const day = this.dayOf(t);
    if (day && day.end - day.start === DAY_MS) {
      const minutes = Math.floor((t - day.start) / 60_000);
      return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
    }
    return DateTime.fromMillis(t, { zone: this.zone }).toFormat('HH:mm');
  }
}

/**
 * Luxon resolves a repeated wall-clock time to its later occurrence; an hour
 * earlier shows the same wall-clock when the time is repeated. (Offset
 * changes of other than one hour, Lord Howe's 30 minutes, are not handled.)
 */
function firstOccurrence(dt: DateTime): number {
  const earlier = dt.minus({ hours: 1 });
  return earlier.hour === dt.hour && earlier.minute === dt.minute && earlier.day === dt.day ? earlier.toMillis() : dt.toMillis();
}

const CACHE_SIZE = 64;
const calendars = new Map<string, ZoneCalendar>();

/**
 * A calendar for a zone and window, kept for reuse: free-slot searches of
 * a booking widget ask for the same coming weeks over and over, and a
 * calendar (days and memoised wall-clock conversions) is pure data.
 */
export function zoneCalendar(zone: string, from: Date, to: Date): ZoneCalendar {
  const key = `${zone}|${from.getTime()}|${to.getTime()}`;
  let cal = calendars.get(key);
  if (!cal) {
    cal = new ZoneCalendar(zone, from, to);
    if (calendars.size >= CACHE_SIZE) calendars.delete(calendars.keys().next().value!);
    calendars.set(key, cal);
  }
  return cal;
}

/** The local day that a local date names, in a zone. */
export function localDay(zone: string, date: string): LocalDay {
  return zoneCalendar(zone, new Date(`${date}T12:00:00Z`), new Date(`${date}T12:00:01Z`)).days[0]!;
}
