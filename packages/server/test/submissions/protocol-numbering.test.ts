import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { fromJson, toInt } from '../../src/db/values.js';
import { protocolOf, protocolSql } from '../../src/submissions/protocol-number.js';
import { databaseKinds } from '../helpers/databases.js';
import { organisationIdByKey } from '../helpers/fixtures.js';
import { sampleFor } from '../helpers/samples.js';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';
import { expectTrpcError, startTestServer, type TestServer } from '../helpers/test-server.js';

/*
 * The protocol number as the write takes it (submissions/store-submission.ts):
 * without a gap or a repeat however many submissions race, from however many
 * processes; never spent by a write the database refuses; recorded in the
 * audit line as the receipt gives it.
 */

interface Answer {
  status: number;
  receipt?: { protocol: string; trackingCode: string };
}

for (const kind of await databaseKinds()) {
  describe(`protocol numbering on ${kind}`, () => {
    let ts: TestServer;
    let second: ServerProcess;
    let manzoni: string;

    before(async () => {
      ts = await startTestServer(kind);
      second = await startServerProcess(ts.database.url);
      manzoni = await organisationIdByKey(ts.server.database.db, 'pk_demo_manzoni');
    });
    after(async () => {
      await second.stop();
      await ts.close();
    });

    async function send(url: string, idempotencyKey?: string, data = sampleFor('school-request', manzoni)): Promise<Answer> {
      const response = await fetch(`${url}/trpc/submissions.submit`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-ponte-key': 'pk_demo_manzoni' },
        body: JSON.stringify({ formId: 'school-request', version: 1, data, ...(idempotencyKey ? { idempotencyKey } : {}) }),
      });
      const body = (await response.json()) as { result?: { data: Answer['receipt'] } };
      return { status: response.status, ...(body.result ? { receipt: body.result.data } : {}) };
    }

    /** The numbers of the demo tenant's year as stored, in order, and its counter. */
    async function stored(year: number) {
      const db = ts.server.database.db;
      const rows = await db.selectFrom('submissions').select('protocol_seq').where('protocol_year', '=', year).orderBy('protocol_seq').execute();
      const counter = await db.selectFrom('protocol_counters').select('last_seq').where('year', '=', year).executeTakeFirst();
      return { seqs: rows.map((r) => r.protocol_seq), last: counter ? toInt(counter.last_seq) : 0 };
    }

    it('numbers submissions racing through two server processes without a gap or a repeat, retries included', async () => {
      const urls = [ts.url, second.url];
      // 40 submissions, 8 of them sent three times at once under one idempotency key.
      const keys = Array.from({ length: 40 }, (_, i) => `race-${kind}-${i}`);
      const sends = keys.flatMap((key, i) => (i < 8 ? [key, key, key] : [key]));
      const answers = await Promise.all(sends.map((key, i) => send(urls[i % urls.length]!, key)));
      assert.deepEqual(answers.filter((a) => a.status !== 200), [], 'every call answered with a receipt');

      const byKey = new Map<string, Set<string>>();
      sends.forEach((key, i) => byKey.set(key, (byKey.get(key) ?? new Set()).add(answers[i]!.receipt!.protocol)));
      for (const [key, protocols] of byKey) assert.equal(protocols.size, 1, `one receipt for ${key}`);
      const protocols = [...byKey.values()].map((set) => [...set][0]!);
      assert.equal(new Set(protocols).size, keys.length, 'a number of its own for each submission');

      const year = Number(protocols[0]!.slice(0, 4));
      const { seqs, last } = await stored(year);
      assert.deepEqual(seqs, Array.from({ length: seqs.length }, (_, i) => i + 1), 'numbers from 1, none skipped');
      assert.equal(last, seqs.length, 'the counter at the last number stored');
      assert.ok(seqs.length >= keys.length);
    });

    it('spends no number on a write the idempotency index refuses', async () => {
      const data = sampleFor('school-request', manzoni);
      const first = await send(ts.url, `spent-${kind}-1`, data);
      const retry = await send(second.url, `spent-${kind}-1`, data);
      assert.deepEqual(retry.receipt, first.receipt);
      const changed = await expectTrpcError(
        ts.client({ key: 'pk_demo_manzoni' }).submissions.submit.mutate({ formId: 'school-request', version: 1, data: { ...data, notes: 'altro' }, idempotencyKey: `spent-${kind}-1` }),
      );
      assert.equal(changed.data?.code, 'CONFLICT');
      const next = await send(ts.url, `spent-${kind}-2`, data);
      const seqOf = (a: Answer) => Number(a.receipt!.protocol.split('/')[1]);
      assert.equal(seqOf(next), seqOf(first) + 1);
    });

    it('records in the audit line the number the receipt gives', async () => {
      const { receipt } = await send(second.url, `audited-${kind}`);
      const db = ts.server.database.db;
      const row = await db.selectFrom('submissions').select(['id', 'form_id', 'form_version']).where('protocol', '=', receipt!.protocol).executeTakeFirstOrThrow();
      const lines = await db.selectFrom('audit_events').select(['action', 'actor_kind', 'details']).where('subject_id', '=', row.id).execute();
      assert.deepEqual(
        lines.map((l) => ({ action: l.action, actor: l.actor_kind, details: fromJson(l.details) })),
        [{ action: 'submission.created', actor: 'key', details: { formId: 'school-request', version: 1, protocol: receipt!.protocol } }],
      );
    });

    // Only PostgreSQL writes the number in SQL (one statement stores a submission there).
    if (kind === 'postgres') it('writes the number in SQL as it does in JavaScript', async () => {
      for (const seq of [1, 42, 999_999, 1_000_000, 12_345_678]) {
        const { rows } = await sql<{ protocol: string }>`select ${protocolSql(2031, sql`${seq}::integer`)} as protocol`.execute(ts.server.database.db);
        assert.equal(rows[0]!.protocol, protocolOf(2031, seq));
      }
      assert.equal(protocolOf(2031, 42), '2031/000042');
    });
  });
}
