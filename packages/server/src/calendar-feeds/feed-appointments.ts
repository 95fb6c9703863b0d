import type { DbOrTx } from '../db/database.js';
import { SPECIAL_FORM_IDS } from '../submissions/visibility.js';
import type { Feed } from './feed.repository.js';

/**
 * The appointments (`appointments as a`) a feed may show: its owner's. The
 * events a feed lists start from this query. The version it is known by
 * (feed-version.ts) reads a count of writes instead, which
 * scheduling/schedule-version.ts keeps by these same rules, so that nothing
 * outside the feed can move its version, and nothing inside it can change
 * unseen: a rule changed here is changed there too
 * (test/calendar-feeds/ical-schedule-versions.test.ts holds the two together).
 *
 * The tenant is checked through the owner (one of the tenant's mediators or
 * organisations), not on `a.tenant_id`: with `a.tenant_id = ?` in the query,
 * SQLite, which keeps no statistics unless asked to, read the appointments
 * through the tenant's index, every one of the tenant's in the window, on
 * every poll. Through the owner, both databases read only the owner's.
 */
export function appointmentsShownIn(db: DbOrTx, feed: Pick<Feed, 'tenantId' | 'ownerKind' | 'ownerId'>) {
  const appointments = db.selectFrom('appointments as a');
  if (feed.ownerKind === 'mediator') {
    return appointments
      .where('a.mediator_id', '=', feed.ownerId)
      .where('a.mediator_id', 'in', db.selectFrom('mediators').select('id').where('tenant_id', '=', feed.tenantId));
  }
  return (
    appointments
      .where('a.organisation_id', '=', feed.ownerId)
      .where('a.organisation_id', 'in', db.selectFrom('organisations').select('id').where('tenant_id', '=', feed.tenantId))
      // An organisation's feed has no reader to check, and among its referents only an A.5's sender may know
      // the consultation exists (submissions/visibility.ts): those appointments stay out of it, and out of its version.
      .where((eb) =>
        eb.not(eb.exists(eb.selectFrom('submissions as s').select('s.id').whereRef('s.id', '=', 'a.submission_id').where('s.form_id', 'in', [...SPECIAL_FORM_IDS]))),
      )
  );
}

/** What appointmentsShownIn answers: a query on `appointments as a` that selects nothing yet. */
export type AppointmentsQuery = ReturnType<typeof appointmentsShownIn>;
