import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ICAL from 'ical.js';
import { buildCalendar, summaryOf, type FeedEvent } from '../../src/calendar-feeds/ical-calendar.js';
import { foldLine } from '../../src/calendar-feeds/ical-text.js';
import { icalGeneratorCalendar } from './ical-generator-calendar.js';

/*
 * The feeds write their iCalendar text themselves. Held here to the text
 * ical-generator wrote for the same events, byte for byte, so that every
 * calendar reads a feed as it did; and read back with ical.js.
 */

const NAMES = [
  'IC Manzoni',
  'Istituto Comprensivo «Gianni Rodari», plesso di via Ärzte; sede 2',
  'Servizi sociali \\ Tutela minori\nsecondo rigo\r\nterzo\rquarto',
  '日本語の学校名前がとても長い場合のテストです日本語の学校名前がとても長い場合',
  'Emoji 🎓🎓🎓🎓🎓🎓🎓🎓🎓🎓🎓🎓🎓🎓🎓🎓🎓🎓🎓🎓🎓🎓🎓 school',
  `Scuola ${'é'.repeat(33)}x${'🎓'.repeat(3)}`,
];

/** Events across every mode and status, with text to escape, lines to fold at every offset, and both sides of each change of offset. */
function trickyEvents(count: number): FeedEvent[] {
  const base = Date.UTC(2026, 8, 1, 0, 30);
  return Array.from({ length: count }, (_, i) => {
    const start = base + i * 7_300_000 + (i % 7) * 1000;
    return {
      id: `e${i}-${'x'.repeat(i % 50)}`,
      organisationName: NAMES[i % NAMES.length]!,
      mediatorName: i % 11 === 0 ? null : `Mediatrice ${'ñ'.repeat(i % 40)};${i % 3 ? ',' : '\\'}`,
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(start + 3_600_000).toISOString(),
      mode: (['in_person', 'video', 'phone'] as const)[i % 3]!,
      place: i % 6 === 0 ? '' : `Aula ${i}; piano, 2 — ${'x'.repeat(i % 90)}`,
      caseCode: i % 5 ? `MZ-${i}` : '',
      status: (['scheduled', 'cancelled', 'held', 'not_held'] as const)[i % 4]!,
      sequence: i % 4,
      updatedAt: new Date(Date.UTC(2026, 9, 1) - i * 61_001).toISOString(),
    };
  });
}

describe('the feed’s iCalendar text', () => {
  for (const zone of ['Europe/Rome', 'America/Sao_Paulo', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'UTC']) {
    it(`is ical-generator’s, byte for byte, in ${zone}`, () => {
      const input = { name: 'Ponte – Amina Benali, «A\\B»; 🎓', zone, host: 'ponte.test', events: trickyEvents(1500) };
      const ours = buildCalendar(input);
      const theirs = icalGeneratorCalendar(input);
      if (ours !== theirs) {
        let at = 0;
        while (ours[at] === theirs[at]) at++;
        assert.fail(`differs at ${at}: ${JSON.stringify(ours.slice(at - 80, at + 40))} / ${JSON.stringify(theirs.slice(at - 80, at + 40))}`);
      }
    });
  }

  it('is ical-generator’s for an empty feed and for one without a VTIMEZONE', () => {
    for (const zone of ['Europe/Rome', 'Etc/GMT-3']) {
      const input = { name: 'Ponte – mediazioni', zone, host: 'ponte.test', events: [] };
      assert.equal(buildCalendar(input), icalGeneratorCalendar(input));
    }
  });

  it('writes the calendar’s name as ical-generator did, but for a line break, which cannot end its line', () => {
    const named = (name: string) => buildCalendar({ name, zone: 'Europe/Rome', host: 'ponte.test', events: [] });
    const plain = 'Ponte – Rossi, Maria; A\\B';
    assert.equal(named(plain), icalGeneratorCalendar({ name: plain, zone: 'Europe/Rome', host: 'ponte.test', events: [] }));
    const text = named('Ponte – Rossi\nBEGIN:VEVENT\r\nUID:x');
    assert.match(text, /\r\nNAME:Ponte – Rossi BEGIN:VEVENT UID:x\r\nX-WR-CALNAME:Ponte – Rossi BEGIN:VEVENT UID:x\r\n/);
    assert.doesNotMatch(text, /\r\nBEGIN:VEVENT/);
    assert.equal(new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').length, 0);
  });

  it('folds every line at 75 octets at most, never inside a character', () => {
    const text = buildCalendar({ name: NAMES[4]!, zone: 'Europe/Rome', host: 'ponte.test', events: trickyEvents(300) });
    for (const line of text.split('\r\n')) {
      assert.ok(Buffer.byteLength(line) <= 75, `${Buffer.byteLength(line)} octets: ${line}`);
      assert.ok(!line.includes('\uFFFD') && Buffer.from(line).toString() === line, `a character split: ${line}`);
    }
    assert.equal(foldLine('x'.repeat(74)), 'x'.repeat(74));
    assert.equal(foldLine('x'.repeat(75)), `${'x'.repeat(74)}\r\n x`);
    assert.equal(foldLine(`${'x'.repeat(73)}é`), `${'x'.repeat(73)}\r\n é`);
    assert.equal(foldLine(`${'x'.repeat(72)}🎓`), `${'x'.repeat(72)}\r\n 🎓`);
  });

  it('reads back with ical.js as the events were given', () => {
    const events = trickyEvents(200);
    const cal = new ICAL.Component(ICAL.parse(buildCalendar({ name: 'Ponte – prova', zone: 'Europe/Rome', host: 'ponte.test', events })));
    ICAL.TimezoneService.register(cal.getFirstSubcomponent('vtimezone')!);
    const read = cal.getAllSubcomponents('vevent');
    assert.equal(read.length, events.length);
    read.forEach((c, i) => {
      const e = events[i]!;
      const event = new ICAL.Event(c);
      assert.equal(event.uid, `${e.id}@ponte.test`);
      assert.equal(event.sequence, e.sequence);
      assert.equal(event.summary, summaryOf(e).replace(/\r\n|\r/g, '\n'));
      assert.equal(event.location, e.mode === 'in_person' && e.place ? e.place : null);
      assert.equal(event.description, e.mediatorName ? `Mediatore/mediatrice: ${e.mediatorName}` : 'Senza mediatore');
      assert.equal(event.startDate.toJSDate().toISOString(), e.startsAt.replace(/\.\d{3}Z$/, '.000Z'));
      assert.equal(event.endDate.toJSDate().toISOString(), e.endsAt.replace(/\.\d{3}Z$/, '.000Z'));
      assert.equal(c.getFirstPropertyValue('status'), e.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED');
    });
  });
});
