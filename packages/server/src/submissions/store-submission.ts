import { sql } from 'kysely';
import type { Submitter } from '../auth/actor.js';
import { auditEntry } from '../audit/audit.js';
import { auditRow } from '../audit/audit.repository.js';
import type { Db } from '../db/database.js';
import { GroupCommit } from '../db/group-commit.js';
import { toInt, toJson } from '../db/values.js';
import type { DomainEvent } from '../events/domain-event.js';
import { eventRow } from '../events/emit.js';
import type { ServiceCall } from '../service-call.js';
import { protocolOf, protocolSql } from './protocol-number.js';
import { submissionValues, takeProtocolSeqs, type NewSubmission } from './submission.repository.js';

/** A submission on its way to be stored: its row but for the number, the call that sends it, its event. */
interface Pending {
  call: ServiceCall<Submitter>;
  submission: NewSubmission;
  event: DomainEvent;
}

/** One writer per database, so that the submissions of one process that arrive together are stored together. */
const writers = new WeakMap<Db, GroupCommit<Pending, string>>();

/**
 * Stores a new submission with the next protocol number of its tenant and
 * year, its audit line and its domain event, all or nothing: a number is
 * taken only by a submission that is stored, so numbers have no gaps.
 * Answers the protocol number.
 *
 * The counter's row is what serialises the submissions of a tenant: whoever
 * has taken a number holds every other submission of the tenant back until
 * it commits, and each commit waits for the disk. So the submissions of a
 * tenant and year that arrive together are stored together (db/group-commit.ts):
 * one transaction takes as many numbers as it stores, in the order they
 * arrived. On PostgreSQL that transaction is one statement, so the lock is
 * held for that statement and its commit, never across a round trip between
 * Ponte and the database. SQLite has no INSERT inside WITH; there the rows
 * are statements of one transaction, run in-process one after the other on
 * the one connection, where nothing else could run between them anyway.
 *
 * A unique index refusing a submission (an idempotency key used already)
 * undoes the whole write, and the submissions stored with it are written
 * again each alone; its own refusal reaches the caller as the database's
 * unique violation, its number not spent.
 */
export function storeSubmission(call: ServiceCall<Submitter>, submission: NewSubmission, event: DomainEvent): Promise<string> {
  let writer = writers.get(call.db);
  if (!writer) {
    const db = call.db;
    writer = new GroupCommit(call.dialect === 'postgres' ? (items) => inOneStatement(db, items) : (items) => inOneTransaction(db, items));
    writers.set(db, writer);
  }
  return writer.add(`${submission.tenantId} ${submission.protocolYear}`, { call, submission, event });
}

const AUDIT_ACTION = 'submission.created';
const subjectOf = (s: NewSubmission) => ({ type: 'submission', id: s.id });
const detailsOf = (s: NewSubmission) => ({ formId: s.formId, version: s.formVersion });

/** All of one tenant and year (GroupCommit keys them so), numbered in order. */
function inOneTransaction(db: Db, items: Pending[]): Promise<string[]> {
  const { tenantId, protocolYear: year } = items[0]!.submission;
  return db.transaction().execute(async (trx) => {
    const last = toInt((await takeProtocolSeqs(trx, tenantId, year, items.length).executeTakeFirstOrThrow()).last_seq);
    const numbered = items.map((p, i) => {
      const seq = last - items.length + 1 + i;
      return { ...p, seq, protocol: protocolOf(year, seq) };
    });
    await trx
      .insertInto('submissions')
      .values(numbered.map((n) => ({ ...submissionValues(n.submission), protocol_seq: n.seq, protocol: n.protocol })))
      .execute();
    await trx
      .insertInto('audit_events')
      .values(numbered.map((n) => auditRow(auditEntry(n.call, AUDIT_ACTION, subjectOf(n.submission), { ...detailsOf(n.submission), protocol: n.protocol }))))
      .execute();
    await trx
      .insertInto('domain_events')
      .values(items.map((p) => eventRow(p.call, p.event)))
      .execute();
    return numbered.map((n) => n.protocol);
  });
}

/** The same in one statement: the numbers exist only inside it, each row's taken from the counter's new value. */
async function inOneStatement(db: Db, items: Pending[]): Promise<string[]> {
  const { tenantId, protocolYear: year } = items[0]!.submission;
  const seqOf = (i: number) => sql<number>`((select last_seq from taken) - ${items.length - 1 - i})`;
  const rows = await db
    .with('taken', () => takeProtocolSeqs(db, tenantId, year, items.length))
    .with('stored', (q) =>
      q
        .insertInto('submissions')
        .values(items.map((p, i) => ({ ...submissionValues(p.submission), protocol_seq: seqOf(i), protocol: protocolSql(year, seqOf(i)) })))
        .returning(['id', 'protocol']),
    )
    .with('audited', () =>
      db.insertInto('audit_events').values(
        items.map((p, i) =>
          auditRow(
            auditEntry(p.call, AUDIT_ACTION, subjectOf(p.submission), sql`${toJson(detailsOf(p.submission))}::jsonb || jsonb_build_object('protocol', ${protocolSql(year, seqOf(i))})`),
          ),
        ),
      ),
    )
    .with('announced', () => db.insertInto('domain_events').values(items.map((p) => eventRow(p.call, p.event))))
    .selectFrom('stored')
    .select(['id', 'protocol'])
    .execute();
  const protocolById = new Map(rows.map((r) => [r.id, r.protocol]));
  return items.map((p) => protocolById.get(p.submission.id)!);
}
