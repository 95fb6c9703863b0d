import { sql, type RawBuilder } from 'kysely';
import type { DialectName } from '../db/connect.js';
import type { AppointmentMode, DbOrTx } from '../db/database.js';
import { MAX_BLOCK_MS } from './appointment.repository.js';
import type { Interval } from './intervals.js';

type InstantColumn = 'starts_at' | 'ends_at' | 'buffer_until';

/**
 * The time each mediator's live appointments take from a new appointment in
 * `mode` inside a window, by mediator, in one query: the rule of
 * `busyIntervalsBy` (busy-intervals.ts) applied in SQL, over the rows `busyOf`
 * reads. For an in-person search an in-person appointment blocks from the
 * tenant's travel buffer before it to its `buffer_until`; anything else
 * blocks from its start to its end.
 *
 * The database answers one row per mediator, its intervals as epoch
 * milliseconds in one text ('start,end,start,end…'). A free-slot search
 * reads thousands of appointments: read as rows of timestamps, PostgreSQL's
 * driver would build a Date for each instant, and a large part of the search
 * would go to that and its garbage; either driver would build an object per row.
 */
export async function busyIntervalsOf(
  db: DbOrTx,
  dialect: DialectName,
  tenantId: string,
  mediatorIds: readonly string[],
  window: { from: string; to: string },
  mode: AppointmentMode,
  travelBufferMs: number,
): Promise<Map<string, Interval[]>> {
  const byMediator = new Map<string, Interval[]>();
  if (mediatorIds.length === 0) return byMediator;
  const ms = (column: InstantColumn) => epochMillis(dialect, column);
  const travel = mode === 'in_person';
  // The buffer is cast: better-sqlite3 binds a number as a float, which would make every start one.
  const start = travel ? sql`${ms('starts_at')} - case when mode = 'in_person' then cast(${travelBufferMs} as integer) else 0 end` : ms('starts_at');
  const end = travel ? sql`case when mode = 'in_person' then ${ms('buffer_until')} else ${ms('ends_at')} end` : ms('ends_at');
  // Parenthesised: SQLite binds || tighter than -, PostgreSQL looser.
  const pair = sql`(${start}) || ',' || (${end})`;
  const rows = await db
    .selectFrom('appointments')
    .select(['mediator_id', (dialect === 'postgres' ? sql<string>`string_agg(${pair}, ',')` : sql<string>`group_concat(${pair}, ',')`).as('intervals')])
    .where('tenant_id', '=', tenantId)
    .where('mediator_id', 'in', [...mediatorIds])
    // Lets the (mediator_id, starts_at) index read the window only, as in busyOf.
    .where('starts_at', '>', new Date(Date.parse(window.from) - MAX_BLOCK_MS).toISOString())
    .where('starts_at', '<', window.to)
    .where('buffer_until', '>', window.from)
    .where('status', '<>', 'cancelled')
    .groupBy('mediator_id')
    .$narrowType<{ mediator_id: string }>()
    .execute();
  for (const row of rows) byMediator.set(row.mediator_id, parseIntervals(row.intervals));
  return byMediator;
}

/**
 * An instant as a whole number of epoch milliseconds. Both databases give the
 * seconds as a float; rounding the milliseconds makes them exact (Ponte writes
 * instants to the millisecond), and the cast writes them without a decimal
 * point or an exponent. On PostgreSQL, `date_part` computes in float8, much
 * cheaper than `extract`'s numeric.
 */
function epochMillis(dialect: DialectName, column: InstantColumn): RawBuilder<number> {
  return dialect === 'postgres'
    ? sql<number>`cast(round(date_part('epoch', ${sql.ref(column)}) * 1000) as bigint)`
    : sql<number>`cast(round(unixepoch(${sql.ref(column)}, 'subsec') * 1000) as integer)`;
}

/**
 * 'start,end,start,end…' as intervals, read digit by digit: thousands of
 * numbers per search, and splitting the text first would make a string of
 * each. The query writes whole numbers only (epochMillis).
 */
function parseIntervals(text: string): Interval[] {
  const intervals: Interval[] = [];
  let value = 0;
  let sign = 1;
  let start: number | undefined;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : COMMA;
    if (c === COMMA) {
      if (start === undefined) start = sign * value;
      else {
        intervals.push({ start, end: sign * value });
        start = undefined;
      }
      value = 0;
      sign = 1;
    } else if (c === MINUS) sign = -1;
    else {
      const digit = c - ZERO;
      if (digit < 0 || digit > 9) throw new Error(`busyIntervalsOf: not a whole number in '${text.slice(0, 60)}…'`);
      value = value * 10 + digit;
    }
  }
  return intervals;
}

const COMMA = 44;
const MINUS = 45;
const ZERO = 48;
