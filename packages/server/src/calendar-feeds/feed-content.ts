import type { Db, DbOrTx } from '../db/database.js';
import { toIso } from '../db/values.js';
import { appointmentsShownIn, type AppointmentsQuery } from './feed-appointments.js';
import { findLiveFeedByHash, type Feed } from './feed.repository.js';
import { feedVersion } from './feed-version.js';
import type { FeedWindow } from './feed-window.js';
import { buildCalendar, type FeedEvent } from './ical-calendar.js';

const MAX_EVENTS = 5000;

/** Appointment columns joined to the names of their organisation and mediator, nothing else. */
function withEventColumns(appointments: AppointmentsQuery) {
  return appointments
    .innerJoin('organisations as o', 'o.id', 'a.organisation_id')
    // left: a consultation the clinicians hold without a mediator has none.
    .leftJoin('mediators as m', 'm.id', 'a.mediator_id')
    .select([
      'a.id',
      'a.starts_at',
      'a.ends_at',
      'a.mode',
      'a.place',
      'a.case_code',
      'a.status',
      'a.sequence',
      'a.updated_at',
      'o.name as organisation_name',
      'm.display_name as mediator_name',
    ]);
}

type EventRow = Awaited<ReturnType<ReturnType<typeof withEventColumns>['execute']>>[number];

function toEvent(r: EventRow): FeedEvent {
  return {
    id: r.id,
    organisationName: r.organisation_name,
    mediatorName: r.mediator_name,
    startsAt: toIso(r.starts_at),
    endsAt: toIso(r.ends_at),
    mode: r.mode,
    place: r.place,
    caseCode: r.case_code,
    status: r.status,
    sequence: r.sequence,
    updatedAt: toIso(r.updated_at),
  };
}

/** The events of a feed: its owner's appointments in the window, at most 5,000, in order. */
export async function eventsOf(db: DbOrTx, feed: Feed, window: FeedWindow): Promise<FeedEvent[]> {
  const rows = await withEventColumns(appointmentsShownIn(db, feed))
    .where('a.starts_at', '>=', window.from)
    .where('a.starts_at', '<', window.to)
    .orderBy('a.starts_at')
    .orderBy('a.id')
    .limit(MAX_EVENTS)
    .execute();
  return rows.map(toEvent);
}

/**
 * One appointment as an iCalendar file ("add to calendar" after booking).
 * Same UID, SEQUENCE and text as in the feeds, so a calendar that also
 * subscribes to a feed sees one event, not two. The caller checks access.
 */
export async function renderAppointmentFile(db: Db, tenant: { id: string; timeZone: string }, appointmentId: string, host: string): Promise<string> {
  const rows = await withEventColumns(db.selectFrom('appointments as a').where('a.tenant_id', '=', tenant.id).where('a.id', '=', appointmentId)).execute();
  return buildCalendar({ name: 'Ponte – mediazione', zone: tenant.timeZone, host, events: rows.map(toEvent) });
}

/**
 * The text (UTF-8) of the live feed behind a token's hash, and its ETag;
 * nothing if the feed is no longer live. The feed, its version and its events are
 * read in one snapshot, so that the tag always names the text it is sent
 * with, even when the schedule changes meanwhile; the text is written once
 * the snapshot is let go.
 */
export async function renderFeed(db: Db, tokenHash: string, window: FeedWindow, host: string): Promise<{ feed: Feed; body: Buffer; etag: string } | undefined> {
  const read = await db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (trx) => {
      const feed = await findLiveFeedByHash(trx, tokenHash);
      const version = feed && (await feedVersion(trx, feed, window, host));
      return feed && version && { feed, version, events: await eventsOf(trx, feed, window) };
    });
  if (!read) return undefined;
  const { feed, version, events } = read;
  const first = events[0];
  const name = `Ponte – ${(feed.ownerKind === 'mediator' ? first?.mediatorName : first?.organisationName) ?? 'mediazioni'}`;
  const text = buildCalendar({ name, zone: version.zone, host, events });
  return { feed, body: Buffer.from(text), etag: version.etag };
}
