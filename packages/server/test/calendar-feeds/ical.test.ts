import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import ICAL from 'ical.js';
import { toIso } from '../../src/db/values.js';
import { databaseKinds } from '../helpers/databases.js';
import { romeWinter, schedulingFixture, type SchedulingFixture } from '../helpers/scheduling.js';
import { sampleFor } from '../helpers/samples.js';
import { expectTrpcError, signIn, startTestServer, type TestServer } from '../helpers/test-server.js';

interface ParsedEvent {
  uid: string;
  sequence: number;
  status: string | null;
  summary: string;
  start: Date;
  end: Date;
  startTzid: string | null;
  localStart: string;
}

/** Parses a feed with Mozilla's ical.js, the VTIMEZONE it carries registered first. */
function parseFeed(text: string): ParsedEvent[] {
  const cal = new ICAL.Component(ICAL.parse(text));
  const zones = cal.getAllSubcomponents('vtimezone');
  assert.equal(zones.length, 1, 'one VTIMEZONE');
  ICAL.TimezoneService.register(zones[0]!);
  return cal.getAllSubcomponents('vevent').map((c) => {
    const event = new ICAL.Event(c);
    const start = event.startDate;
    return {
      uid: event.uid,
      sequence: event.sequence,
      status: (c.getFirstPropertyValue('status') as string | null) ?? null,
      summary: event.summary,
      start: start.toJSDate(),
      end: event.endDate.toJSDate(),
      startTzid: (c.getFirstProperty('dtstart')?.getParameter('tzid') as string | undefined) ?? null,
      localStart: `${String(start.hour).padStart(2, '0')}:${String(start.minute).padStart(2, '0')}`,
    };
  });
}

describe('iCal text whatever the server’s TZ', () => {
  const probe = fileURLToPath(new URL('./ical-tz-probe.ts', import.meta.url));
  const run = (tz: string) =>
    execFileSync(process.execPath, ['--conditions=ponte-source', '--import', 'tsx', probe], { env: { ...process.env, TZ: tz }, encoding: 'utf8' });

  it('is byte-for-byte the same under TZ=UTC and TZ=America/New_York, with TZID local times and a UTC DTSTAMP', () => {
    const utc = run('UTC');
    const newYork = run('America/New_York');
    assert.equal(utc, newYork);
    assert.match(utc, /\r\nDTSTART;TZID=Europe\/Rome:20270111T090000\r\n/);
    assert.match(utc, /\r\nDTSTART;TZID=Europe\/Rome:20270329T090000\r\n/);
    assert.match(utc, /\r\nDTSTAMP:20261101T100000Z\r\n/);
    assert.match(utc, /\r\nBEGIN:VTIMEZONE\r\nTZID:Europe\/Rome\r\n/);
    assert.match(utc, /\r\nSTATUS:CANCELLED\r\n/);
    assert.match(utc, /\r\nSEQUENCE:2\r\n/);
    const events = utc.split('BEGIN:VEVENT').slice(1).join('');
    assert.doesNotMatch(events, /(DTSTART|DTEND):\d{8}T\d{6}\r/, 'no floating DTSTART or DTEND in an event');
    assert.deepEqual(
      parseFeed(utc).map((e) => [e.uid, e.start.toISOString(), e.localStart, e.startTzid]),
      [
        ['winter@ponte.test', '2027-01-11T08:00:00.000Z', '09:00', 'Europe/Rome'],
        ['summer@ponte.test', '2027-03-29T07:00:00.000Z', '09:00', 'Europe/Rome'],
      ],
    );
  });
});

for (const kind of await databaseKinds()) {
  describe(`iCal feeds on ${kind}`, () => {
    let ts: TestServer;
    let fx: SchedulingFixture;
    let staff: ReturnType<TestServer['client']>;

    before(async () => {
      ts = await startTestServer(kind);
      fx = await schedulingFixture(ts);
      staff = ts.client({ token: fx.coordinator });
    });
    after(() => ts.close());

    const get = (url: string, headers: Record<string, string> = {}) => fetch(url.replace('http://ponte.test', ts.url), { headers });

    it('serves a mediator’s feed that ical.js reads with the database’s times, ETag and 304, no cookie', async () => {
      const mediatorId = fx.mediators.amina!;
      const base = { organisationId: fx.orgs.manzoni, action: '1' as const, durationMinutes: 60, mediatorId };
      const a = (await staff.scheduling.book.mutate({ ...base, start: romeWinter('2027-01-11', '09:00'), mode: 'in_person', place: 'Aula 3B', caseCode: 'MZ-7' })).appointments[0]!;
      const b = (await staff.scheduling.book.mutate({ ...base, start: '2027-04-12T07:00:00Z', mode: 'video', caseCode: 'MZ-8' })).appointments[0]!;
      // A name is not a case code: refused before it could reach a feed.
      const named = await expectTrpcError(staff.scheduling.book.mutate({ ...base, start: '2027-04-13T07:00:00Z', mode: 'video', caseCode: 'Mario.Rossi' }));
      assert.equal(named.data?.code, 'BAD_REQUEST');
      assert.ok((named.data as { fieldErrors?: Record<string, string> }).fieldErrors?.caseCode);
      const feed = await staff.calendarFeeds.rotate.mutate({ ownerKind: 'mediator', ownerId: mediatorId });
      assert.match(feed.url, /^http:\/\/ponte\.test\/ical\/ical_[A-Za-z0-9_-]{43}\.ics$/);

      const first = await get(feed.url);
      assert.equal(first.status, 200);
      assert.match(first.headers.get('content-type') ?? '', /^text\/calendar/);
      assert.match(first.headers.get('cache-control') ?? '', /private/);
      assert.equal(first.headers.get('set-cookie'), null);
      const etag = first.headers.get('etag');
      assert.ok(etag);
      const text = await first.text();
      const events = parseFeed(text);
      const db = ts.server.database.db;
      for (const id of [a.id, b.id]) {
        const row = await db.selectFrom('appointments').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
        const e = events.find((x) => x.uid === `${id}@ponte.test`);
        assert.ok(e, `event of ${id}`);
        assert.equal(e.start.toISOString(), toIso(row.starts_at));
        assert.equal(e.end.toISOString(), toIso(row.ends_at));
        assert.equal(e.startTzid, 'Europe/Rome');
        assert.equal(e.localStart, '09:00'); // winter and summer alike
      }
      assert.match(events.find((e) => e.uid.startsWith(a.id))!.summary, /Manzoni.*in presenza.*MZ-7/);

      const cached = await get(feed.url, { 'if-none-match': etag });
      assert.equal(cached.status, 304);
      assert.equal(await cached.text(), '');

      await staff.scheduling.reschedule.mutate({ id: a.id, start: romeWinter('2027-01-11', '10:00') });
      await staff.scheduling.cancel.mutate({ id: b.id });
      const changed = await get(feed.url, { 'if-none-match': etag });
      assert.equal(changed.status, 200);
      assert.notEqual(changed.headers.get('etag'), etag);
      const after = parseFeed(await changed.text());
      const moved = after.find((e) => e.uid === `${a.id}@ponte.test`)!;
      assert.equal(moved.sequence, 1);
      assert.equal(moved.localStart, '10:00');
      const cancelled = after.find((e) => e.uid === `${b.id}@ponte.test`)!;
      assert.equal(cancelled.status, 'CANCELLED');
      assert.equal(cancelled.sequence, 1);
    });

    it('puts nothing of the request’s minor or special-category fields in any event', async () => {
      const school = ts.client({ key: 'pk_demo_manzoni' });
      const a1 = sampleFor('school-request', fx.orgs.manzoni);
      Object.assign(a1, { pupilCode: 'Q.Z.', requestingTeacher: 'Ottavia Sentinella', need: 'Bisogno segreto sentinella-a1' });
      const r1 = await school.submissions.submit.mutate({ formId: 'school-request', version: 1, data: a1 });
      const services = ts.client({ key: 'pk_demo_servizi' });
      const a5 = sampleFor('ethnoclinical-request', fx.orgs.servizi);
      Object.assign(a5, { reasonDetails: 'Dettaglio clinico sentinella-a5', caseCode: 'EC-SENTINELLA' });
      const r5 = await services.submissions.submit.mutate({ formId: 'ethnoclinical-request', version: 1, data: a5 });
      const db = ts.server.database.db;
      const id1 = (await db.selectFrom('submissions').select('id').where('tracking_code', '=', r1.trackingCode).executeTakeFirstOrThrow()).id;
      const id5 = (await db.selectFrom('submissions').select('id').where('tracking_code', '=', r5.trackingCode).executeTakeFirstOrThrow()).id;
      // A request is booked once approved (requests/lifecycle.ts): the A.5 by a clinician.
      const clinician = ts.client({ token: await signIn(ts, 'clinica@demo.ponte.test') });
      await staff.requests.review.mutate({ id: id1 });
      await staff.requests.approve.mutate({ id: id1, hoursAuthorised: 2 });
      await clinician.requests.review.mutate({ id: id5 });
      await clinician.requests.approve.mutate({ id: id5, hoursAuthorised: 2 });
      const mediatorId = fx.mediators.arshad!;
      await staff.scheduling.book.mutate({ mediatorId, organisationId: fx.orgs.manzoni, submissionId: id1, action: '1', start: romeWinter('2027-01-12', '10:00'), durationMinutes: 60, mode: 'in_person', place: 'Plesso Rodari', caseCode: 'MZ-9' });
      // The A.5 is booked by its clinician (scheduling/consultations.ts), inside Arshad's Wednesday hours.
      await clinician.scheduling.book.mutate({ mediatorId, organisationId: fx.orgs.servizi, submissionId: id5, action: '2', start: romeWinter('2027-01-13', '10:00'), durationMinutes: 60, mode: 'video', caseCode: 'EC-9' });
      // And a meeting of the service that serves no request.
      await staff.scheduling.book.mutate({ mediatorId, organisationId: fx.orgs.servizi, action: '2', start: romeWinter('2027-01-14', '10:00'), durationMinutes: 60, mode: 'video', caseCode: 'SS-9' });
      const mediatorFeed = await staff.calendarFeeds.rotate.mutate({ ownerKind: 'mediator', ownerId: mediatorId });
      const referent = await signIn(ts, 'operatrice.servizi@demo.ponte.test');
      const orgFeed = await ts.client({ token: referent }).calendarFeeds.rotate.mutate({ ownerKind: 'organisation', ownerId: fx.orgs.servizi });
      for (const url of [mediatorFeed.url, orgFeed.url]) {
        const text = await (await get(url)).text();
        assert.ok(parseFeed(text).length > 0);
        for (const secret of ['Q.Z.', 'Ottavia', 'sentinella-a1', 'sentinella-a5', 'EC-SENTINELLA', 'Egyptian', 'maschio', '6-10']) {
          assert.ok(!text.includes(secret), `${secret} leaked into ${url}`);
        }
      }
      // The consultation is in its mediator's feed; the service's feed, which any of its referents may open,
      // leaves it out: only the A.5's sender among them may know it exists.
      assert.match(await (await get(mediatorFeed.url)).text(), /EC-9/);
      const orgText = await (await get(orgFeed.url)).text();
      assert.doesNotMatch(orgText, /EC-9/);
      assert.match(orgText, /SS-9/);
      // A referent cannot take another organisation's feed.
      const e = await expectTrpcError(ts.client({ token: referent }).calendarFeeds.rotate.mutate({ ownerKind: 'organisation', ownerId: fx.orgs.manzoni }));
      assert.equal(e.data?.code, 'NOT_FOUND');
    });

    it('rotation retires the old URL; revocation retires the feed; unknown tokens are 404', async () => {
      const mediatorId = fx.mediators.li!;
      const one = await staff.calendarFeeds.rotate.mutate({ ownerKind: 'mediator', ownerId: mediatorId });
      const two = await staff.calendarFeeds.rotate.mutate({ ownerKind: 'mediator', ownerId: mediatorId });
      assert.equal((await get(one.url)).status, 404);
      assert.equal((await get(two.url)).status, 200);
      await staff.calendarFeeds.revoke.mutate({ id: two.id });
      assert.equal((await get(two.url)).status, 404);
      assert.equal((await fetch(`${ts.url}/ical/ical_${'A'.repeat(43)}.ics`)).status, 404);
      assert.equal((await fetch(`${ts.url}/ical/not-a-token`)).status, 404);
      const stored = await ts.server.database.db.selectFrom('ical_feeds').select('token_hash').execute();
      const token = new URL(two.url).pathname.slice('/ical/'.length, -'.ics'.length);
      assert.ok(stored.every((r) => r.token_hash !== token), 'tokens are stored hashed');
      const li = await signIn(ts, 'li.wei@demo.ponte.test');
      const mine = await ts.client({ token: li }).calendarFeeds.list.query();
      assert.ok(mine.length >= 2 && mine.every((f) => f.ownerId === mediatorId));
    });

    it('a mediator rotates their own feed without knowing their mediator id; others must name the owner', async () => {
      const li = ts.client({ token: await signIn(ts, 'li.wei@demo.ponte.test') });
      const own = await li.calendarFeeds.rotate.mutate({ ownerKind: 'mediator' });
      assert.equal((await get(own.url)).status, 200);
      const listed = await li.calendarFeeds.list.query();
      assert.equal(listed.find((f) => f.id === own.id)?.ownerId, fx.mediators.li);
      const e = await expectTrpcError(staff.calendarFeeds.rotate.mutate({ ownerKind: 'mediator' }));
      assert.equal(e.data?.code, 'BAD_REQUEST');
    });
  });
}
