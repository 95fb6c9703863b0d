/** Half-open intervals [start, end) in epoch milliseconds. */
export interface Interval {
  start: number;
  end: number;
}

/** Sorts and merges overlapping or touching intervals. */
export function mergeIntervals(intervals: Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && i.start <= last.end) last.end = Math.max(last.end, i.end);
    else out.push({ start: i.start, end: i.end });
  }
  return out;
}

/** `free` minus `busy`, both merged and sorted: one linear pass. */
export function subtractIntervals(free: Interval[], busy: Interval[]): Interval[] {
  const out: Interval[] = [];
  let j = 0;
  for (const f of free) {
    let cursor = f.start;
    while (j < busy.length && busy[j]!.end <= cursor) j++;
    let k = j;
    while (k < busy.length && busy[k]!.start < f.end) {
      const b = busy[k]!;
      if (b.start > cursor) out.push({ start: cursor, end: b.start });
      cursor = Math.max(cursor, b.end);
      if (b.end > f.end) break;
      k++;
    }
    if (cursor < f.end) out.push({ start: cursor, end: f.end });
  }
  return out;
}
