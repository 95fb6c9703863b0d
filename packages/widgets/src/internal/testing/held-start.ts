import { wall } from '../wall-clock.js';

/**
 * The start of a session already held, on the hour `hoursAgo` back: what a
 * report needs, as it is filed once its session has started and the server
 * has no clock to move (a coordinator may book a meeting already held). Not
 * at 23:00 in Rome, so that an hour's session ends on the day it starts and
 * its report's end time follows its start.
 */
export function heldStart(hoursAgo: number): Date {
  let start = Math.floor((Date.now() - hoursAgo * 3_600_000) / 3_600_000) * 3_600_000;
  if (wall(start, 'Europe/Rome').slice(11, 13) === '23') start -= 3_600_000;
  return new Date(start);
}
