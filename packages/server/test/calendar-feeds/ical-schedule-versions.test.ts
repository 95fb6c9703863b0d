import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { appointmentsShownIn } from '../../src/calendar-feeds/feed-appointments.js';
import type { Db } from '../../src/db/database.js';
import { countScheduleWrite } from '../../src/scheduling/schedule-version.js';
import { databaseKinds } from '../helpers/databases.js';
import { hoursAgo, sendRequest } from '../helpers/requests.js';
import { romeWinter, schedulingFixture, type SchedulingFixture } from '../helpers/scheduling.js';
import { signIn, startTestServer, type TestServer } from '../helpers/test-server.js';

/*
 * A feed's version counts the writes of its owner's appointments in a row
 * of its own (scheduling/schedule-version.ts), raised by each write in its
 * transaction, where it once summed `sequence + 1` over them on every poll.
 * Every write must move the tags of the feeds that show the appointment,
 * its mediator's and its organisation's, and no other feed's; and the kept
 * count must stay what the sum says. Real databases, real HTTP.
 */

type Owner = { ownerKind: 'mediator' | 'organisation'; ownerId: string };

/** What every owner's count ought to be: the sum the version was once computed by, over what its feed may show. */
async function summedWrites(db: Db, tenantId: string, owner: Owner): Promise<number> {
  const row = await appointmentsShownIn(db, { tenantId, ...owner })
    .select(sql<number | string | null>`sum(a.sequence + 1)`.as('writes'))
    .executeTakeFirstOrThrow();
  return Number(row.writes ?? 0);
}

async function keptWrites(db: Db, owner: Owner): Promise<number> {
  const row = await db.selectFrom('schedule_versions').select('writes').where('owner_kind', '=', owner.ownerKind).where('owner_id', '=', owner.ownerId).executeTakeFirst();
  return row?.writes ?? 0;
}

/** A promise and what settles it (Node 20 has no Promise.withResolvers). */
function signal(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

for (const kind of await databaseKinds()) {
  describe(`schedule versions on ${kind}`, () => {
    let ts: TestServer;
    let fx: SchedulingFixture;
    let staff: ReturnType<TestServer['client']>;
    let tenantId: string;

    before(async () => {
      ts = await startTestServer(kind);
      fx = await schedulingFixture(ts);
      staff = ts.client({ token: fx.coordinator });
      tenantId = (await ts.server.database.db.selectFrom('tenants').select('id').executeTakeFirstOrThrow()).id;
    });
    after(() => ts.close());

    /** Feeds of some owners, named, each with the tag it answered last. */
    const watch = async (owners: Record<string, Owner>) => {
      const feeds = await Promise.all(
        Object.entries(owners).map(async ([name, owner]) => {
          const { url } = await staff.calendarFeeds.rotate.mutate(owner);
          const local = url.replace('http://ponte.test', ts.url);
          return { name, url: local, etag: (await fetch(local)).headers.get('etag')! };
        }),
      );
      /** The names of the feeds whose tag a poll finds changed since the last call, in the order given. */
      return async function moved(): Promise<string[]> {
        const names: string[] = [];
        for (const feed of feeds) {
          const r = await fetch(feed.url, { headers: { 'if-none-match': feed.etag } });
          if (r.status === 200) {
            const etag = r.headers.get('etag')!;
            assert.notEqual(etag, feed.etag, `${feed.name}: a 200 under the tag it was asked about`);
            feed.etag = etag;
            names.push(feed.name);
          } else {
            assert.equal(r.status, 304, `${feed.name}: ${r.status}`);
          }
        }
        return names;
      };
    };

    it('moves the tags of the mediator’s and the organisation’s feeds with each write, and no other feed’s', async () => {
      const olena = fx.mediators.olena!;
      const rahim = fx.mediators.rahim!;
      const moved = await watch({
        olena: { ownerKind: 'mediator', ownerId: olena },
        rahim: { ownerKind: 'mediator', ownerId: rahim },
        manzoni: { ownerKind: 'organisation', ownerId: fx.orgs.manzoni },
        rodari: { ownerKind: 'organisation', ownerId: fx.orgs.rodari },
      });
      const booking = (mediatorId: string, start: string, organisationId = fx.orgs.manzoni) =>
        ({ mediatorId, organisationId, action: '1', start, durationMinutes: 60, mode: 'in_person', place: 'Aula 3B', caseCode: 'SV-1' }) as const;

      // A keyed booking marks its first appointment with the key (scheduling/booking-keys.ts), in its transaction.
      const keyed = { ...booking(olena, romeWinter('2027-02-01', '09:00')), idempotencyKey: 'schedule-versions-0001' };
      const [booked] = (await staff.scheduling.book.mutate(keyed)).appointments;
      assert.deepEqual(await moved(), ['olena', 'manzoni'], 'a booking');
      const retry = await staff.scheduling.book.mutate(keyed);
      assert.equal(retry.appointments[0]!.id, booked!.id);
      assert.deepEqual(await moved(), [], 'a retry of the booking, which writes nothing');

      await staff.scheduling.reschedule.mutate({ id: booked!.id, start: romeWinter('2027-02-01', '11:00') });
      assert.deepEqual(await moved(), ['olena', 'manzoni'], 'a move');
      await staff.scheduling.cancel.mutate({ id: booked!.id });
      assert.deepEqual(await moved(), ['olena', 'manzoni'], 'a cancellation');

      await staff.scheduling.book.mutate(booking(rahim, romeWinter('2027-02-02', '09:00')));
      assert.deepEqual(await moved(), ['rahim', 'manzoni'], 'another mediator’s booking');
      await staff.scheduling.book.mutate(booking(olena, romeWinter('2027-02-03', '09:00'), fx.orgs.rodari));
      assert.deepEqual(await moved(), ['olena', 'rodari'], 'another organisation’s booking');

      // A meeting already held, recorded by a coordinator, and then its outcome.
      const past = { ...booking(olena, hoursAgo(50)), override: true, overrideReason: 'incontro urgente concordato al telefono' };
      const [held] = (await staff.scheduling.book.mutate(past)).appointments;
      assert.deepEqual(await moved(), ['olena', 'manzoni'], 'a meeting recorded after it was held');
      await staff.scheduling.setOutcome.mutate({ id: held!.id, outcome: 'held' });
      assert.deepEqual(await moved(), ['olena', 'manzoni'], 'its outcome');
    });

    it('moves every feed a withdrawn request’s appointments were in, in one transaction', async () => {
      const li = fx.mediators.li!;
      const ardit = fx.mediators.ardit!;
      const r = await sendRequest(ts, 'school-request', fx.orgs.rodari, { key: 'pk_demo_rodari' });
      await staff.requests.review.mutate({ id: r.id });
      await staff.requests.approve.mutate({ id: r.id, hoursAuthorised: 2 });
      for (const [mediatorId, date] of [[li, '2027-02-08'], [ardit, '2027-02-09']] as const) {
        await staff.scheduling.book.mutate({ mediatorId, organisationId: fx.orgs.rodari, submissionId: r.id, action: '1', start: romeWinter(date, '09:00'), durationMinutes: 60, mode: 'video' });
      }
      const moved = await watch({
        li: { ownerKind: 'mediator', ownerId: li },
        ardit: { ownerKind: 'mediator', ownerId: ardit },
        rodari: { ownerKind: 'organisation', ownerId: fx.orgs.rodari },
        manzoni: { ownerKind: 'organisation', ownerId: fx.orgs.manzoni },
      });
      await ts.client({ key: 'pk_demo_rodari' }).requests.withdraw.mutate({ trackingCode: r.trackingCode, reason: 'Incontro non più necessario' });
      assert.deepEqual(await moved(), ['li', 'ardit', 'rodari']);
    });

    it('keeps, for every mediator and organisation, the count the sum over its feed’s appointments gives', async () => {
      // An A.5 consultation, which the organisation's feed leaves out, and one held without a mediator.
      const db = ts.server.database.db;
      const clinician = ts.client({ token: await signIn(ts, 'clinica@demo.ponte.test') });
      for (const [mediatorId, date] of [[fx.mediators.arshad!, '2027-01-13'], [null, '2027-01-20']] as const) {
        const a5 = await sendRequest(ts, 'ethnoclinical-request', fx.orgs.servizi, { key: 'pk_demo_servizi' });
        await clinician.requests.review.mutate({ id: a5.id });
        await clinician.requests.approve.mutate({ id: a5.id, hoursAuthorised: 2 });
        const [c] = (await clinician.scheduling.book.mutate({ mediatorId, organisationId: fx.orgs.servizi, submissionId: a5.id, action: '2', start: romeWinter(date, '10:00'), durationMinutes: 60, mode: 'video', caseCode: 'EC-21' })).appointments;
        await clinician.scheduling.cancel.mutate({ id: c!.id });
      }
      await staff.scheduling.book.mutate({ mediatorId: fx.mediators.arshad!, organisationId: fx.orgs.servizi, action: '2', start: romeWinter('2027-01-14', '10:00'), durationMinutes: 60, mode: 'video', caseCode: 'SS-21' });

      const owners: Owner[] = [
        ...(await db.selectFrom('mediators').select('id').where('tenant_id', '=', tenantId).execute()).map((m) => ({ ownerKind: 'mediator' as const, ownerId: m.id })),
        ...(await db.selectFrom('organisations').select('id').where('tenant_id', '=', tenantId).execute()).map((o) => ({ ownerKind: 'organisation' as const, ownerId: o.id })),
      ];
      const kept = await Promise.all(owners.map((o) => keptWrites(db, o)));
      const summed = await Promise.all(owners.map((o) => summedWrites(db, tenantId, o)));
      assert.deepEqual(kept, summed);
      const countOf = (ownerId: string) => kept[owners.findIndex((o) => o.ownerId === ownerId)];
      assert.equal(countOf(fx.mediators.arshad!), 1 + 1 + 1, 'the mediator counts the consultation, its cancellation and the meeting');
      assert.equal(countOf(fx.orgs.servizi), 1, 'the service counts its own meeting, not the consultations');
    });

    if (kind === 'postgres') {
      it('lets two writers who share an organisation both commit, whatever mediators they write for', async () => {
        // The request's transaction writes for two mediators of one organisation; a booking for the second
        // mediator comes in between. Owners of their own, so the counts of the tests above stay as they were.
        const db = ts.server.database.db;
        const owners = (mediatorId: string) => ({ tenantId, mediatorId, organisationId: 'schedule-versions-org', submissionId: null });
        const heldFirst = signal();
        const blocked = signal();
        const request = db.transaction().execute(async (trx) => {
          await countScheduleWrite(trx, owners('schedule-versions-m1'));
          heldFirst.resolve();
          await blocked.promise;
          await countScheduleWrite(trx, owners('schedule-versions-m2'));
        });
        const booking = heldFirst.promise.then(() => db.transaction().execute((trx) => countScheduleWrite(trx, owners('schedule-versions-m2'))));
        // Wait until the booking waits on a lock held by the request's transaction.
        for (let i = 0; ; i++) {
          const { rows } = await sql<{ n: string }>`select count(*) as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`.execute(db);
          if (Number(rows[0]!.n) > 0) break;
          assert.ok(i < 250, 'the second writer never waited');
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        blocked.resolve();
        await Promise.all([request, booking]);
        assert.equal(await keptWrites(db, { ownerKind: 'organisation', ownerId: 'schedule-versions-org' }), 3);
        assert.equal(await keptWrites(db, { ownerKind: 'mediator', ownerId: 'schedule-versions-m2' }), 2);
      });
    }
  });
}
