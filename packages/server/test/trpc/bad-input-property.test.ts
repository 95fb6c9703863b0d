import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { listProcedures, specFor, type ProcedureInfo } from '../helpers/bad-input-cases.js';
import { buildFixture } from '../helpers/bad-input-fixture.js';
import { casesOf, pathName, setAt, startsOf, type Case, type Runs, type Start } from '../helpers/bad-input-property-cases.js';
import { databaseKinds } from '../helpers/databases.js';
import { describeEdge, withRawJson } from '../helpers/edge-values.js';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { watchWrites } from '../helpers/write-watch.js';

/*
 * Bad input, property-based: from a valid input of every procedure of
 * appRouter (read from the router, so a new procedure is covered as soon as
 * it exists), fast-check changes one field at a time to an edge value — far
 * and malformed instants, lone surrogates, direction marks, NUL, huge and
 * negative numbers, empty and maximal strings, wrong types, deep and huge
 * lists, instants moved years away — and each call, over real HTTP, must get
 * an answer below 500 within 2 s, and write nothing unless it was accepted.
 *
 * The calls go to a server in a process of its own, on the database the
 * fixture was built in: a handler that loops on a far date then blocks that
 * process, not this one, so the 2 s limit holds for real; the next case waits
 * until the process answers again, or until it is replaced. Whether anything
 * was written is read after every case, whole tables digested (write-watch).
 *
 * Cases are drawn with fc.sample rather than checked with fc.assert: every
 * failing case is reported, not the first one shrunk, and shrinking means
 * nothing against a server whose state each accepted call changes.
 */

const PROCEDURES = listProcedures();
const SEED = 20_260_410;
const HANG_MS = 2000;
/** How long a process that hung may take to answer again before it is replaced. */
const RECOVERY_MS = 15_000;
/** Edge values drawn per field: with both databases, the file takes under a minute and a half on a busy machine. */
const RUNS: Runs = { perAnswer: 1, perField: 2, perTemporalOrList: 3, perStart: 6 };

interface Outcome {
  /** an HTTP status, or why none came */
  status: number | 'hung' | 'no answer';
  ms: number;
  text: string;
}

// Bidi and invisible format characters are escaped too: JSON.stringify leaves them raw, and raw they reorder the message.
const escapeFormat = (text: string) => text.replace(/[\u00a0\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

function where(c: Case): string {
  return `${c.start.procedure.path} [${c.start.label}] ${pathName(c.path)} = ${escapeFormat(describeEdge(c.edge))}`;
}

function snippet(text: string): string {
  return escapeFormat(JSON.stringify(text.length > 200 ? `${text.slice(0, 200)}…` : text));
}

function request(proc: ProcedureInfo, json: string | undefined, headers: Record<string, string>): { url: string; init: RequestInit } {
  if (proc.type === 'mutation') {
    return { url: `/trpc/${proc.path}`, init: { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, ...(json !== undefined ? { body: json } : {}) } };
  }
  return { url: json === undefined ? `/trpc/${proc.path}` : `/trpc/${proc.path}?input=${encodeURIComponent(json)}`, init: { method: 'GET', headers } };
}

async function send(base: string, c: Case): Promise<Outcome> {
  const input = setAt(c.start.input, c.path, c.edge.value);
  const json = input === undefined ? undefined : withRawJson(JSON.stringify(input), c.edge);
  const { url, init } = request(c.start.procedure, json, c.start.headers());
  const started = performance.now();
  try {
    const res = await fetch(`${base}${url}`, { ...init, signal: AbortSignal.timeout(HANG_MS) });
    const text = await res.text();
    return { status: res.status, ms: performance.now() - started, text };
  } catch (error) {
    const ms = performance.now() - started;
    const timedOut = (error as Error).name === 'TimeoutError';
    return { status: timedOut ? 'hung' : 'no answer', ms, text: timedOut ? '' : String((error as Error).cause ?? error) };
  }
}

/** The server process the cases go to, replaced when one stops answering. */
class CaseServer {
  private process: ServerProcess | undefined;
  restarts = 0;

  constructor(private readonly ts: TestServer) {}

  async url(): Promise<string> {
    // The keys of the fixture were seeded for the test server's public origin: the process must take it as its own.
    this.process ??= await startServerProcess(this.ts.database.url, { PONTE_PUBLIC_URL: this.ts.config.publicUrl });
    return this.process.url;
  }

  /**
   * After a case that hung: waits for the process to answer again (a slow
   * handler that ends writes what it writes before the next case is sent);
   * one that is still stuck after a while, or dead, is killed and replaced.
   */
  async recover(): Promise<'answering' | 'replaced'> {
    const url = await this.url();
    const until = performance.now() + RECOVERY_MS;
    while (performance.now() < until) {
      const up = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(500) }).then((r) => r.ok, () => false);
      if (up) return 'answering';
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await this.kill();
    this.restarts++;
    return 'replaced';
  }

  /** Killed outright: a process stuck in a loop never gets to a SIGTERM handler. */
  private async kill(): Promise<void> {
    const child = this.process?.child;
    this.process = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  /** Stopped gently, unless it takes longer than a stuck process would. */
  async close(): Promise<void> {
    const stopping = this.process?.stop();
    if (!stopping) return;
    const stopped = await Promise.race([stopping.then(() => true), new Promise<false>((resolve) => setTimeout(resolve, 5000, false))]);
    if (!stopped) await this.kill();
  }
}

interface Tally {
  cases: number;
  accepted: number;
  slowest: { ms: number; where: string };
}

/** Sends the cases one by one; answers every problem, each naming the procedure, the field, the value and the answer. */
async function runCases(ts: TestServer, server: CaseServer, cases: readonly Case[], tally: Tally): Promise<string[]> {
  const writes = await watchWrites({ db: ts.server.database.db, dialect: ts.database.name });
  const problems: string[] = [];
  for (const c of cases) {
    const outcome = await send(await server.url(), c);
    const ms = Math.round(outcome.ms);
    const answer = typeof outcome.status === 'number' ? `HTTP ${outcome.status} in ${ms} ms` : `${outcome.status} after ${ms} ms`;
    const say = (what: string) => problems.push(`${where(c)}: ${what} — ${answer}${outcome.text ? ` ${snippet(outcome.text)}` : ''}`);
    tally.cases++;
    if (outcome.ms > tally.slowest.ms) tally.slowest = { ms, where: where(c) };
    const accepted = typeof outcome.status === 'number' && outcome.status >= 200 && outcome.status < 300;
    if (accepted) tally.accepted++;
    if (typeof outcome.status === 'number') {
      if (outcome.status >= 500) say('server error (5xx)');
      else if (outcome.ms > HANG_MS) say(`answered after more than ${HANG_MS} ms`);
    } else {
      const after = await server.recover();
      say(`${outcome.status === 'hung' ? `no answer within ${HANG_MS} ms` : 'the connection failed'}; the server process then ${after === 'answering' ? 'answered again' : `was still stuck after ${RECOVERY_MS / 1000} s and was replaced`}`);
    }
    const changes = await writes.changes();
    // An accepted call may write (an optional text at its limit is still valid); one refused, or never answered, nothing at all.
    if (!accepted && changes.length > 0) {
      const tables = changes.map((w) => `${w.table} (rows ${w.rows[0]} → ${w.rows[1]})`).join(', ');
      say(`${typeof outcome.status === 'number' ? 'refused' : 'never answered'}, yet wrote to ${tables}`);
    }
  }
  return problems;
}

describe('bad input, property-based: the starting inputs', () => {
  // On a server of its own: sent as they are, the mutations among them would
  // leave nothing for the cases to start from (a slot booked, a request moved on).
  it('are accepted as they are, one or more for every procedure, so that each case fails for the field it changes', async () => {
    const ts = await startTestServer('sqlite');
    try {
      const starts = startsOf(PROCEDURES, await buildFixture(ts));
      const problems: string[] = [];
      for (const proc of PROCEDURES) {
        const own = starts.filter((s) => s.procedure.path === proc.path);
        if (own.length === 0) problems.push(`${proc.path}: no starting input`);
        for (const start of own) {
          if (specFor(proc.path).generic) continue;
          const { url, init } = request(proc, start.input === undefined ? undefined : JSON.stringify(start.input), start.headers());
          const res = await fetch(`${ts.url}${url}`, init);
          const text = await res.text();
          if (res.status !== 200) problems.push(`${proc.path} [${start.label}]: HTTP ${res.status} ${snippet(text)}`);
        }
      }
      assert.equal(problems.length, 0, problems.join('\n'));
    } finally {
      await ts.close();
    }
  });
});

for (const kind of await databaseKinds()) {
  describe(`bad input, property-based, on ${kind}`, () => {
    let ts: TestServer;
    let server: CaseServer;
    let starts: Start[];
    const tally: Tally = { cases: 0, accepted: 0, slowest: { ms: 0, where: '' } };
    let began = 0;

    before(async () => {
      ts = await startTestServer(kind);
      starts = startsOf(PROCEDURES, await buildFixture(ts));
      server = new CaseServer(ts);
      await server.url();
      began = performance.now();
    });
    after(async () => {
      const seconds = ((performance.now() - began) / 1000).toFixed(1);
      console.log(
        `# bad input, property-based, on ${kind}: ${tally.cases} cases (seed ${SEED}) from ${starts?.length ?? 0} valid inputs of ${PROCEDURES.length} procedures` +
          ` — ${tally.accepted} accepted, ${tally.cases - tally.accepted} not, ${server?.restarts ?? 0} server restarts, slowest ${tally.slowest.ms} ms (${tally.slowest.where}), ${seconds} s`,
      );
      await server?.close();
      await ts?.close();
    });

    for (const proc of PROCEDURES) {
      it(`${proc.path}: one field at a time at an edge value — never a 5xx, an answer within ${HANG_MS} ms, nothing written unless accepted`, async () => {
        const cases = starts.filter((s) => s.procedure.path === proc.path).flatMap((start) => casesOf(start, RUNS, SEED));
        assert.ok(cases.length > 0, `${proc.path}: no cases were generated`);
        const problems = await runCases(ts, server, cases, tally);
        assert.equal(problems.length, 0, `${problems.length} problem(s) in ${cases.length} case(s) on ${kind}:\n  ${problems.join('\n  ')}`);
      });
    }
  });
}
