import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { DbOrTx } from '../db/database.js';
import type { Feed } from './feed.repository.js';
import type { FeedWindow } from './feed-window.js';
import { vtimezoneOf } from './ical-calendar.js';
import { renderingFingerprint } from './rendering-fingerprint.js';

export interface FeedVersion {
  /** the ETag of the feed's text, quoted */
  etag: string;
  /** the tenant's zone, which the text is written in */
  zone: string;
}

/**
 * What the text of a feed is made of, but the text, in one row read by keys
 * alone, however many appointments the owner has:
 *
 * - `writes`: the writes the owner's appointments have seen, one for each
 *   booking and one for each change after it, kept in the owner's row of
 *   schedule_versions (migration 0007) by every write of an appointment, in
 *   its transaction (scheduling/schedule-version.ts). A count that only
 *   grows, whatever the clocks of the processes that wrote: any write that
 *   can touch the text moves it. Counted over all the owner's appointments,
 *   not the window's: one moved out of the window is still counted, and so
 *   still seen. An organisation's leaves out the A.5s its feed leaves out
 *   (feed-appointments.ts). No row: no write yet, 0. Since every change of
 *   an appointment raises its SEQUENCE by one, the count is the sum of
 *   `sequence + 1` over the appointments the feed may show, which is what
 *   this version counted before it was kept, so ETags outlived the upgrade;
 * - the tenant's zone;
 * - the names events carry, every one of the tenant's, since appointments
 *   only point to them: a rename is seen, however it is made. string_agg
 *   with ORDER BY is PostgreSQL's, and SQLite's since 3.44; it reads the
 *   tenant's organisations and mediators, a few dozen, not its appointments;
 * - whether the feed is still live: asked here, in the same statement, so
 *   that a poll needs no other (known-feeds.ts).
 */
function versionRow(db: DbOrTx, feed: Feed) {
  return db
    .selectNoFrom((eb) => [
      eb
        .selectFrom('schedule_versions as v')
        .select('v.writes')
        .where('v.owner_kind', '=', feed.ownerKind)
        .where('v.owner_id', '=', feed.ownerId)
        .where('v.tenant_id', '=', feed.tenantId)
        .as('writes'),
      eb.selectFrom('tenants as t').select('t.time_zone').where('t.id', '=', feed.tenantId).as('zone'),
      eb
        .selectFrom('organisations as o')
        .select(sql<string | null>`string_agg(o.id || '=' || o.name, ',' order by o.id)`.as('names'))
        .where('o.tenant_id', '=', feed.tenantId)
        .as('organisations'),
      eb
        .selectFrom('mediators as m')
        .select(sql<string | null>`string_agg(m.id || '=' || m.display_name, ',' order by m.id)`.as('names'))
        .where('m.tenant_id', '=', feed.tenantId)
        .as('mediators'),
      eb.exists(eb.selectFrom('ical_feeds as f').select('f.id').where('f.id', '=', feed.id).where('f.revoked_at', 'is', null)).as('live'),
    ])
    .executeTakeFirstOrThrow();
}

/**
 * The version of a feed's text, found without writing the text: what a poll
 * compares with If-None-Match, and what a written text is kept under;
 * nothing once the feed is revoked. Read on every poll, so one statement
 * that reads no appointment. It names everything the text is made
 * of: the appointments and names (versionRow), the tenant's zone and its
 * VTIMEZONE, the window's day (feed-window.ts: its edges move only with it),
 * the public host in every UID, and what this build writes
 * (rendering-fingerprint.ts).
 *
 * It may name more than the text (an appointment outside the window, a
 * rename of someone the feed does not show): that costs a 200 where a 304
 * would have done. Naming less would leave a calendar stale, so it errs the
 * other way.
 */
export async function feedVersion(db: DbOrTx, feed: Feed, window: FeedWindow, host: string): Promise<FeedVersion | undefined> {
  const row = await versionRow(db, feed);
  if (!row.live) return undefined;
  if (row.zone === null) throw new Error('The tenant of a live feed is missing');
  const hash = createHash('sha256').update(
    JSON.stringify([
      renderingFingerprint(),
      host,
      feed.ownerKind,
      feed.ownerId,
      window.day,
      String(row.writes ?? 0),
      row.zone,
      vtimezoneOf(row.zone),
      row.organisations,
      row.mediators,
    ]),
  );
  return { etag: `"${hash.digest('base64url').slice(0, 32)}"`, zone: row.zone };
}
