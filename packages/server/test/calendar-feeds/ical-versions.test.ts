import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import Fastify, { type FastifyInstance } from 'fastify';
import ICAL from 'ical.js';
import { feedWindow } from '../../src/calendar-feeds/feed-window.js';
import { icalFeeds } from '../../src/calendar-feeds/ical.route.js';
import { databaseKinds } from '../helpers/databases.js';
import { romeWinter, schedulingFixture, type SchedulingFixture } from '../helpers/scheduling.js';
import { sampleFor } from '../helpers/samples.js';
import { signIn, startTestServer, type TestServer } from '../helpers/test-server.js';

/*
 * A poll is answered from the feed's version (calendar-feeds/feed-version.ts)
 * before any text is written, and a written text is kept for the next poll:
 * a feed that has not changed must answer 304, and one that has, whatever
 * changed, a 200 with the new text under a new tag. Real databases, real HTTP.
 */

interface Poll {
  status: number;
  etag: string | null;
  text: string;
}

interface ReadEvent {
  uid: string;
  sequence: number;
  status: string | null;
  summary: string;
  description: string;
  start: string;
  tzid: string | null;
}

function read(text: string): { name: string | null; events: ReadEvent[] } {
  const cal = new ICAL.Component(ICAL.parse(text));
  return {
    name: (cal.getFirstPropertyValue('x-wr-calname') as string | null) ?? null,
    events: cal.getAllSubcomponents('vevent').map((c) => ({
      uid: c.getFirstPropertyValue('uid') as string,
      sequence: Number(c.getFirstPropertyValue('sequence')),
      status: (c.getFirstPropertyValue('status') as string | null) ?? null,
      summary: c.getFirstPropertyValue('summary') as string,
      description: c.getFirstPropertyValue('description') as string,
      start: String(c.getFirstPropertyValue('dtstart')),
      tzid: (c.getFirstProperty('dtstart')?.getParameter('tzid') as string | undefined) ?? null,
    })),
  };
}

const uidOf = (id: string) => `${id}@ponte.test`;

for (const kind of await databaseKinds()) {
  describe(`iCal feed versions on ${kind}`, () => {
    let ts: TestServer;
    let fx: SchedulingFixture;
    let staff: ReturnType<TestServer['client']>;

    before(async () => {
      ts = await startTestServer(kind);
      fx = await schedulingFixture(ts);
      staff = ts.client({ token: fx.coordinator });
    });
    after(() => ts.close());

    const poll = async (url: string, etag?: string | null, base = ts.url): Promise<Poll> => {
      const response = await fetch(url.replace('http://ponte.test', base), { headers: etag ? { 'if-none-match': etag } : {} });
      return { status: response.status, etag: response.headers.get('etag'), text: await response.text() };
    };
    const book = async (mediatorId: string, start: string, caseCode: string, organisationId = fx.orgs.manzoni) =>
      (await staff.scheduling.book.mutate({ mediatorId, organisationId, action: '1', start, durationMinutes: 60, mode: 'in_person', place: 'Aula 3B', caseCode })).appointments[0]!;

    /** The UIDs of the appointments a feed ought to show today, read from the database. */
    const expectedIds = async (ownerKind: 'mediator' | 'organisation', ownerId: string) => {
      const db = ts.server.database.db;
      const window = feedWindow(new Date());
      const rows = await db
        .selectFrom('appointments as a')
        .leftJoin('submissions as s', 's.id', 'a.submission_id')
        .select(['a.id', 's.form_id'])
        .where(ownerKind === 'mediator' ? 'a.mediator_id' : 'a.organisation_id', '=', ownerId)
        .where('a.starts_at', '>=', window.from)
        .where('a.starts_at', '<', window.to)
        .execute();
      return rows.filter((r) => ownerKind === 'mediator' || r.form_id !== 'ethnoclinical-request').map((r) => uidOf(r.id)).sort();
    };

    it('answers 304 while nothing changes, and the same text under the same tag to a poll without one', async () => {
      const mediatorId = fx.mediators.olena!;
      await book(mediatorId, romeWinter('2027-01-18', '09:00'), 'OL-1');
      const feed = await staff.calendarFeeds.rotate.mutate({ ownerKind: 'mediator', ownerId: mediatorId });
      const first = await poll(feed.url);
      assert.equal(first.status, 200);
      assert.ok(first.etag);
      for (let i = 0; i < 3; i++) {
        const again = await poll(feed.url, first.etag);
        assert.equal(again.status, 304);
        assert.equal(again.text, '');
        assert.equal(again.etag, first.etag);
      }
      assert.equal((await poll(feed.url, `W/${first.etag}`)).status, 304);
      assert.equal((await poll(feed.url, `"elsewhere", ${first.etag}`)).status, 304);
      assert.equal((await poll(feed.url, '"elsewhere"')).status, 200);
      const without = await poll(feed.url);
      assert.equal(without.status, 200);
      assert.equal(without.etag, first.etag);
      assert.equal(without.text, first.text);
      // Known and its text kept, a revoked feed answers nothing the moment it is revoked.
      const listed = await staff.calendarFeeds.list.query();
      await staff.calendarFeeds.revoke.mutate({ id: listed.find((f) => f.ownerId === mediatorId && !f.revokedAt)!.id });
      assert.equal((await poll(feed.url, first.etag)).status, 404);
      assert.equal((await poll(feed.url)).status, 404);
    });

    it('answers 200 under a new tag after each change a calendar would show, and 304 again after it', async () => {
      const db = ts.server.database.db;
      const mediatorId = fx.mediators.rahim!;
      const kept = await book(mediatorId, romeWinter('2027-01-19', '09:00'), 'RH-1');
      const mediatorFeed = await staff.calendarFeeds.rotate.mutate({ ownerKind: 'mediator', ownerId: mediatorId });
      const organisationFeed = await staff.calendarFeeds.rotate.mutate({ ownerKind: 'organisation', ownerId: fx.orgs.manzoni });
      const tags = new Set<string>();
      let etag = (await poll(mediatorFeed.url)).etag!;
      tags.add(etag);

      /** After a change: a 200 under a tag never seen before, then 304 for it. */
      const changed = async (what: string) => {
        const r = await poll(mediatorFeed.url, etag);
        assert.equal(r.status, 200, `${what}: ${r.status}`);
        assert.ok(r.etag && !tags.has(r.etag), `${what}: the tag is not new`);
        tags.add(r.etag);
        etag = r.etag;
        assert.equal((await poll(mediatorFeed.url, etag)).status, 304, `${what}: no 304 after`);
        return read(r.text);
      };

      // Between two polls, an appointment never changed before leaves the window (far ahead, past any budget) and
      // another is booked: as many appointments in the window as before, none with a raised sequence, yet a new text.
      await staff.scheduling.reschedule.mutate({ id: kept.id, start: '2029-01-15T08:00:00.000Z', override: true, overrideReason: 'prova' });
      const booked = await book(mediatorId, romeWinter('2027-01-20', '09:00'), 'RH-2');
      let now = await changed('a move out of the window and a booking');
      assert.ok(now.events.some((e) => e.uid === uidOf(booked.id)));
      assert.ok(!now.events.some((e) => e.uid === uidOf(kept.id)));

      await staff.scheduling.reschedule.mutate({ id: booked.id, start: romeWinter('2027-01-20', '11:00') });
      now = await changed('a move');
      const moved = now.events.find((e) => e.uid === uidOf(booked.id))!;
      assert.equal(moved.sequence, 1);
      assert.match(moved.start, /T11:00:00/);

      await staff.scheduling.cancel.mutate({ id: booked.id });
      now = await changed('a cancellation');
      const cancelled = now.events.find((e) => e.uid === uidOf(booked.id))!;
      assert.equal(cancelled.status, 'CANCELLED');
      assert.equal(cancelled.sequence, 2);

      await staff.mediators.update.mutate({ id: mediatorId, displayName: 'Rahim Ahmadi-Nuovo' });
      now = await changed('a rename of the mediator');
      assert.equal(now.name, 'Ponte – Rahim Ahmadi-Nuovo');
      assert.ok(now.events.every((e) => e.description === 'Mediatore/mediatrice: Rahim Ahmadi-Nuovo'));

      // No procedure renames an organisation: the feed must see a rename however it is made.
      const manzoni = await db.selectFrom('organisations').select('name').where('id', '=', fx.orgs.manzoni).executeTakeFirstOrThrow();
      const beforeRename = etag;
      const organisationEtag = (await poll(organisationFeed.url)).etag!;
      await db.updateTable('organisations').set({ name: 'IC Manzoni-Rinominato' }).where('id', '=', fx.orgs.manzoni).execute();
      now = await changed('a rename of the organisation');
      assert.ok(now.events.every((e) => e.summary.includes('IC Manzoni-Rinominato')));
      const organisationPoll = await poll(organisationFeed.url, organisationEtag);
      assert.equal(organisationPoll.status, 200);
      assert.equal(read(organisationPoll.text).name, 'Ponte – IC Manzoni-Rinominato');
      // The name given back, the text is again what it was, under the tag it had.
      await db.updateTable('organisations').set({ name: manzoni.name }).where('id', '=', fx.orgs.manzoni).execute();
      const givenBack = await poll(mediatorFeed.url, etag);
      assert.equal(givenBack.status, 200);
      assert.equal(givenBack.etag, beforeRename);
      assert.equal((await poll(organisationFeed.url, organisationPoll.etag)).status, 200);
      assert.equal((await poll(organisationFeed.url, organisationEtag)).status, 304);
      etag = givenBack.etag!;

      const tenant = await db.selectFrom('tenants').select(['id', 'time_zone']).executeTakeFirstOrThrow();
      await db.updateTable('tenants').set({ time_zone: 'Europe/London' }).where('id', '=', tenant.id).execute();
      try {
        now = await changed('the tenant’s zone');
        assert.ok(now.events.every((e) => e.tzid === 'Europe/London'));
      } finally {
        await db.updateTable('tenants').set({ time_zone: tenant.time_zone }).where('id', '=', tenant.id).execute();
      }
    });

    it('moves its window once a day: 304 all day long, then 200 when an event has left it', async () => {
      const mediatorId = fx.mediators.ardit!;
      const edge = await book(mediatorId, romeWinter('2027-01-11', '09:00'), 'AR-1');
      const feed = await staff.calendarFeeds.rotate.mutate({ ownerKind: 'mediator', ownerId: mediatorId });
      // The route as the server mounts it, on the same database, with a clock this test moves.
      let clock = new Date('2027-07-10T05:00:00Z');
      const app: FastifyInstance = Fastify();
      await app.register(icalFeeds, { db: ts.server.database.db, publicUrl: 'http://ponte.test', now: () => clock });
      await app.listen({ port: 0, host: '127.0.0.1' });
      try {
        const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
        // 180 days before 10 July is 11 January: the event is on the window's first day.
        const first = await poll(feed.url, undefined, base);
        assert.equal(first.status, 200);
        assert.ok(read(first.text).events.some((e) => e.uid === uidOf(edge.id)));
        clock = new Date('2027-07-10T23:59:00Z');
        assert.equal((await poll(feed.url, first.etag, base)).status, 304);
        clock = new Date('2027-07-11T00:01:00Z');
        const next = await poll(feed.url, first.etag, base);
        assert.equal(next.status, 200);
        assert.notEqual(next.etag, first.etag);
        assert.ok(!read(next.text).events.some((e) => e.uid === uidOf(edge.id)));
        assert.equal((await poll(feed.url, next.etag, base)).status, 304);
      } finally {
        await app.close();
      }
    });

    it('never serves one feed’s text for another, nor a revoked feed’s text at all', async () => {
      const li = fx.mediators.li!;
      const amina = fx.mediators.amina!;
      await book(li, romeWinter('2027-01-25', '09:00'), 'LI-1');
      await book(amina, romeWinter('2027-01-26', '09:00'), 'AM-1');
      await book(amina, romeWinter('2027-01-27', '09:00'), 'AM-2', fx.orgs.rodari);
      const owners = [
        { ownerKind: 'mediator' as const, ownerId: li },
        { ownerKind: 'mediator' as const, ownerId: amina },
        { ownerKind: 'organisation' as const, ownerId: fx.orgs.rodari },
        { ownerKind: 'organisation' as const, ownerId: fx.orgs.manzoni },
      ];
      const feeds = await Promise.all(owners.map(async (o) => ({ ...o, url: (await staff.calendarFeeds.rotate.mutate(o)).url })));
      const served = new Map<string, string>();
      // Twice each, interleaved: the second round comes from the kept texts.
      for (let round = 0; round < 2; round++) {
        for (const f of feeds) {
          const r = await poll(f.url);
          assert.equal(r.status, 200);
          const uids = read(r.text).events.map((e) => e.uid).sort();
          assert.deepEqual(uids, await expectedIds(f.ownerKind, f.ownerId), `${f.ownerKind} ${f.ownerId}, round ${round}`);
          if (round === 1) assert.equal(r.text, served.get(f.url));
          served.set(f.url, r.text);
        }
      }
      const retired = feeds[0]!;
      const replacement = await staff.calendarFeeds.rotate.mutate({ ownerKind: retired.ownerKind, ownerId: retired.ownerId });
      assert.equal((await poll(retired.url)).status, 404);
      assert.equal((await poll(retired.url, 'W/"anything"')).status, 404);
      assert.equal((await poll(replacement.url)).text, served.get(retired.url));
    });

    it('keeps an organisation’s tag when a consultation it leaves out is booked', async () => {
      const services = ts.client({ key: 'pk_demo_servizi' });
      const a5 = sampleFor('ethnoclinical-request', fx.orgs.servizi);
      const r5 = await services.submissions.submit.mutate({ formId: 'ethnoclinical-request', version: 1, data: a5 });
      const db = ts.server.database.db;
      const id5 = (await db.selectFrom('submissions').select('id').where('tracking_code', '=', r5.trackingCode).executeTakeFirstOrThrow()).id;
      const clinician = ts.client({ token: await signIn(ts, 'clinica@demo.ponte.test') });
      await clinician.requests.review.mutate({ id: id5 });
      await clinician.requests.approve.mutate({ id: id5, hoursAuthorised: 2 });
      const mediatorId = fx.mediators.arshad!;
      const referent = ts.client({ token: await signIn(ts, 'operatrice.servizi@demo.ponte.test') });
      const organisationFeed = await referent.calendarFeeds.rotate.mutate({ ownerKind: 'organisation', ownerId: fx.orgs.servizi });
      const mediatorFeed = await staff.calendarFeeds.rotate.mutate({ ownerKind: 'mediator', ownerId: mediatorId });
      const organisationTag = (await poll(organisationFeed.url)).etag;
      const mediatorTag = (await poll(mediatorFeed.url)).etag;
      // Inside Arshad's Wednesday hours, as a clinician's booking must be.
      await clinician.scheduling.book.mutate({ mediatorId, organisationId: fx.orgs.servizi, submissionId: id5, action: '2', start: romeWinter('2027-01-13', '10:00'), durationMinutes: 60, mode: 'video', caseCode: 'EC-11' });
      assert.equal((await poll(organisationFeed.url, organisationTag)).status, 304);
      assert.equal((await poll(mediatorFeed.url, mediatorTag)).status, 200);
    });
  });
}
