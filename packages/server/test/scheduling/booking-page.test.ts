import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ICAL from 'ical.js';
import { databaseKinds } from '../helpers/databases.js';
import { createOtherTenant, OTHER_ORIGIN, type OtherTenant } from '../helpers/fixtures.js';
import { romeWinter, schedulingFixture, type SchedulingFixture } from '../helpers/scheduling.js';
import { expectTrpcError, startTestServer, type TestServer } from '../helpers/test-server.js';

/*
 * What the booking widget needs beyond freeSlots and book: the languages it
 * may offer, and the .ics of the appointment just booked.
 */
for (const kind of await databaseKinds()) {
  describe(`booking page procedures on ${kind}`, () => {
    let ts: TestServer;
    let fx: SchedulingFixture;
    let other: OtherTenant;

    before(async () => {
      ts = await startTestServer(kind);
      fx = await schedulingFixture(ts);
      other = await createOtherTenant(ts.server.database.db);
    });
    after(() => ts.close());

    it('languages: what active mediators speak, varieties merged case-blind, for a key; nothing of another tenant', async () => {
      const coordinator = ts.client({ token: fx.coordinator });
      const key = ts.client({ key: 'pk_demo_servizi' });
      const before = await key.scheduling.languages.query();
      const codes = before.languages.map((l) => l.code);
      assert.deepEqual(codes, [...codes].sort(), 'sorted by code');
      const bengali = before.languages.find((l) => l.code === 'ben');
      assert.ok(bengali?.varieties.some((v) => v.toLowerCase() === 'sylheti'), 'Sylheti offered under Bengali');
      assert.ok(!JSON.stringify(before).includes('Uddin'), 'no mediator named');

      // A new mediator speaking a language nobody spoke, with a variety written twice two ways.
      const created = await coordinator.mediators.create.mutate({
        displayName: 'Nuova Mediatrice',
        languages: [
          { code: 'tir', variety: 'Tigrinya eritreo', level: 'native' },
          { code: 'ara', variety: 'DARIJA ', level: 'C1' },
        ],
      });
      const withNew = await key.scheduling.languages.query();
      assert.deepEqual(withNew.languages.find((l) => l.code === 'tir'), { code: 'tir', varieties: ['Tigrinya eritreo'] });
      const arabic = withNew.languages.find((l) => l.code === 'ara')!;
      assert.equal(arabic.varieties.filter((v) => v.toLowerCase() === 'darija').length, 1);

      // Deactivated: no longer offered.
      await coordinator.mediators.deactivate.mutate({ id: created.id });
      assert.equal((await key.scheduling.languages.query()).languages.find((l) => l.code === 'tir'), undefined);

      // Tenant B has no mediators: its key sees none of tenant A's languages.
      const otherKey = ts.client({ key: other.key, origin: OTHER_ORIGIN });
      assert.deepEqual(await otherKey.scheduling.languages.query(), { languages: [] });
      // No key, no token: refused.
      assert.equal((await expectTrpcError(ts.client().scheduling.languages.query())).data?.code, 'UNAUTHORIZED');
    });

    it('calendarFile: the booked appointment as an .ics, same UID as the feeds, in the tenant’s zone; only for who may see it', async () => {
      const key = ts.client({ key: 'pk_demo_servizi' });
      const slots = await key.scheduling.freeSlots.query({ language: 'ben', from: '2027-01-11', to: '2027-01-17', durationMinutes: 60, mode: 'video' });
      const day = slots.days[0]!;
      const slot = day.slots.find((s) => s.localTime === '10:00');
      assert.ok(slot, `a free slot at 10:00 on ${day.date}`);
      const start = slot.start;
      assert.equal(start, romeWinter(day.date, '10:00'));
      const booked = await key.scheduling.book.mutate({ mediatorId: slot.mediatorIds[0]!, action: '2', start, durationMinutes: 60, mode: 'video', caseCode: 'SS-2027-014' });
      const id = booked.appointments[0]!.id;

      const file = await key.scheduling.calendarFile.query({ id });
      assert.equal(file.filename, `mediazione-${day.date}.ics`);
      const cal = new ICAL.Component(ICAL.parse(file.content));
      ICAL.TimezoneService.register(cal.getFirstSubcomponent('vtimezone')!);
      const events = cal.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
      assert.equal(events.length, 1);
      const event = events[0]!;
      assert.equal(event.uid, `${id}@${new URL(ts.config.publicUrl).hostname}`);
      assert.equal(event.startDate.toJSDate().toISOString(), new Date(start).toISOString());
      assert.equal(`${event.startDate.hour}:${String(event.startDate.minute).padStart(2, '0')}`, '10:00', 'Rome wall-clock');
      assert.equal(event.endDate.toJSDate().getTime() - event.startDate.toJSDate().getTime(), 3_600_000);
      assert.match(event.summary, /SS-2027-014/);

      // The referent of the organisation and the coordinator may have it too.
      const coordinator = ts.client({ token: fx.coordinator });
      assert.equal((await coordinator.scheduling.calendarFile.query({ id })).content, file.content);
      // A school's key, tenant B's coordinator, an unknown id: not found, nothing said.
      const refused = [
        () => ts.client({ key: 'pk_demo_manzoni' }).scheduling.calendarFile.query({ id }),
        () => ts.client({ key: other.key, origin: OTHER_ORIGIN }).scheduling.calendarFile.query({ id }),
        () => key.scheduling.calendarFile.query({ id: '00000000-0000-4000-8000-000000000000' }),
      ];
      for (const call of refused) assert.equal((await expectTrpcError(call())).data?.code, 'NOT_FOUND');
    });

    it('book with an idempotency key: a retry answers the same appointments, a racing retry too, and one row is stored', async () => {
      const key = ts.client({ key: 'pk_demo_servizi' });
      const slots = await key.scheduling.freeSlots.query({ language: 'ukr', from: '2027-01-18', to: '2027-01-24', durationMinutes: 60, mode: 'phone' });
      const slot = slots.days[0]!.slots[0]!;
      const booking = { mediatorId: slot.mediatorIds[0]!, action: '2' as const, start: slot.start, durationMinutes: 60, mode: 'phone' as const, idempotencyKey: 'retry-key-0001' };
      const first = await key.scheduling.book.mutate(booking);
      const again = await key.scheduling.book.mutate(booking);
      assert.deepEqual(again, first);

      // Eight retries at once of a booking not made yet: one stored, all answered with it.
      const next = slots.days[0]!.slots.find((s) => Date.parse(s.start) >= Date.parse(slot.start) + 2 * 3_600_000)!;
      const racing = { ...booking, start: next.start, mediatorId: next.mediatorIds[0]!, idempotencyKey: 'retry-key-0002' };
      const answers = await Promise.all(Array.from({ length: 8 }, () => key.scheduling.book.mutate(racing)));
      const ids = new Set(answers.map((a) => a.appointments[0]!.id));
      assert.equal(ids.size, 1);
      const rows = await ts.server.database.db.selectFrom('appointments').select('id').where('idempotency_key', '=', 'retry-key-0002').execute();
      assert.equal(rows.length, 1);
      const stored = await ts.server.database.db.selectFrom('appointments').select('id').where('starts_at', '=', new Date(next.start).toISOString()).where('mediator_id', '=', next.mediatorIds[0]!).execute();
      assert.equal(stored.length, 1);

      // The same key with another booking: refused, nothing stored.
      const reused = await expectTrpcError(key.scheduling.book.mutate({ ...booking, durationMinutes: 30 }));
      assert.equal(reused.data?.code, 'CONFLICT');
      // Another organisation's key is another namespace: its key does not answer the service's booking.
      const school = ts.client({ key: 'pk_demo_manzoni' });
      const own = await expectTrpcError(school.scheduling.book.mutate({ ...booking, action: '1' }));
      assert.equal(own.data?.code, 'CONFLICT', 'a clash with the booked slot, not a replay of it');
    });
  });
}
