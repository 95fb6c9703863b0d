// Prints a feed built from fixed events: ical.test.ts runs it under several
// TZ values and compares, since ical-generator's output once depended on the
// server process's zone (the NOTE of buildCalendar, src/calendar-feeds/ical-calendar.ts).
import { buildCalendar } from '../../src/calendar-feeds/ical-calendar.js';

process.stdout.write(
  buildCalendar({
    name: 'probe',
    zone: 'Europe/Rome',
    host: 'ponte.test',
    events: [
      { id: 'winter', organisationName: 'IC Manzoni', mediatorName: 'M', startsAt: '2027-01-11T08:00:00.000Z', endsAt: '2027-01-11T09:00:00.000Z', mode: 'in_person', place: 'Aula 3B', caseCode: 'MZ-1', status: 'scheduled', sequence: 0, updatedAt: '2026-11-01T10:00:00.000Z' },
      { id: 'summer', organisationName: 'IC Manzoni', mediatorName: 'M', startsAt: '2027-03-29T07:00:00.000Z', endsAt: '2027-03-29T08:00:00.000Z', mode: 'video', place: '', caseCode: 'MZ-2', status: 'cancelled', sequence: 2, updatedAt: '2026-11-02T10:00:00.000Z' },
    ],
  }),
);
