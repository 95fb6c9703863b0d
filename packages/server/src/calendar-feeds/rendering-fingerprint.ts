import { createHash } from 'node:crypto';
import { buildCalendar, type FeedEvent } from './ical-calendar.js';

/**
 * Events that touch every choice buildCalendar makes: each mode and status,
 * a place and none, a consultation without a mediator, text to escape, a line
 * long enough to fold, a date either side of a change of offset.
 */
const SAMPLE: FeedEvent[] = [
  { id: 'a', organisationName: 'IC «Rodari»; sede, via Ärzte', mediatorName: 'Mediatrice\\uno', startsAt: '2027-01-11T08:00:00.000Z', endsAt: '2027-01-11T09:00:00.000Z', mode: 'in_person', place: 'Aula 3B, piano 1; ingresso\nlato cortile', caseCode: 'MZ-1', status: 'scheduled', sequence: 0, updatedAt: '2026-11-01T10:00:00.000Z' },
  { id: 'b', organisationName: 'Servizi sociali', mediatorName: null, startsAt: '2027-03-28T00:30:00.000Z', endsAt: '2027-03-28T01:30:00.000Z', mode: 'video', place: '', caseCode: '', status: 'cancelled', sequence: 3, updatedAt: '2026-11-02T10:00:00.000Z' },
  { id: 'c', organisationName: 'Istituto Comprensivo con un nome tanto lungo da dover essere ripiegato 🎓', mediatorName: 'M', startsAt: '2027-07-01T07:00:00.000Z', endsAt: '2027-07-01T08:00:00.000Z', mode: 'phone', place: 'ignored', caseCode: 'EC-2', status: 'held', sequence: 1, updatedAt: '2026-11-03T10:00:00.000Z' },
  { id: 'd', organisationName: 'IC Manzoni', mediatorName: 'M', startsAt: '2027-10-31T00:30:00.000Z', endsAt: '2027-10-31T02:30:00.000Z', mode: 'in_person', place: '', caseCode: 'MZ-3', status: 'not_held', sequence: 2, updatedAt: '2026-11-04T10:00:00.000Z' },
];

let fingerprint: string | undefined;

/**
 * What this build of the server writes for a fixed calendar. A feed's
 * version names it, so that a release that writes the same schedule
 * differently (another layout, another escaping, a newer zone library) gives
 * every feed a new ETag: a calendar that polls gets the new text instead of a 304.
 */
export function renderingFingerprint(): string {
  fingerprint ??= createHash('sha256')
    .update(buildCalendar({ name: 'Ponte – sample, «one»', zone: 'Europe/Rome', host: 'fingerprint.invalid', events: SAMPLE }))
    .digest('base64url');
  return fingerprint;
}
