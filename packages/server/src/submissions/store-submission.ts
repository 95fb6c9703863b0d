import { sql } from 'kysely';
import type { Submitter } from '../auth/actor.js';
import { auditLine } from '../audit/audit.js';
import { toJson } from '../db/values.js';
import type { DomainEvent } from '../events/domain-event.js';
import { eventInsert } from '../events/emit.js';
import type { ServiceCall } from '../service-call.js';
import { protocolOf, protocolSql } from './protocol-number.js';
import { insertSubmission, nextProtocolSeq, submissionValues, takeProtocolSeq, type NewSubmission } from './submission.repository.js';

/**
 * Stores a new submission with the next protocol number of its tenant and
 * year, its audit line and its domain event, all or nothing: a number is
 * taken only by a submission that is stored, so numbers have no gaps.
 * Answers the protocol number.
 *
 * The counter's row is what serialises the submissions of a tenant: whoever
 * has taken a number holds every other submission of the tenant back until
 * it commits. On PostgreSQL the four rows are therefore written by one
 * statement, which is its own transaction: the lock is held for that
 * statement and its commit, never across a round trip between Ponte and the
 * database. SQLite has no INSERT inside WITH; there the four are statements
 * of one transaction, run in-process one after the other on the one
 * connection, where nothing else could run between them anyway.
 *
 * A unique index refusing the submission (an idempotency key used already)
 * undoes the whole write, the number included, and reaches the caller as
 * the database's unique violation.
 */
export function storeSubmission(call: ServiceCall<Submitter>, submission: NewSubmission, event: DomainEvent): Promise<string> {
  return call.dialect === 'postgres' ? inOneStatement(call, submission, event) : inOneTransaction(call, submission, event);
}

const AUDIT_ACTION = 'submission.created';
const subjectOf = (s: NewSubmission) => ({ type: 'submission', id: s.id });
const detailsOf = (s: NewSubmission) => ({ formId: s.formId, version: s.formVersion });

function inOneTransaction(call: ServiceCall<Submitter>, s: NewSubmission, event: DomainEvent): Promise<string> {
  return call.db.transaction().execute(async (trx) => {
    const protocolSeq = await nextProtocolSeq(trx, s.tenantId, s.protocolYear);
    const protocol = protocolOf(s.protocolYear, protocolSeq);
    await insertSubmission(trx, { ...s, protocolSeq, protocol });
    await auditLine(trx, call, AUDIT_ACTION, subjectOf(s), { ...detailsOf(s), protocol }).execute();
    await eventInsert(trx, call, event).execute();
    return protocol;
  });
}

async function inOneStatement(call: ServiceCall<Submitter>, s: NewSubmission, event: DomainEvent): Promise<string> {
  const { db } = call;
  const seq = sql<number>`(select last_seq from taken)`;
  // The number exists only inside the statement: the audit line's details take it from the stored row.
  const details = sql`${toJson(detailsOf(s))}::jsonb || jsonb_build_object('protocol', (select protocol from stored))`;
  const row = await db
    .with('taken', () => takeProtocolSeq(db, s.tenantId, s.protocolYear))
    .with('stored', (q) =>
      q
        .insertInto('submissions')
        .values({ ...submissionValues(s), protocol_seq: seq, protocol: protocolSql(s.protocolYear, seq) })
        .returning('protocol'),
    )
    .with('audited', () => auditLine(db, call, AUDIT_ACTION, subjectOf(s), details))
    .with('announced', () => eventInsert(db, call, event))
    .selectFrom('stored')
    .select('protocol')
    .executeTakeFirstOrThrow();
  return row.protocol;
}
