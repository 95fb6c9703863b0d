import type { AppointmentMode } from '../db/database.js';
import { toMillis } from '../db/values.js';
import type { busyOf } from './appointment.repository.js';
import type { Interval } from './intervals.js';

type BusyRow = Awaited<ReturnType<typeof busyOf>>[number];

/**
 * The time each mediator's appointments take from a new appointment in
 * `mode`, by mediator. The new one's place is not known yet, so for an
 * in-person search every in-person appointment is taken to be elsewhere:
 * it blocks the travel buffer before and after it. Phone and video need none.
 * Free slots read the same rule computed in SQL (busy-intervals.repository.ts
 * `busyIntervalsOf`): the two change together.
 */
export function busyIntervalsBy(busy: readonly BusyRow[], mode: AppointmentMode, bufferMs: number): Map<string, Interval[]> {
  const byMediator = new Map<string, Interval[]>();
  for (const b of busy) {
    const start = toMillis(b.starts_at);
    const travel = mode === 'in_person' && b.mode === 'in_person';
    const interval = travel ? { start: start - bufferMs, end: toMillis(b.buffer_until) } : { start, end: toMillis(b.ends_at) };
    const list = byMediator.get(b.mediator_id);
    if (list) list.push(interval);
    else byMediator.set(b.mediator_id, [interval]);
  }
  return byMediator;
}
