import { createHash } from 'node:crypto';
import type { Db } from '../db/database.js';
import { toIso } from '../db/values.js';
import { SPECIAL_FORM_IDS } from '../submissions/visibility.js';
import { findTenant } from '../organisations/organisation.repository.js';
import type { Feed } from './feed.repository.js';
import { buildCalendar, type FeedEvent } from './ical-calendar.js';

const PAST_DAYS = 180;
const FUTURE_DAYS = 400;

/** Appointment columns joined to the names of their organisation and mediator, nothing else. */
function eventQuery(db: Db, tenantId: string) {
  return db
    .selectFrom('appointments as a')
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
    ])
    .where('a.tenant_id', '=', tenantId);
}

type EventRow = Awaited<ReturnType<ReturnType<typeof eventQuery>['execute']>>[number];

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

/** The events of a feed: its owner's appointments from half a year back to a year ahead. */
async function eventsOf(db: Db, feed: Feed, now: Date): Promise<FeedEvent[]> {
  const from = new Date(now.getTime() - PAST_DAYS * 86_400_000).toISOString();
  const to = new Date(now.getTime() + FUTURE_DAYS * 86_400_000).toISOString();
  let query = eventQuery(db, feed.tenantId).where(feed.ownerKind === 'mediator' ? 'a.mediator_id' : 'a.organisation_id', '=', feed.ownerId);
  // An organisation's feed has no reader to check, and among its referents only an A.5's sender may know
  // the consultation exists (submissions/visibility.ts): those appointments stay out of it.
  if (feed.ownerKind === 'organisation') {
    query = query.where((eb) =>
      eb.not(eb.exists(eb.selectFrom('submissions as s').select('s.id').whereRef('s.id', '=', 'a.submission_id').where('s.form_id', 'in', [...SPECIAL_FORM_IDS]))),
    );
  }
  const rows = await query
    .where('a.starts_at', '>=', from)
    .where('a.starts_at', '<', to)
    .orderBy('a.starts_at')
    .orderBy('a.id')
    .limit(5000)
    .execute();
  return rows.map(toEvent);
}

/**
 * One appointment as an iCalendar file ("add to calendar" after booking).
 * Same UID, SEQUENCE and text as in the feeds, so a calendar that also
 * subscribes to a feed sees one event, not two. The caller checks access.
 */
export async function renderAppointmentFile(db: Db, tenant: { id: string; timeZone: string }, appointmentId: string, host: string): Promise<string> {
  const rows = await eventQuery(db, tenant.id).where('a.id', '=', appointmentId).execute();
  return buildCalendar({ name: 'Ponte – mediazione', zone: tenant.timeZone, host, events: rows.map(toEvent) });
}

/** The feed's text and its ETag (a hash of the text: an unchanged schedule answers the same tag). */
export async function renderFeed(db: Db, feed: Feed, host: string, now: Date): Promise<{ body: string; etag: string }> {
  const tenant = (await findTenant(db, feed.tenantId))!;
  const events = await eventsOf(db, feed, now);
  const name = feed.ownerKind === 'mediator' ? `Ponte – ${events[0]?.mediatorName ?? 'mediazioni'}` : `Ponte – ${events[0]?.organisationName ?? 'mediazioni'}`;
  const body = buildCalendar({ name, zone: tenant.timeZone, host, events });
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
  return { body, etag };
}
